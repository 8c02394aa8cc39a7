"""The public search form: words, and the theme and year filters of the consultation list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.forms import ThemeYearForm
from consultations.models import ConsultationPage


class SiteSearchForm(ThemeYearForm):
    """Words, and the filters of the consultation list; the filters apply to a consultation and its
    minutes."""

    q = forms.CharField(
        label=_("Search for"),
        max_length=200,
        required=False,
        strip=True,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    field_order = ["q", "theme", "year"]

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, years=years, **kwargs)

    @staticmethod
    def years() -> list[int]:
        return ConsultationPage.objects.live().public().years()

    def has_filters(self) -> bool:
        return bool(self.cleaned_data.get("theme") or self.cleaned_data.get("year"))

    def consultations(self):
        """The live, public consultations the filters allow."""
        return self.filter(ConsultationPage.objects.live().public())
