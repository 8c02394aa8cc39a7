"""The upload, the columns of a file, and the register's export filters."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.choices import County, OrganisationKind

from .fields import FIELDS, FIELDS_BY_NAME
from .reading import MAX_UPLOAD_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet file"),
        help_text=format_lazy(
            _("CSV (semicolons or commas, as Excel saves it) or Excel (.xlsx); at most {megabytes} MB."),
            megabytes=MAX_UPLOAD_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )


class ColumnsForm(forms.Form):
    """One choice per header of the file: the field its column goes to, or nothing."""

    def __init__(self, *args, headers: list[str], initial_columns: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        choices = [
            ("", pgettext_lazy("import column", "Do not import")),
            *((f.name, f.label) for f in FIELDS),
        ]
        for position, header in enumerate(headers):
            self.fields[f"column_{position}"] = forms.ChoiceField(
                label=header, choices=choices, required=False, initial=initial_columns.get(header, "")
            )

    def clean(self):
        data = super().clean()
        chosen = [data.get(f"column_{position}", "") for position in range(len(self.headers))]
        taken = [name for name in chosen if name]
        if len(taken) != len(set(taken)):
            raise forms.ValidationError(_("Each field can come from one column only."))
        if "name" not in taken:
            raise forms.ValidationError(_("Choose the column that holds the organisation's name."))
        return data

    @property
    def columns(self) -> dict[str, str]:
        return {header: self.cleaned_data.get(f"column_{i}", "") for i, header in enumerate(self.headers)}


class ExportForm(forms.Form):
    kind = forms.ChoiceField(
        label=FIELDS_BY_NAME["kind"].label,
        required=False,
        choices=[("", pgettext_lazy("filter", "All"))] + OrganisationKind.choices,
    )
    county = forms.ChoiceField(
        label=FIELDS_BY_NAME["county"].label,
        required=False,
        choices=[("", pgettext_lazy("filter", "All"))] + County.choices,
    )
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
