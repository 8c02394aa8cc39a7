"""Telling a new member where the draft is, through the outbox, in the transaction that added them."""

from __future__ import annotations

from outbox.services import mail_queue

from ..mail import member_added_message


def member_added_notify(*, member) -> None:
    # Membership stands without the email: the draft is also listed on the member's own page.
    mail_queue(
        message=member_added_message(member=member),
        purpose="working-group-member",
        key=f"working-group-member:{member.pk}",
        consultation=member.consultation,
    )
