"""The overview's "Access needs to book": how many people with a seat asked for each need, what they
described in their own words, and the day to book by (interpreters are booked weeks ahead)."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from ..choices import AccessNeed
from ..models import Attendee
from .selectors import attendees_coming


@dataclass(frozen=True)
class AccessNeedsToBook:
    counts: list[tuple[AccessNeed, int]]  # each need someone asked for, in the form's order
    described: list[Attendee]  # those who wrote a need of their own, or ticked "other" without words
    book_by: dt.date
    late: bool  # the day to book by has passed, the consultation has not, and there is something to book
    erased: bool  # erased after the consultation (services/privacy.py): nothing is left to book

    @property
    def empty(self) -> bool:
        return not self.counts and not self.described


def access_needs_to_book(*, consultation, today: dt.date | None = None) -> AccessNeedsToBook:
    """Only people holding seats count: the waiting list's are booked for once promoted."""
    today = today or timezone.localdate()
    people = list(attendees_coming(consultation=consultation))
    asked = Counter(need for person in people for need in set(person.access_needs))
    counts = [(need, asked[need]) for need in AccessNeed if need != AccessNeed.OTHER and asked[need]]
    described = [
        person for person in people if person.access_needs_other or AccessNeed.OTHER in person.access_needs
    ]
    book_by = consultation.date - dt.timedelta(days=settings.SAKRAD_ACCESS_NEEDS_BOOK_DAYS)
    return AccessNeedsToBook(
        counts=counts,
        described=described,
        book_by=book_by,
        late=bool(counts or described) and book_by < today <= consultation.date,
        erased=any(person.needs_erased_at for person in people),
    )
