"""The sections of a participant's own page (/mina-sidor/, accounts/views.py).

accounts sits low (docs/architecture.md) and knows no feature, so each feature app registers the
section it adds, in its own `my_page.py`. accounts imports every app's `my_page` module once the apps
are ready (AccountsConfig.ready, as Django's admin finds each app's `admin.py`), so no app needs an
import inside a function to register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class MyPageSection:
    name: str  # one section per name: registering a name again replaces it
    order: int  # place on the page, smallest first
    template: str  # renders the section, with what `read` returns as its context
    read: Callable[..., dict]  # read(user=...) -> the template's context for this person


@dataclass(frozen=True)
class MyPageShown:
    """One section as this person sees it (templates/account/my_page.html)."""

    name: str
    template: str
    context: dict


_SECTIONS: dict[str, MyPageSection] = {}


def my_page_section_register(*, name: str, order: int, template: str, read: Callable[..., dict]) -> None:
    _SECTIONS[name] = MyPageSection(name=name, order=order, template=template, read=read)


def my_page_sections(*, user) -> list[MyPageShown]:
    """Every registered section, in page order, read for `user`."""
    sections = sorted(_SECTIONS.values(), key=lambda section: (section.order, section.name))
    return [MyPageShown(section.name, section.template, section.read(user=user)) for section in sections]
