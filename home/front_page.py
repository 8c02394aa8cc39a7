"""What the front page lists besides the upcoming consultations, from apps above home.

Home may not import them (minutes are of a consultation, not the other way), so each registers its
list here from its AppConfig.ready(): the name the home page's template reads it by, and its pages,
newest first. The front page shows the first few under itself, in one query per list. An app that
is not installed lists nothing, and the template shows its empty state.
"""

from collections.abc import Callable

# Imports nothing of Django's models: the apps' modules import this one before any model loads.
_lists: dict[str, Callable] = {}


def front_page_list_register(*, name: str, pages: Callable) -> None:
    """List `pages()` (a page queryset, newest first) on the front page as `name`; registering a
    name again replaces it."""
    _lists[name] = pages


def front_page_lists(*, under, size: int) -> dict[str, list]:
    """Every registered list, by name: the first `size` of its pages below the home page `under`."""
    return {name: list(pages().descendant_of(under)[:size]) for name, pages in _lists.items()}
