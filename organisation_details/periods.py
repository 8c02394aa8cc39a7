"""How long the contact person's links work."""

LINK_DAYS = 30  # long enough for an organisation's board to meet; staff can always send a new one
CONFIRM_DAYS = 7  # a new contact e-mail not confirmed by then is dropped; the old one stays
