"""Swedish organisation numbers (organisationsnummer): ten digits written NNNNNN-NNNN, the last one a
Luhn check digit over the other nine, so a mistyped digit is caught before anyone is mailed."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# People type it with or without the hyphen, and paste it with spaces.
_TYPED = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_digit(digits: str) -> int:
    """The check digit of `digits` (weights 2, 1, 2, … from the left, as Skatteverket counts)."""
    total = 0
    for position, digit in enumerate(digits):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def organisation_number_clean(value: str) -> str:
    """The number as stored (NNNNNN-NNNN), or a ValidationError saying what is wrong with it."""
    match = _TYPED.match("".join((value or "").split()))
    if match is None:
        raise ValidationError(
            _("Enter the organisation number as ten digits, NNNNNN-NNNN."), code="organisation_number_format"
        )
    digits = match[1] + match[2]
    if luhn_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            _("This organisation number does not exist: its last digit does not match. Check it for a typo."),
            code="organisation_number_check_digit",
        )
    return f"{match[1]}-{match[2]}"
