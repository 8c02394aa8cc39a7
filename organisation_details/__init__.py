"""The contact person keeps their organisation's details: the personal link, the section on Mina sidor,
the confirmation of a new contact e-mail, and staff sending the link from the admin. The fields and the
links' rows are the register's (organisations/); this app sits above the outbox because it mails."""
