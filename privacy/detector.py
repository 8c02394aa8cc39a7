"""Finds model fields that look like personal data but are classified nowhere in the inventory.

It errs on the side of asking: a false positive costs one line in NOT_PERSONAL with a reason, a
false negative is personal data nobody erases.
"""

import re

from django.apps import apps
from django.conf import settings
from django.db import models

from . import inventory

# Substrings anywhere in a field name; whole "_"-separated words (so "image" is not "age"); and
# free text people write, which no type gives away, by the words that usually end its name.
NAME_PATTERN = re.compile(
    r"name|mail|phone|mobile|address|birth|diet|allerg|personnummer|avatar|photo|health|gender"
    r"|(?:^|_)(?:ip|dob|ssn|needs|author|age)(?:_|$)"
    r"|(?:^|_)(?:notes?|comments?|remarks?|message)$"
)
PERSONAL_FIELD_TYPES = (models.EmailField, models.GenericIPAddressField)


def person_model_labels() -> set[str]:
    """Models whose rows are people: a relation to one of them says who someone is or what they did."""
    return {settings.AUTH_USER_MODEL, *inventory.PERSON_MODELS}


def looks_personal(field) -> bool:
    related = field.related_model if field.is_relation else None
    return (
        isinstance(field, PERSONAL_FIELD_TYPES)
        or (related is not None and related._meta.label in person_model_labels())
        or bool(NAME_PATTERN.search(field.name))
    )


def own_fields(model) -> list:
    """Fields stored on this model's table; a multi-table parent's fields are judged on the parent."""
    return [
        field
        for field in model._meta.get_fields(include_parents=False)
        if field.concrete or (field.many_to_many and not field.auto_created)
    ]


def unclassified_fields(*, model_classes=None) -> list[str]:
    """Labels ("app_label.Model.field") of personal-looking fields found in neither inventory list.

    model_classes defaults to every installed model; tests pass their own.
    """
    classified = inventory.classified_labels()
    found = []
    for model in apps.get_models() if model_classes is None else model_classes:
        if model._meta.proxy:
            continue
        for field in own_fields(model):
            label = f"{model._meta.label}.{field.name}"
            if label not in classified and looks_personal(field):
                found.append(label)
    return sorted(found)
