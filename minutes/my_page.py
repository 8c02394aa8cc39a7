"""The published minutes of each of a participant's consultations on their own page
(invitations/my_page.py; linked by templates/invitations/my_page/consultation.html)."""

from functools import reduce
from operator import or_

from invitations.my_page import MyConsultations, my_consultation_detail_register

from .models import MinutesPage


def _published_minutes(*, user, consultations: MyConsultations) -> None:
    """A live, public child of each consultation (the first by tree order), in two queries for all of
    them: the page view restrictions (what `public()` reads), then the minutes."""
    shown = {entry.consultation.pk: entry.consultation for entry in consultations}
    if not shown:
        return
    published = MinutesPage.objects.live().public()
    children = reduce(or_, (published.child_of_q(consultation) for consultation in shown.values()))
    by_parent_path = {}
    for minutes in published.filter(children).order_by("path"):
        by_parent_path.setdefault(minutes.path[: -MinutesPage.steplen], minutes)
    for entry in consultations:
        entry.minutes = by_parent_path.get(entry.consultation.path)


my_consultation_detail_register(name="minutes", add=_published_minutes)
