"""Open input (öppet inspel): written answers to a consultation's questions from anyone, moderated,
and de-attributed in the minutes."""
