"""Sections other apps add to the published minutes page (the questions the panel did not reach, say),
after "What happened next". Unlike minutes/sections.py (blocks written into the body when compiled,
then edited and approved), these are read live: they are the ministry's later word, as follow-ups are.

An app above the minutes registers from its `AppConfig.ready()`, by dotted path, a function
`read(*, page, consultation) -> dict | None` (the template's context as `section`, None: nothing to
show) and the template rendering it. Shown in the order registered; on the public, cached page, so
the app's models declare that their writes affect public pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class PageSection:
    template: str
    read: str  # dotted path, imported when the page is first rendered


@dataclass(frozen=True)
class PageSectionShown:
    template: str
    context: dict


_sections: dict[str, PageSection] = {}


def minutes_page_section_register(*, name: str, template: str, read: str) -> None:
    _sections[name] = PageSection(template=template, read=read)


def minutes_page_sections(*, page, consultation) -> list[PageSectionShown]:
    shown = []
    for section in _sections.values():
        context = import_string(section.read)(page=page, consultation=consultation)
        if context is not None:
            shown.append(PageSectionShown(section.template, context))
    return shown
