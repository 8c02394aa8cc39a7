"""Who may do what here besides the contact person (organisations.permissions.is_contact_person)."""

from sakrad.roles import staff_may

CHANGE_PERMISSION = "organisations.change_organisation"


def can_send_contact_link(*, user) -> bool:
    """Staff who edit the register (organisers; docs/roles.md) send the contact person their link."""
    return staff_may(user=user, permission=CHANGE_PERMISSION)
