"""What apps above consultations add to them, registered here from their AppConfig.ready().

Consultations import no app above them (docs/architecture.md), yet a consultation's status turns on
whether its minutes are published, and its editor and page show the takeaways carried over from
earlier minutes. An app that is not installed adds nothing: no minutes count as published, and the
page shows no carried-over list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported by AppConfigs, before Wagtail's models load
    from django import forms
    from wagtail.query import PageQuerySet

# () -> the minutes pages anyone may read; a consultation's are its children among them.
PublishedMinutes = Callable[[], "PageQuerySet"]
# (*, field, consultation) -> None: fills in a field of the editor form of `consultation`.
EditorFieldSetup = Callable[..., None]
# (*, consultation) -> what its public page shows, read in a number of queries that does not grow.
PageContextProvider = Callable[..., Any]

_published_minutes: list[PublishedMinutes] = []
_editor_fields: dict[str, EditorFieldSetup] = {}
_page_context: dict[str, PageContextProvider] = {}


def published_minutes_register(*, pages: PublishedMinutes) -> None:
    """Where a consultation's published minutes are found (registering again replaces it)."""
    _published_minutes[:] = [pages]


def published_minutes_pages() -> PageQuerySet | None:
    """The published minutes pages, or None when no app keeps minutes."""
    return _published_minutes[0]() if _published_minutes else None


def editor_field_register(*, name: str, setup: EditorFieldSetup) -> None:
    """Let `setup` fill in the editor form's field `name` (a field of ConsultationPage with a panel)."""
    _editor_fields[name] = setup


def editor_fields_set_up(form: forms.Form, *, consultation) -> None:
    for name, setup in _editor_fields.items():
        field = form.fields.get(name)
        if field is not None:
            setup(field=field, consultation=consultation)


def page_context_register(*, name: str, provider: PageContextProvider) -> None:
    """Show `provider(consultation=…)` on a consultation's public page as the template variable `name`."""
    _page_context[name] = provider


def page_context(*, consultation) -> dict[str, Any]:
    return {name: provider(consultation=consultation) for name, provider in _page_context.items()}
