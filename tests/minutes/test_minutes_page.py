"""Published minutes: what was raised, tied to its consultation, in either interface language."""

import pytest
from django.utils import translation

from tests.factories import ConsultationPageFactory, MinutesPageFactory, paragraph
from tests.utils import h1, html, text_of, translated, url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(index, now):
    import datetime as dt

    return ConsultationPageFactory(
        parent=index, title="Sakråd om unga och integration", date=now.date() - dt.timedelta(days=40)
    )


@pytest.fixture
def minutes(consultation):
    return MinutesPageFactory(
        parent=consultation,
        title="Minnesanteckningar från sakrådet om unga",
        summary="Flera organisationer betonade långsiktighet.",
        body=[paragraph("<p>I flera grupper diskuterades hur fler unga kan nås.</p>")],
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_minutes_page_renders(client, minutes, consultation, language):
    response = client.get(url_in(minutes, language))
    document = html(response)
    assert document.html["lang"] == language
    assert h1(document) == minutes.title
    main = text_of(document.find("main"))
    assert minutes.summary in main
    assert "I flera grupper diskuterades hur fler unga kan nås." in main
    assert consultation.title in main
    with translation.override(language):
        consultation_url = consultation.get_url()
    assert document.select_one(f'main a[href="{consultation_url}"]'), "a way back to the consultation"
    assert translated("Minutes", language) in main


def test_minutes_live_under_their_consultation(minutes, consultation):
    assert minutes.url.startswith(consultation.url)
    assert minutes.consultation == consultation


def test_breadcrumbs_lead_through_the_consultation(client, minutes, consultation, index, home):
    trail = [a["href"] for a in html(client.get(minutes.url)).select("nav.breadcrumbs a")]
    assert trail == [home.url, index.url, consultation.url, minutes.url]


def test_draft_minutes_are_not_public(client, index, now):
    consultation = ConsultationPageFactory(parent=index)
    draft = MinutesPageFactory(parent=consultation, publish=False)
    assert client.get(f"{consultation.url}{draft.slug}/").status_code == 404


def test_withdrawn_minutes_are_not_public(client, minutes):
    url = minutes.url
    minutes.unpublish()
    assert client.get(url).status_code == 404


def test_minutes_interface_is_swedish(client, minutes):
    main = text_of(html(client.get(minutes.url)).find("main"))
    for msgid in ("Back to the consultation",):
        swedish = translated(msgid, "sv")
        assert swedish != msgid, f"{msgid!r} has no Swedish translation"
        assert swedish in main
        assert msgid not in main
