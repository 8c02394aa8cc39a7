from django.core.exceptions import ValidationError


class WorkingGroupError(ValidationError):
    """A refusal the person can act on; its code says which form field it belongs to."""

    NO_ACCOUNT = "no_account"
    STAFF_ACCOUNT = "staff_account"
    ALREADY_MEMBER = "already_member"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_QUESTION = "no_question"
    ALREADY_RESOLVED = "already_resolved"
