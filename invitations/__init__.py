"""Invitations of organisations to a consultation, and what each organisation answered."""
