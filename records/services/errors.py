from django.core.exceptions import ValidationError


class RecordError(ValidationError):
    """A refusal the person can act on; the registry number form shows it beside the field."""

    INVALID = "invalid_registry_number"
    TAKEN = "registry_number_taken"
