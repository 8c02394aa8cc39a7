"""The public form (intresseanmälan) and staff's decline form. Errors are English msgids, shown in
Swedish from the catalogue."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Theme
from organisations.choices import County, OrganisationKind
from organisations.numbers import organisation_number_clean

from .models import DECLINE_REASON_MAX_LENGTH, MOTIVATION_MAX_LENGTH

HONEYPOT = "website"
TOO_LONG = _("Write at most %(limit_value)d characters. This has %(show_value)d characters.")


def _required(message) -> dict:
    return {"required": message}


def _text(*, label, message, max_length: int, rows: int = 6, help_text="") -> forms.CharField:
    field = forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        error_messages={"required": message, "max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": rows}),
    )
    # No maxlength attribute: a browser would cut pasted text short without saying so.
    field.widget.attrs.pop("maxlength", None)
    return field


class JoinRequestForm(forms.Form):
    organisation_name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=255,
        error_messages=_required(_("Enter the organisation's name.")),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_number = forms.CharField(
        label=_("Organisation number"),
        help_text=_("Ten digits, for example 802000-1239. Leave it empty if the organisation has none."),
        required=False,
        max_length=20,
    )
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("Choose a kind")), *OrganisationKind.choices],
        error_messages={
            "required": _("Choose the kind of organisation."),
            "invalid_choice": _("Choose one of the kinds in the list."),
        },
    )
    county = forms.ChoiceField(
        label=_("County"),
        help_text=_(
            "Where the organisation is based. A nationwide organisation chooses the county of its office."
        ),
        choices=[("", _("Choose a county")), *County.choices],
        error_messages={
            "required": _("Choose the county where the organisation is based."),
            "invalid_choice": _("Choose one of the counties in the list."),
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes the organisation works on"),
        help_text=_("Choose one or more. We invite organisations to consultations on their themes."),
        queryset=Theme.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one theme."),
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
        },
    )
    contact_name = forms.CharField(
        label=_("Contact person's name"),
        max_length=200,
        error_messages=_required(_("Enter the name of the contact person.")),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail address"),
        help_text=_("We send a link to this address to confirm the request, and invitations later."),
        max_length=254,
        error_messages={
            "required": _("Enter the contact person's e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    motivation = _text(
        label=_("Why does the organisation want to take part?"),
        help_text=_("What the organisation does, for whom, and what it could bring to consultations."),
        message=_("Tell us why the organisation wants to take part."),
        max_length=MOTIVATION_MAX_LENGTH,
    )
    consent = forms.BooleanField(
        label=_("I agree that the ministry stores these details to handle the request, as described above."),
        error_messages=_required(
            _("Tick the box to agree that we store the details, or we cannot handle the request.")
        ),
    )
    # A field people never see (nor their assistive technology): only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_organisation_name(self) -> str:
        return " ".join(self.cleaned_data["organisation_name"].split())

    def clean_contact_name(self) -> str:
        return " ".join(self.cleaned_data["contact_name"].split())

    def clean_organisation_number(self) -> str:
        value = self.cleaned_data["organisation_number"].strip()
        return organisation_number_clean(value) if value else ""

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))

    def details(self) -> dict:
        """What join_request_submit takes."""
        data = self.cleaned_data
        names = (
            "organisation_name",
            "organisation_number",
            "kind",
            "county",
            "themes",
            "contact_name",
            "contact_email",
            "motivation",
        )
        return {name: data[name] for name in names}


class DeclineForm(forms.Form):
    reason = _text(
        label=_("Why the request is declined"),
        help_text=_("Sent to the applicant as you write it. Be kind and concrete."),
        message=_("Write the reason: the applicant is told it."),
        max_length=DECLINE_REASON_MAX_LENGTH,
        rows=4,
    )


class AcceptForm(forms.Form):
    despite_duplicates = forms.BooleanField(
        label=_("It is not the same organisation: add it anyway"), required=False
    )
