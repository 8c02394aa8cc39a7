"""allauth's second-factor forms with a code field phones and password managers fill in (WCAG 3.3.8).

TOTP and recovery codes are digits: `inputmode="numeric"` brings up the number pad, and
`autocomplete="one-time-code"` (allauth's own) lets the phone offer a code it received. No maxlength:
a code pasted with a space ("123 456") must go in whole; allauth drops spaces and dashes when it
compares. The e-mailed login code has letters, so its field keeps allauth's text keyboard.
Wired in through MFA_FORMS (sakrad/settings/base.py)."""

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm


class NumericCodeMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(inputmode="numeric", autocomplete="one-time-code")


class NumericAuthenticateForm(NumericCodeMixin, AuthenticateForm):
    pass


class NumericReauthenticateForm(NumericCodeMixin, ReauthenticateForm):
    pass


class NumericActivateTOTPForm(NumericCodeMixin, ActivateTOTPForm):
    pass
