"""Co-creation in the demo (issue 7): a working group on an upcoming consultation, open input on it and
on the one held today, with a few answers of our own waiting in the moderation queue."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from accounts.models import User
from open_input.models import AnswerStatus, InputAnswer, OpenInputPeriod
from working_groups.models import WorkingGroupMember

WORKING_GROUP = ("deltagare1@example.org", "deltagare2@example.org")
# (question number, text, age band, status): written for the demo, signed by no one.
ANSWERS = [
    (1, "Vi som går på gymnasiet hittar inga lokaler att ses i efter klockan sex.", "16_19",
     AnswerStatus.APPROVED),
    (2, "Låt unga vara med och bestämma hur fritidsgårdens pengar används.", "20_25", AnswerStatus.PENDING),
    (None, "Bjud in oss som inte är med i någon förening, till exempel via skolan.", "",
     AnswerStatus.PENDING),
]


def co_creation_ensure(*, review_page, input_pages, held_page, tally) -> None:
    for email in WORKING_GROUP:
        user = User.objects.get(email=email)
        _, created = WorkingGroupMember.objects.get_or_create(consultation=review_page, user=user)
        tally.record("working group member", created=created, label=f"{review_page.title}: {email}")
    now = timezone.now()
    for page in input_pages:
        _, created = OpenInputPeriod.objects.get_or_create(
            consultation=page,
            defaults={"opens_at": now - dt.timedelta(days=7), "closes_at": now + dt.timedelta(days=30)},
        )
        tally.record("open input period", created=created, label=page.title)
    if InputAnswer.objects.filter(consultation=held_page).exists():
        tally.record("open input answer", created=False)
        return
    for number, text, age_band, status in ANSWERS:
        InputAnswer.objects.create(
            consultation=held_page, question_number=number, text=text, age_band=age_band, status=status,
            moderated_at=now if status != AnswerStatus.PENDING else None,
        )
        tally.record("open input answer", created=True, label=text[:40])
