"""Setting a consultation's registry number (diarienummer)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import REGISTRY_NUMBER_SET
from ..models import ConsultationRecord
from ..permissions import can_manage_records
from ..validation import (
    INVALID_REGISTRY_NUMBER,
    REGISTRY_NUMBER_MAX_LENGTH,
    REGISTRY_NUMBER_PATTERN,
    registry_number_normalise,
)
from .errors import RecordError


def _check(number: str, *, consultation) -> None:
    if number and (len(number) > REGISTRY_NUMBER_MAX_LENGTH or not REGISTRY_NUMBER_PATTERN.match(number)):
        raise RecordError(INVALID_REGISTRY_NUMBER, code=RecordError.INVALID)
    others = ConsultationRecord.objects.exclude(consultation=consultation)
    if number and others.filter(registry_number__iexact=number).exists():
        raise RecordError(
            _(
                "Another consultation already has the registry number %(number)s. "
                "Each consultation has its own."
            ),
            code=RecordError.TAKEN,
            params={"number": number},
        )


@transaction.atomic
def consultation_record_set(*, consultation, registry_number: str, user) -> ConsultationRecord:
    """Set (or, with an empty value, remove) the registry number; logged on the consultation's history."""
    if not can_manage_records(user=user, consultation=consultation):
        raise PermissionDenied(_("You may not file this consultation with the registry."))
    number = registry_number_normalise(registry_number)
    _check(number, consultation=consultation)
    record, _created = ConsultationRecord.objects.select_for_update().get_or_create(consultation=consultation)
    previous = record.registry_number
    if previous != number:
        record.registry_number = number
        record.save(update_fields=["registry_number"])
        log(
            instance=consultation,
            action=REGISTRY_NUMBER_SET,
            user=user,
            data={"registry_number": number, "previous": previous},
        )
    return record
