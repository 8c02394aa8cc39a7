"""How long the confirmation link works. The link itself is a random token whose SHA-256 alone is
stored (invitations/tokens.py, shared with the invitations and the evaluations)."""

CONFIRM_DAYS = 7
