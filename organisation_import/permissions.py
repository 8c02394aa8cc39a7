"""Who may import into the register and export it: the organisers, who keep the register
(staff_roles/groups.py gives them adding and changing organisations). An import adds and changes
organisations, so it asks for both; an export only reads."""

from sakrad.roles import staff_may

IMPORT_PERMISSIONS = ("organisations.add_organisation", "organisations.change_organisation")
EXPORT_PERMISSION = "organisations.view_organisation"


def can_import_organisations(*, user) -> bool:
    return all(staff_may(user=user, permission=permission) for permission in IMPORT_PERMISSIONS)


def can_export_organisations(*, user) -> bool:
    return staff_may(user=user, permission=EXPORT_PERMISSION)
