"""One consultation's .ics download: live and public only; drafts and private pages never leak."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from cycle.permissions import offers_calendar_download
from tests.factories import ConsultationPageFactory, UserFactory

from .conftest import make_private

pytestmark = pytest.mark.django_db


def _path(page) -> str:
    return reverse("cycle:consultation_ics", kwargs={"consultation_id": page.pk})


def test_a_live_consultation_downloads_as_one_event(client, add, now):
    page = add(dt.date(2025, 5, 6), title="Sakråd om idrott och fritid", slug="sakrad-om-idrott")
    response = client.get(_path(page))

    assert _path(page) == f"/kalender/{page.pk}.ics"
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="sakrad-om-idrott.ics"'
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["UID"]) == f"consultation-{page.pk}@sakrad"  # the same entry as the feed's
    assert event.decoded("DTSTART") == page.starts_at
    assert str(event["URL"]) == page.full_url


def test_a_slug_with_swedish_letters_gives_a_safe_filename(client, add, now):
    page = add(dt.date(2025, 5, 6), slug="sakråd-i-malmö")
    disposition = client.get(_path(page))["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "sakr%C3%A5d-i-malm%C3%B6.ics" in disposition


def test_a_draft_a_private_or_an_unknown_consultation_is_not_found(client, index, add, now):
    draft = ConsultationPageFactory(parent=index, publish=False)
    private = make_private(add(dt.date(2025, 5, 6)))
    unpublished = add(dt.date(2025, 5, 7))
    unpublished.unpublish()

    for page in (draft, private, unpublished):
        assert client.get(_path(page)).status_code == 404
    assert client.get("/kalender/999999.ics").status_code == 404


def test_the_consultation_page_offers_the_download(client, add, now):
    page = add(dt.date(2025, 5, 6))
    html = client.get(page.url).content.decode()
    assert f'href="{_path(page)}" download' in html


def test_a_private_consultation_offers_no_download_even_to_those_who_may_see_it(client, add, index, now):
    """The download is public only, so a page behind a view restriction (its own or its parent's)
    must not link to it: the link would be a 404 for the very visitor who sees it."""
    own = make_private(add(dt.date(2025, 5, 6)))
    client.force_login(UserFactory())

    response = client.get(own.url)
    assert response.status_code == 200  # logged in: allowed to see the page
    assert _path(own) not in response.content.decode()
    assert client.get(_path(own)).status_code == 404

    make_private(index)
    under_a_private_index = add(dt.date(2025, 5, 7))
    response = client.get(under_a_private_index.url)
    assert response.status_code == 200
    assert _path(under_a_private_index) not in response.content.decode()


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "logged-in"])
def test_a_public_consultations_link_answers(client, add, now, logged_in):
    page = add(dt.date(2025, 5, 6))
    if logged_in:
        client.force_login(UserFactory())
    html = client.get(page.url).content.decode()
    assert f'href="{_path(page)}" download' in html
    assert client.get(_path(page)).status_code == 200


def test_the_link_costs_an_anonymous_visitor_no_query(add, index, now, rf, django_assert_num_queries):
    """Wagtail has already refused a restricted page to a visitor who is not logged in and has passed
    no password form, so for that visitor the page being served is answer enough (the consultation
    page's query count, tests/reading/page_types.py, stays as it was). Anyone else: one query."""
    public = add(dt.date(2025, 5, 6))
    private = make_private(add(dt.date(2025, 5, 7)))

    def request(user, passed=()):
        request = rf.get("/")
        request.user, request.session = user, SessionStore()
        if passed:
            request.session[PageViewRestriction.passed_view_restrictions_session_key] = list(passed)
        return request

    with django_assert_num_queries(0):
        assert offers_calendar_download(public, request(AnonymousUser()))
    user = UserFactory()
    with django_assert_num_queries(1):
        assert offers_calendar_download(public, request(user))
    with django_assert_num_queries(1):
        assert not offers_calendar_download(private, request(user))
    restriction = PageViewRestriction.objects.get(page=private)
    with django_assert_num_queries(1):
        assert not offers_calendar_download(private, request(AnonymousUser(), passed=[restriction.pk]))
    draft = ConsultationPageFactory(parent=index, publish=False)
    with django_assert_num_queries(0):
        assert not offers_calendar_download(draft, request(user))


def test_english_download(client, add, now):
    page = add(dt.date(2025, 5, 6))
    assert client.get(f"/en{_path(page)}").status_code == 200
