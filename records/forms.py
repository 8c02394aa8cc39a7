"""The registry number form: it only parses input; the service validates and decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .validation import REGISTRY_NUMBER_MAX_LENGTH


class RegistryNumberForm(forms.Form):
    registry_number = forms.CharField(
        label=_("Registry number"),
        required=False,
        max_length=REGISTRY_NUMBER_MAX_LENGTH,
        help_text=_("As the registry gives it, such as Ku2025/01234. Leave it empty to remove the number."),
    )
