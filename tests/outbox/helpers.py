"""Running the outbox's jobs by hand in tests, as the job worker would."""

from outbox.models import MailState, OutboxMail
from outbox.services import mail_deliver


def deliver_all(**filters) -> list[str]:
    """Sends every queued mail now, whatever its next try says; returns the states afterwards."""
    OutboxMail.objects.filter(state=MailState.QUEUED, **filters).update(next_attempt_at=None)
    return [
        mail_deliver(mail_id=pk) for pk in OutboxMail.objects.filter(**filters).values_list("pk", flat=True)
    ]
