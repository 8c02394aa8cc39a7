"""Who may file a consultation with the registry: set its registry number and export its archive."""

from __future__ import annotations

from sakrad.roles import staff_may

# The registry number and the archive export; the organisers hold it (staff_roles/groups.py).
MANAGE_PERMISSION = "records.change_consultationrecord"


def can_manage_records(*, user, consultation) -> bool:
    """Organisers who may edit the consultation or add pages under it: they hand it over to the registry."""
    return staff_may(user=user, permission=MANAGE_PERMISSION, page=consultation)
