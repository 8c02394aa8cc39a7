"""Who may see a consultation's outbox and send its failed mail again: its organisers."""

from sakrad.roles import staff_may

PERMISSION = "outbox.change_outboxmail"


def can_view_outbox(*, user, consultation) -> bool:
    return staff_may(user=user, permission=PERMISSION, page=consultation)
