"""Which writes empty the cache, declared next to each model rather than kept in a list here.

Every model says whether a write to its table may change what a public page shows
(`@affects_public_pages`) or never does (`@leaves_public_pages_alone`: no public page reads it, or
reading a page writes it itself, like image renditions). Other projects' models (Wagtail, Django,
allauth, taggit) are declared in `third_party.py`. At startup `writes.py` takes from these the
tables whose writes leave the cache alone. A table nobody declared still empties it (a forgotten
dependency would serve stale pages; a forgotten busy table only costs renders), and
tests/public_cache/test_declarations.py fails for every model left undeclared.

A many-to-many table Django makes by itself follows the model that declares the field; a proxy
model shares its model's table.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models

Model = type[models.Model]

# By lower-case model label ("minutes.takeaway"): whether it affects public pages, and for those that
# do, the fields an UPDATE may set on their own without affecting them.
_affects: dict[str, bool] = {}
_unshown_fields: dict[str, frozenset[str]] = {}


def affects_public_pages(
    model: Model | None = None, *, except_updates_of: Iterable[str] = ()
) -> Model | Callable[[Model], Model]:
    """A public page may show what this model holds: a write to its table empties the cache.

    `except_updates_of` names fields no page shows that are written often on their own (an account's
    `last_login` at every login): an UPDATE that sets only those leaves the cache alone.
    """

    def declare(model: Model) -> Model:
        _declare(model._meta.label_lower, affects=True)
        _unshown_fields[model._meta.label_lower] = frozenset(except_updates_of)
        return model

    return declare if model is None else declare(model)


def leaves_public_pages_alone(model: Model) -> Model:
    """No public page reads this model's table, or reading a page writes it: its writes keep the cache."""
    _declare(model._meta.label_lower, affects=False)
    return model


def declare_by_label(*, affecting: Iterable[str], leaving_alone: Iterable[str]) -> None:
    """For models whose class is not ours to decorate ("wagtailcore.page")."""
    for label in affecting:
        _declare(label.lower(), affects=True)
    for label in leaving_alone:
        _declare(label.lower(), affects=False)


def declared_labels() -> frozenset[str]:
    return frozenset(_affects)


def _declare(label: str, *, affects: bool) -> None:
    if _affects.get(label, affects) is not affects:
        raise ImproperlyConfigured(f"{label} is declared to affect public pages and to leave them alone.")
    _affects[label] = affects


@dataclass(frozen=True)
class Exemptions:
    """What `writes.py` lets pass without emptying the cache (table and column names in lower case)."""

    tables: frozenset[str]
    # Per table, the columns an UPDATE may set on their own.
    columns: Mapping[str, frozenset[str]]


NO_EXEMPTIONS = Exemptions(tables=frozenset(), columns={})


def exemptions() -> Exemptions:
    """From the declarations of the installed models; call once every app's models are loaded."""
    tables: set[str] = set()
    columns: dict[str, frozenset[str]] = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy:
            continue
        owner = _declaring_model(model)
        label = owner._meta.label_lower
        table = model._meta.db_table.lower()
        if _affects.get(label) is False:
            tables.add(table)
        elif owner is model and _unshown_fields.get(label):
            fields = (model._meta.get_field(name) for name in _unshown_fields[label])
            columns[table] = frozenset(field.column.lower() for field in fields)
    return Exemptions(tables=frozenset(tables), columns=columns)


def undeclared(candidates: Iterable[Model] | None = None) -> list[Model]:
    """Models (of `candidates`, else every installed one) that declare nothing and need to: not
    proxies nor automatic many-to-many tables, which follow their model."""
    if candidates is None:
        candidates = apps.get_models()
    return [
        model
        for model in candidates
        if not model._meta.proxy and not model._meta.auto_created and model._meta.label_lower not in _affects
    ]


def _declaring_model(model: Model) -> Model:
    # An automatic many-to-many table's `auto_created` is the model that declares the field.
    owner = model._meta.auto_created
    return owner if isinstance(owner, type) else model
