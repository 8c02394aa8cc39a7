from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import MAX_VOTES


class PriorityError(ValidationError):
    """Why a round could not start or close, or a ballot was refused; `code` says which case."""

    ALREADY_OPEN = "already_open"
    NO_TAKEAWAYS = "no_takeaways"
    BAD_VOTES = "bad_votes"
    CLOSED = "closed"
    ALREADY_VOTED = "already_voted"
    NOT_ATTENDEE = "not_attendee"
    NO_CHOICE = "no_choice"
    TOO_MANY = "too_many"
    UNKNOWN_OPTION = "unknown_option"


def votes_per_person_error() -> str:
    return _("Give each person from 1 to %(max)s votes.") % {"max": MAX_VOTES}
