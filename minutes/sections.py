"""The sections other apps add to the compiled minutes (open input's answers, say), after the questions.

An app above the minutes registers its provider from its `AppConfig.ready()`, by dotted path: a
function `provider(*, consultation, questions) -> list[dict]` returning raw blocks of the minutes' body
(minutes/blocks.py), none when it has nothing to add. `questions` are the consultation's questions in
the minutes' order. The compile step asks every provider, in the order they registered (INSTALLED_APPS).
"""

from __future__ import annotations

from django.utils.module_loading import import_string

_providers: list[str] = []


def minutes_section_register(provider: str) -> None:
    """Adds the provider at this dotted path; imported when the minutes are first compiled (it reads
    its app's models, which an AppConfig module is loaded before)."""
    if provider not in _providers:
        _providers.append(provider)


def minutes_sections(*, consultation, questions) -> list[dict]:
    """Every registered provider's blocks for `consultation`, in registration order."""
    blocks: list[dict] = []
    for provider in _providers:
        blocks += import_string(provider)(consultation=consultation, questions=questions)
    return blocks
