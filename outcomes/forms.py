"""The register's public forms: the filters (GET, no JavaScript needed) and asking to follow a takeaway."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.forms import ThemeYearForm
from minutes.models.takeaway import TakeawayStatus

HONEYPOT = "website"


class RegisterFilterForm(ThemeYearForm):
    """Theme, status and year; a bad value is a form error, never a 500."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    field_order = ["theme", "status", "year"]

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, years=years, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *TakeawayStatus.choices]

    def filters(self) -> dict:
        """What register_takeaways takes; nothing while the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"theme": data.get("theme"), "status": data.get("status") or None, "year": data.get("year")}


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a link to confirm. Nothing else is sent until you have confirmed."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A field people never see: only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))
