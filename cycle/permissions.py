"""Who may see and do what here. The year's page and the calendar are public, so what anyone may see
is what is live and under no view restriction: a draft or a private consultation is never listed,
never in the feed, and its .ics download is a 404. Duplicating a consultation as next year's is
staff's, beyond Wagtail's own page permissions."""

from wagtail.models import Page, PageViewRestriction
from wagtail.permissions import page_permission_policy

from consultations.models import ConsultationPage
from invitations.permissions import can_manage_invitations
from sakrad.roles import is_staff


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


def can_duplicate_consultation(*, user, consultation) -> bool:
    """Staff who may add a page beside it: the copy is a new page under the same index."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_permission_for_instance(user, "add", consultation.get_parent())


def can_copy_invitation_list(*, user, consultation) -> bool:
    """The invitation list comes along only for those who may manage invitations: the copy is theirs
    to edit, so the model permission is what decides."""
    return can_manage_invitations(user=user, consultation=consultation)
