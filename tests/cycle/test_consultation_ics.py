"""One consultation's .ics download: live and public only; drafts and private pages never leak."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import ConsultationPageFactory

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


def test_english_download(client, add, now):
    page = add(dt.date(2025, 5, 6))
    assert client.get(f"/en{_path(page)}").status_code == 200
