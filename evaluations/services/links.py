"""Queueing a link's e-mail in the outbox; delivery.py builds it when it goes."""

from outbox.models import OutboxMail
from outbox.services import mail_queue_built

from ..delivery import PURPOSE
from ..models import EvaluationLink


def link_mail_key(*, consultation_id: int, attendee_id: int, reminder: bool) -> str:
    # By attendee, not by link: links are deleted when used, the key of their mail stays.
    kind = "evaluation-reminder" if reminder else "evaluation"
    return f"{kind}:{consultation_id}:{attendee_id}"


def link_mail_queue(*, link: EvaluationLink, reminder: bool = False) -> OutboxMail:
    return mail_queue_built(
        purpose=PURPOSE,
        key=link_mail_key(
            consultation_id=link.evaluation.consultation_id, attendee_id=link.attendee_id, reminder=reminder
        ),
        to=[link.attendee.email],
        consultation=link.evaluation.consultation,
        context={"link": link.pk, "reminder": reminder},
    )
