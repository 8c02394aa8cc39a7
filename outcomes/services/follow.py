"""Following a takeaway by e-mail, no account: ask, confirm from the mail (double opt-in), unsubscribe.

Anonymous actions: no audit-log entry (it would keep the address), and the answer to asking is the same
whether or not the address already follows, so nobody learns who follows what. Nothing is mailed about
the takeaway before the address is confirmed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.services.queue import mail_queue_built

from ..models import Follower
from ..tokens import confirm_token_read, unsubscribe_token_read

LANGUAGES = ("sv", "en")


def _normalised(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Enter an e-mail address like name@example.org."), code="email") from None
    local, _at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


@transaction.atomic
def follower_request(*, takeaway, email: str, language: str) -> Follower:
    """Records the request and queues the confirmation mail; an address that already follows the
    takeaway gets nothing more. `takeaway` must be one the register lists (the view's selector)."""
    email = _normalised(email)
    language = language if language in LANGUAGES else LANGUAGES[0]
    follower = Follower.objects.select_for_update().filter(takeaway=takeaway, email__iexact=email).first()
    if follower is None:
        try:
            with transaction.atomic():
                follower = Follower.objects.create(takeaway=takeaway, email=email, language=language)
        except IntegrityError:  # the same address asked twice at once: one row
            follower = Follower.objects.get(takeaway=takeaway, email__iexact=email)
    if follower.confirmed_at is not None:
        return follower
    # A new key per asking (the rate limits bound how often): a lost mail can be asked for again.
    mail_queue_built(
        purpose="outcomes-confirm",
        key=f"outcomes-confirm:{follower.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
        to=[follower.email],
        context={"follower": follower.pk, "nonce": follower.nonce},
    )
    return follower


@transaction.atomic
def follower_confirm(*, token: str) -> Follower | None:
    """Confirms the address of a valid, unexpired link; None for a bad, old or used-up one."""
    read = confirm_token_read(token)
    if read is None:
        return None
    follower = Follower.objects.select_for_update().filter(pk=read[0], nonce=read[1]).first()
    if follower is not None and follower.confirmed_at is None:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return follower


@transaction.atomic
def follower_unsubscribe(*, token: str) -> bool:
    """Deletes the follower of a valid link (the address is erased with it); False when none is left."""
    read = unsubscribe_token_read(token)
    if read is None:
        return False
    return Follower.objects.filter(pk=read[0], nonce=read[1]).delete()[0] > 0
