from django import forms
from django.utils.translation import gettext_lazy as _

from sakrad.editor_text import content_language

from .models.theme import Theme
from .status import ConsultationStatus


class ContentLanguageSelect(forms.Select):
    """Options named by editors (theme names, in the site's language) carry a lang attribute when
    the interface is in another language; the empty "all" option is interface text (WCAG 3.1.2)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        language = content_language()
        if language and str(value):
            option["attrs"]["lang"] = language
        return option


class ThemeYearForm(forms.Form):
    """The theme and year filters shared by the consultation list and the site search; bad values
    become form errors, not 500s."""

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
        self.fields["year"].choices = [("", _("All years"))] + [(y, y) for y in years]

    def filter(self, queryset):
        """Consultations of the chosen theme and year."""
        data = self.cleaned_data
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("year"):
            queryset = queryset.filter(date__year=data["year"])
        return queryset


class ConsultationFilterForm(ThemeYearForm):
    """The public filters of the consultation list."""

    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, years=years, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *ConsultationStatus.choices]

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if self.cleaned_data.get("status"):
            queryset = queryset.filter(computed_status=self.cleaned_data["status"])
        return queryset
