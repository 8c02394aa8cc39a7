from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import EraseMode


class PersonEraseForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("What to do"),
        choices=EraseMode.choices,
        initial=EraseMode.PSEUDONYMISE,
        widget=forms.RadioSelect,
        help_text=_("Pseudonymise unless the account was never used: kept records then still add up."),
    )
    confirm = forms.BooleanField(
        label=_("I have checked that this is the right person, and this cannot be undone."),
        required=True,
    )
