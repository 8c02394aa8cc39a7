"""Prioritising the takeaways at the plenary: rounds, anonymous votes, live results on the wall."""
