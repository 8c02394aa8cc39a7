"""What a registry number (diarienummer) looks like: the ministry's letters, the year, a slash and the
running number, sometimes a unit's suffix ("Ku2025/01234", "S2024/00123", "Fi2023/04567/SFÖ")."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGISTRY_NUMBER_MAX_LENGTH = 40
REGISTRY_NUMBER_PATTERN = re.compile(
    r"^[A-Za-zÅÄÖåäö]{1,6}(?:19|20)\d{2}/\d{1,6}(?:/[A-Za-z0-9ÅÄÖåäö-]{1,12})?$"
)
INVALID_REGISTRY_NUMBER = _(
    "Write the registry number as the registry gives it: the ministry's letters, the year, a slash "
    "and the number, such as Ku2025/01234."
)


def registry_number_normalise(value: str) -> str:
    # Registry numbers hold no spaces; people paste them with some ("Ku 2025/01234 ").
    return re.sub(r"\s+", "", value or "")


def validate_registry_number(value: str) -> None:
    if value and not REGISTRY_NUMBER_PATTERN.match(value):
        raise ValidationError(INVALID_REGISTRY_NUMBER, code="invalid_registry_number")
