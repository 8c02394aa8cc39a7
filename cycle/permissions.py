"""Who may see what here: everything in the annual cycle is public, so what anyone may see is what is
live and under no view restriction. A draft or a private consultation is never listed, never in the
feed, and its .ics download is a 404."""

from wagtail.models import Page, PageViewRestriction

from consultations.models import ConsultationPage


def publicly_visible_consultations():
    return ConsultationPage.objects.live().public()


def offers_calendar_download(page, request=None) -> bool:
    """Whether the consultation page links to its .ics download: only where the download answers,
    that is where the page is live and under no view restriction of its own or of an ancestor (as
    `publicly_visible_consultations()` has it).

    Wagtail has already refused a restricted page to a visitor who is not logged in and has passed no
    password form (`check_view_restrictions`), so for that visitor — every anonymous visitor of a
    public page — the page being served is answer enough: no query. Anyone else (logged in, a
    password passed, a preview) costs one query."""
    if not page.live:
        return False
    if request is not None and _cannot_pass_a_view_restriction(request):
        return True
    return not _restricted(page)


def _cannot_pass_a_view_restriction(request) -> bool:
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return (
        user is not None
        and not user.is_authenticated
        and not getattr(request, "is_preview", False)
        and session is not None
        and not session.get(PageViewRestriction.passed_view_restrictions_session_key)
    )


def _restricted(page) -> bool:
    """A view restriction on the page or an ancestor, in one query: their tree paths are the
    prefixes of the page's own."""
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    return PageViewRestriction.objects.filter(page__path__in=paths).exists()
