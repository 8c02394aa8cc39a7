"""A consultation's working group: civil-society representatives who review the draft questions and
comment on them before invitations go out."""
