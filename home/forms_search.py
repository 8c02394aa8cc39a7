"""The public search form: words, and the theme and year filters of the consultation list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.forms import ContentLanguageSelect
from consultations.models import ConsultationPage, Theme


class SiteSearchForm(forms.Form):
    """Bad values become form errors, not 500s; the filters apply to a consultation and its minutes."""

    q = forms.CharField(label=_("Search for"), max_length=200, required=False, strip=True)
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
        widget=ContentLanguageSelect,
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]

    @staticmethod
    def years() -> list[int]:
        return ConsultationPage.objects.live().public().years()

    def has_filters(self) -> bool:
        return bool(self.cleaned_data.get("theme") or self.cleaned_data.get("year"))

    def consultations(self):
        """The live, public consultations the filters allow."""
        consultations = ConsultationPage.objects.live().public()
        if self.cleaned_data.get("theme"):
            consultations = consultations.filter(themes=self.cleaned_data["theme"])
        if self.cleaned_data.get("year"):
            consultations = consultations.filter(date__year=self.cleaned_data["year"])
        return consultations
