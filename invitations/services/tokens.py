from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..log_actions import INVITATION_TOKEN_REVOKE
from ..models import Invitation
from .common import require_manager


@transaction.atomic
def invitation_token_revoke(*, invitation: Invitation, user) -> Invitation:
    """Makes the invitation's current link useless (e.g. sent to the wrong address). Sending the
    invitation again issues a new link."""
    require_manager(user=user, consultation=invitation.consultation)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.token_hash and invitation.token_revoked_at is None:
        invitation.token_revoked_at = timezone.now()
        invitation.save(update_fields=["token_revoked_at"])
        log(instance=invitation, action=INVITATION_TOKEN_REVOKE, user=user)
    return invitation
