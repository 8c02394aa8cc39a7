"""Every default ordering of ours is total: it ends in the primary key or in fields that are unique
together. PostgreSQL returns rows that tie under an ORDER BY in any order, SQLite in the order they
were written, so a tie reads right on SQLite and wrong in production (a discussion question 2 before
question 1 in the minutes, 400aa81). CI runs most tests on SQLite only (docs/testing.md), so the rule
is checked here, on every model at once."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from organisations.models import Person

OURS = Path(settings.BASE_DIR).resolve()


def our_models():
    for model in apps.get_models():
        module = Path(__import__(model.__module__, fromlist=["_"]).__file__).resolve()
        if module.is_relative_to(OURS) and ".venv" not in module.parts:
            yield model


def unique_sets(model) -> list[set[str]]:
    meta = model._meta
    sets = [{field.name} for field in meta.concrete_fields if field.unique]
    sets += [set(fields) for fields in meta.unique_together]
    sets += [set(c.fields) for c in meta.constraints if getattr(c, "fields", None) and not c.condition]
    return sets


def is_total(model) -> bool:
    names = [name.lstrip("-") for name in model._meta.ordering if isinstance(name, str)]
    names = ["pk" if name in ("pk", model._meta.pk.name) else name for name in names]
    return "pk" in names or any(unique <= set(names) for unique in unique_sets(model))


def test_every_default_ordering_breaks_its_ties():
    partial = [
        f"{model._meta.label}: {model._meta.ordering}"
        for model in our_models()
        if model._meta.ordering and not is_total(model)
    ]
    assert partial == [], "orderings leaving ties to the database (end them in 'pk'):\n" + "\n".join(partial)


def test_the_check_tells_a_tie_from_a_total_order():
    assert is_total(Person)
    Person._meta.ordering, saved = ["name"], Person._meta.ordering
    try:
        assert not is_total(Person)
    finally:
        Person._meta.ordering = saved
