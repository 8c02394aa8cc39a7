from django.core.exceptions import ValidationError
from django.utils import formats, timezone


class CorrectionError(ValidationError):
    """Why a review could not be opened, a suggestion taken or a decision made; `code` says which."""

    PUBLISHED = "published"
    DEADLINE_PAST = "deadline_past"
    ALREADY_OPEN = "already_open"
    NO_ATTENDEES = "no_attendees"
    NO_ROUND = "no_round"
    CLOSED = "closed"
    NOT_ATTENDEE = "not_attendee"
    UNKNOWN_PASSAGE = "unknown_passage"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    UNCHANGED = "unchanged"
    TOO_MANY = "too_many"
    DECIDED = "decided"
    PASSAGE_CHANGED = "passage_changed"


def when(moment) -> str:
    """A moment as people read it, in the site's time zone and the active language: "12 June 2025, 17:00"."""
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")
