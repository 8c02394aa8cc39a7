"""Forms only parse input; the rules (deadline, attendee, passage) are the services'."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakrad.widgets import datetime_local_input

from .models import SUGGESTION_MAX_LENGTH
from .services.decide import NOTE_MAX_LENGTH

REVIEW_DAYS = 7
REVIEW_CLOSES_AT = dt.time(17, 0)


class SuggestionForm(forms.Form):
    """One per passage on the review page; `auto_id` keeps the ids of the many forms apart."""

    passage = forms.CharField(widget=forms.HiddenInput, max_length=200)
    text = forms.CharField(
        label=_("Your correction"),
        help_text=_("Write the passage as it should read. At most 1,000 characters."),
        max_length=SUGGESTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write the passage as it should read.")},
    )

    def __init__(self, *args, passage, number: int, **kwargs):
        kwargs.setdefault("auto_id", f"id_passage{number}_%s")
        kwargs.setdefault("initial", {"passage": passage.key, "text": passage.text})
        super().__init__(*args, **kwargs)
        self.passage = passage
        self.fields["text"].label = _("Your correction to %(passage)s") % {"passage": passage.label}


def default_deadline() -> dt.datetime:
    """A week from today at 17:00, in the site's time zone."""
    day = timezone.localdate() + dt.timedelta(days=REVIEW_DAYS)
    return timezone.make_aware(dt.datetime.combine(day, REVIEW_CLOSES_AT))


class OpenRoundForm(forms.Form):
    deadline = forms.DateTimeField(
        label=_("Suggestions can be sent until"),
        widget=datetime_local_input(),
        help_text=_("Attendees get an email with a link to the draft as soon as the review opens."),
    )


class DecideForm(forms.Form):
    suggestion = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept the suggestion")), ("decline", _("Decline the suggestion"))]
    )
    note = forms.CharField(
        label=_("Note to the attendee (optional)"), max_length=NOTE_MAX_LENGTH, required=False
    )
