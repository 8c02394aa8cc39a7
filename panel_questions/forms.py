"""The phone's question form and the staff's written answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ANSWER_MAX_LENGTH, TEXT_MAX_LENGTH

TOO_LONG = _(
    "A question can be at most %(limit_value)d characters long. This one has %(show_value)d characters. "
    "Please make it shorter."
)


class AskForm(forms.Form):
    text = forms.CharField(
        label=_("Your question to the panel"),
        help_text=_("The panel sees your question without your name. Staff read it before it is shown."),
        max_length=TEXT_MAX_LENGTH,
        error_messages={"required": _("Write your question."), "max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength attribute: a browser would cut pasted text short without saying so.
        self.fields["text"].widget.attrs.pop("maxlength", None)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Written answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published on the minutes page; whoever asked is told by e-mail."),
    )
    date = forms.DateField(label=_("Date of the answer"), widget=forms.DateInput(attrs={"type": "date"}))
