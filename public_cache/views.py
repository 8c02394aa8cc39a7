"""Which views' answers anonymous visitors may share: published pages (Wagtail's page serving) and
views marked `public_cache` (feeds, calendars, search). Nothing else is stored, so a new view is
private until someone decides otherwise."""

from wagtail.views import serve as wagtail_serve


def public_cache(view):
    """Marks a view (function or callable instance) whose anonymous GET answers are the same for
    every anonymous visitor and carry no form."""
    view.public_cache = True
    return view


def shares_anonymous_answers(view) -> bool:
    return view is wagtail_serve or getattr(view, "public_cache", False)
