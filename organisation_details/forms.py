"""The contact person's form: the organisation's details, as plain HTML (no script). The form never
saves: services.organisation_update stores what changed."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.models import Organisation

# Control characters a browser never sends from a text field; newlines stay in the description.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAKS = re.compile(r"\s+")


class DetailsForm(forms.ModelForm):
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail"),
        help_text=_("A new address is used only once it has been confirmed from that address."),
        error_messages={"required": _("Enter the contact person's e-mail address.")},
    )

    class Meta:
        model = Organisation
        fields = ["name", "contact_name", "contact_email", "county", "themes", "description", "may_be_shown"]
        labels = {
            "name": _("Name of the organisation"),
            "contact_name": pgettext_lazy("organisation", "Contact person"),
            "county": _("County"),
            "themes": _("Themes the organisation works on"),
            "description": _("Short description"),
            "may_be_shown": _("The organisation may be named publicly as invited to a consultation"),
        }
        help_texts = {
            "contact_name": _("The person who keeps these details up to date."),
            "description": _("What the organisation does, in a few sentences (at most 500 characters)."),
            "may_be_shown": _("Published minutes always list the organisations that took part."),
        }
        error_messages = {"name": {"required": _("Enter the organisation's name.")}}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].choices = [("", _("Not stated"))] + list(self.fields["county"].choices)[1:]
        self.fields["name"].widget.attrs["autocomplete"] = "organization"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"

    def _one_line(self, field: str) -> str:
        return LINE_BREAKS.sub(" ", CONTROL.sub("", self.cleaned_data.get(field) or "")).strip()

    def clean_name(self) -> str:
        name = self._one_line("name")
        if not name:
            raise forms.ValidationError(_("Enter the organisation's name."))
        taken = Organisation.objects.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another organisation in the register already has this name."))
        return name

    def clean_contact_name(self) -> str:
        return self._one_line("contact_name")

    def clean_description(self) -> str:
        text = (self.cleaned_data.get("description") or "").replace("\r\n", "\n").replace("\r", "\n")
        return CONTROL.sub("", text).strip()

    def validate_unique(self):
        pass  # the name is checked above, without regard to case, with a message of our own
