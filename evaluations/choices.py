"""The evaluation's questions and the one scale they share: five steps of agreement, and "don't know"."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Agreement(models.IntegerChoices):
    # "Don't know" is stored as no value (null): it counts as an answer, never in an average.
    DISAGREE_FULLY = 1, _("Disagree completely")
    DISAGREE = 2, _("Mostly disagree")
    NEUTRAL = 3, _("Partly")
    AGREE = 4, _("Mostly agree")
    AGREE_FULLY = 5, _("Agree completely")


DONT_KNOW_LABEL = _("Don't know")

# (answer field, the statement the attendee agrees with or not); the order of the form and of results.
QUESTIONS: tuple[tuple[str, object], ...] = (
    ("could_say", _("I could say what I came to say.")),
    ("material_in_time", _("The material came in good time before the consultation.")),
    ("material_accessible", _("The material came in a form I could use (accessible).")),
    ("would_return", _("I would take part in a consultation like this again.")),
)
QUESTION_FIELDS = tuple(name for name, _statement in QUESTIONS)

COMMENT_MAX_LENGTH = 3000
