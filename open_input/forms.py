"""The public open-input form: one optional text per published question, and a general one."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sakrad.widgets import datetime_local_input

from .models import ANSWER_MAX_LENGTH, AgeBand, OpenInputPeriod

GENERAL = "general"
HONEYPOT = "website"
TOO_LONG = _(
    "An answer can be at most %(limit_value)d characters long. This one has %(show_value)d characters. "
    "Please make it shorter."
)


def _answer_field(label, hint) -> forms.CharField:
    field = forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # No maxlength attribute: a browser would cut pasted text short without saying so.
    field.widget.attrs.pop("maxlength", None)
    return field


class OpenInputForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Organisation (optional)"),
        help_text=_("If you answer for an organisation. Only the staff see it; it is never published."),
        required=False,
        max_length=200,
    )
    age_band = forms.ChoiceField(
        label=_("Your age (optional)"),
        help_text=_(
            "So we can see whether we reach young people. It is only counted, never shown with your answer."
        ),
        choices=[*AgeBand.choices, ("", _("I would rather not say"))],
        required=False,
        widget=forms.RadioSelect,
    )
    # A field people never see: only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.question_names = []
        for question in questions:
            name = f"question_{question.number}"
            hint = " ".join(question.sub_question_texts)
            self.fields[name] = _answer_field(f"{question.number}. {question.text}", hint)
            self.question_names.append((name, question.number))
        self.fields[GENERAL] = _answer_field(_("Anything else you want to tell us about the theme"), "")
        self.question_names.append((GENERAL, None))
        self.order_fields([name for name, _number in self.question_names])

    @property
    def answer_fields(self):
        return [self[name] for name, _number in self.question_names]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name) for name, _number in self.question_names):
            # On the first answer field, so the error summary links to where to start writing.
            first = self.question_names[0][0]
            self.add_error(
                first, forms.ValidationError(_("Write an answer to at least one question."), code="empty")
            )
        return cleaned

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def answers(self) -> dict[int | None, str]:
        return {number: self.cleaned_data.get(name, "") for name, number in self.question_names}


class OpenInputPeriodForm(forms.ModelForm):
    class Meta:
        model = OpenInputPeriod
        fields = ["opens_at", "closes_at", "intro"]
        widgets = {
            "opens_at": datetime_local_input(),
            "closes_at": datetime_local_input(),
            "intro": forms.Textarea(attrs={"rows": 4}),
        }
