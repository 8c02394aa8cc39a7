"""The attendee's form (plain HTML radios, no JavaScript) and the organiser's send form."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .choices import COMMENT_MAX_LENGTH, DONT_KNOW_LABEL, QUESTIONS, Agreement

DONT_KNOW = "dont-know"
SCALE_CHOICES = [(str(value), label) for value, label in Agreement.choices] + [(DONT_KNOW, DONT_KNOW_LABEL)]
DEFAULT_OPEN_DAYS = 14


class AnswerForm(forms.Form):
    comment = forms.CharField(
        label=_("Anything else you want to tell us?"),
        # Formatted when shown, in the reader's language (a lazy text with % would be fixed at import).
        help_text=format_lazy(
            _(
                "Optional, up to {limit} characters. Do not write your name or anything else that shows "
                "who you are."
            ),
            limit=COMMENT_MAX_LENGTH,
        ),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, statement in QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=statement,
                choices=SCALE_CHOICES,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer, or “Don't know”.")},
            )
        self.order_fields([name for name, _statement in QUESTIONS] + ["comment"])

    @property
    def question_fields(self):
        return [self[name] for name, _statement in QUESTIONS]

    def answers(self) -> dict:
        """The scale's steps as numbers; "don't know" as None."""
        return {
            name: None if self.cleaned_data[name] == DONT_KNOW else int(self.cleaned_data[name])
            for name, _statement in QUESTIONS
        }


def default_closing_date() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=DEFAULT_OPEN_DAYS)


class SendForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Open until (inclusive)"),
        help_text=_("The links stop working after this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    include_not_checked_in = forms.BooleanField(
        label=_("Also send to those on an accepted invitation who were not checked in"),
        help_text=_("For example those who took part remotely. People who did not come will get it too."),
        required=False,
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date must be today or later."))
        if closes_on > timezone.localdate() + dt.timedelta(days=180):
            raise forms.ValidationError(_("Keep the evaluation open for at most six months."))
        return closes_on

    def closes_at(self) -> dt.datetime:
        """The end of the chosen day, local time."""
        day = self.cleaned_data["closes_on"] + dt.timedelta(days=1)
        return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
