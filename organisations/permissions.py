"""Who may update an organisation's own details outside the admin (docs/organisations.md). Staff edit
the register in the admin, with the directory's permissions."""

from __future__ import annotations


def is_contact_person(*, user, organisation) -> bool:
    """The account whose address is the organisation's contact e-mail: accounts are made by invitation
    and log in by a code sent to that address, so holding it is holding the mailbox. A new contact
    e-mail counts only once confirmed from itself, so nobody becomes the contact by typing an address."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(organisation.contact_email) and user.email.lower() == organisation.contact_email.lower()
