"""Small pieces the services share: the staff permission check, the consultation lock."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ..models import Invitation
from ..permissions import can_manage_invitations


def require_manager(*, user, consultation) -> None:
    if not can_manage_invitations(user=user, consultation=consultation):
        raise PermissionDenied(_("You may not manage the invitations of this consultation."))


def consultation_lock(*, consultation_id: int) -> list[Invitation]:
    """Locks every invitation of the consultation, always in the same order (no deadlocks).

    Seats are shared by all invitations of a consultation, so two answers arriving together must
    be decided one after the other; on SQLite, where this is a no-op, writes are serialised anyway.
    """
    return list(Invitation.objects.select_for_update().filter(consultation_id=consultation_id).order_by("pk"))
