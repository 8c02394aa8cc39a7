"""Wagtail's search index and reference index are not kept up to date in tests unless asked for.

Every save of a page, document, image or snippet otherwise rewrites its search entry and its
reference index rows: on PostgreSQL a page costs 200 ms to create with them and 108 ms without, and
most tests build pages they never search. A test that searches (the search view, the API's
`?search=`, the admin's search) or reads the reference index (Wagtail's usage counts) is marked:

    @pytest.mark.search_index
    def test_search_finds_the_minutes(...): ...

The whole module then keeps the indexes up to date, as module-scoped fixtures (the `world`)
build their pages before the first test's own fixtures.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_migrate, post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from wagtail.signal_handlers import (
    connect_reference_index_signal_handlers,
    disconnect_reference_index_signal_handlers,
)

MARKER = "search_index"


def _search_indexed_models():
    return [
        model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]


def indexes_on() -> None:
    for model in _search_indexed_models():
        post_save.connect(post_save_signal_handler, sender=model)
        post_delete.connect(post_delete_signal_handler, sender=model)
    connect_reference_index_signal_handlers()


def indexes_off() -> None:
    """Idempotent: a flush's post_migrate connects the reference index handlers again."""
    for model in _search_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    disconnect_reference_index_signal_handlers()


def modules_needing_indexes(items) -> set[str]:
    return {
        item.module.__name__
        for item in items
        if getattr(item, "module", None) and item.get_closest_marker(MARKER)
    }


class _State:
    wanted = True
    always = False


def indexes_want(on: bool) -> None:
    on = on or _State.always
    _State.wanted = on
    if on:
        indexes_on()
    else:
        indexes_off()


def _after_migrate(**kwargs) -> None:
    # Wagtail connects the reference index handlers again after every migrate and flush (one
    # post_migrate per app, its handler before this one): put back what the running test asked for.
    if not _State.wanted:
        indexes_off()


def install(*, always: bool = False) -> None:
    _State.always = always
    post_migrate.connect(_after_migrate, dispatch_uid="tests.indexes")
