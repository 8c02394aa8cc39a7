"""Forms of the admin screens: narrowing the organisation register, and picking from it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.models import Theme
from organisations.choices import County, OrganisationKind

from .selectors import consultations_with_invitations


class OrganisationFilterForm(forms.Form):
    """Sent by GET, so a filtered list can be bookmarked and reloaded."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any kind")), *OrganisationKind.choices], required=False
    )
    county = forms.ChoiceField(
        label=_("County"), choices=[("", _("Any county")), *County.choices], required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label=_("Any theme"),
        help_text=_("Organisations invited before to a consultation with this theme."),
    )
    reuse = forms.ModelChoiceField(
        label=_("Reuse the list of"),
        queryset=None,
        required=False,
        empty_label=_("No earlier list"),
        help_text=_("The organisations invited to that consultation are ticked below."),
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reuse"].queryset = consultations_with_invitations(exclude=consultation)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"kind": data["kind"], "county": data["county"], "theme": data["theme"]}


class OrganisationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        details = [str(obj.get_kind_display())]
        if obj.county:
            details.append(str(obj.get_county_display()))
        return f"{obj.name} ({', '.join(details)})"


class OrganisationPickForm(forms.Form):
    organisations = OrganisationChoiceField(
        label=_("Organisations"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = candidates
