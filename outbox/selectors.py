"""What the outbox screen and the warnings read."""

from django.db.models import Count, Q

from .models import MailState, OutboxMail


def consultation_mails(*, consultation, state: str = ""):
    mails = OutboxMail.objects.filter(consultation=consultation)
    return mails.filter(state=state) if state in MailState.values else mails


def state_counts(*, consultation) -> dict[str, int]:
    counts = OutboxMail.objects.filter(consultation=consultation).aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in MailState.values}
    )
    return counts


def failing_count(*, consultation) -> int:
    return OutboxMail.objects.filter(consultation=consultation, state=MailState.FAILED).count()
