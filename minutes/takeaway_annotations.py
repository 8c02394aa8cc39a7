"""What other apps set on the compiled takeaways (the plenary's votes, say), before they are stored.

An app above the minutes registers its annotator from its `AppConfig.ready()`, by dotted path: a
function `annotator(*, consultation, takeaways) -> None` that sets fields on the unsaved `Takeaway`
objects (never their question number or text: those are what staff edit, and the fingerprint's). The
compile step calls every annotator, in the order they registered.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

_annotators: list[str] = []


def takeaway_annotator_register(annotator: str) -> None:
    """Imported when the minutes are first compiled, as minutes/sections.py's providers are."""
    if annotator not in _annotators:
        _annotators.append(annotator)


def takeaways_annotate(*, consultation, takeaways: list) -> None:
    for annotator in _annotators:
        import_string(annotator)(consultation=consultation, takeaways=takeaways)
