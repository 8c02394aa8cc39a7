"""One record of a takeaway: an accepted correction, a status and a follow-up each change the one
`Takeaway` row, and every reader shows the new state — the minutes page (under its question and in the
list of takeaways), the PDF, the API, the feed, search and the next consultation's carry-over."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from consultations.models import ConsultationPage
from corrections.passages import draft_passages
from corrections.services import correction_accept, correction_round_open, correction_suggest
from cycle.carry_over import takeaways_to_offer
from minutes import pdf as minutes_pdf
from minutes.models import MinutesPage, Takeaway
from minutes.models.takeaway import TakeawayStatus
from minutes.services.compile import minutes_compile
from minutes.services.follow_up import follow_up_add, takeaway_statuses_set
from tests.factories import ConsultationPageFactory, ThemeFactory
from tests.minutes.conftest import make_held
from tests.utils import html, text_of, url_in

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SAID = "Fler mötesplatser på kvällstid"
CORRECTED = "Fler mötesplatser på kvällar och helger"
OTHER = "Enklare ansökningar till staten"


def _english(page, client) -> str:
    return client.get(url_in(page, "en")).content.decode()


def _pdf_html(client, minutes) -> str:
    """The text of the HTML the PDF is made from (WeasyPrint itself: tests/reading/test_pdf.py)."""
    fake = mock.patch.object(minutes_pdf, "render_pdf", side_effect=lambda html, **kwargs: html.encode())
    with fake, translation.override("en"):
        response = client.get(f"{url_in(minutes, 'en')}pdf/")
    assert response.status_code == 200
    return text_of(BeautifulSoup(response.content.decode(), "html.parser"))


def _api(client, minutes) -> dict:
    return client.get(f"/api/v2/pages/{minutes.pk}/").json()


def _carry_over_panel(client, upcoming, language="en") -> str:
    """The next consultation's public panel of what it carried over from earlier minutes."""
    page = html(client.get(url_in(upcoming, language)))
    return text_of(page.find(class_="carried-over"))


def _feed_entries(client) -> list[str]:
    feed = ET.fromstring(client.get("/protokoll/feed/").content)  # noqa: S314  (our own response)
    return [
        f"{entry.findtext(f'{ATOM}title')}\n{entry.findtext(f'{ATOM}summary') or ''}"
        for entry in feed.findall(f"{ATOM}entry")
    ]


@pytest.fixture
def published(index, organiser, django_capture_on_commit_callbacks):
    """Minutes compiled from the notes, a takeaway corrected by an attendee, then published; and the
    next consultation on the theme."""
    theme = ThemeFactory(name="Unga och föreningsliv")
    held = make_held(index)
    ConsultationPage.themes.through.objects.create(
        consultationpage_id=held.consultation.pk, theme_id=theme.pk
    )
    held.point(held.groups[0], SAID, question=1, takeaway=True)
    held.point(held.groups[1], OTHER, question=2, takeaway=True)
    minutes = minutes_compile(consultation=held.consultation, user=organiser)
    with django_capture_on_commit_callbacks(execute=True):
        correction_round_open(minutes=minutes, deadline=timezone.now() + dt.timedelta(days=7), user=organiser)
        draft = minutes.get_latest_revision_as_object()
        passage = next(passage for passage in draft_passages(draft) if passage.text == SAID)
        suggestion = correction_suggest(
            minutes=minutes, user=held.members[0], passage_key=passage.key, text=CORRECTED
        )
        correction_accept(suggestion=suggestion, user=organiser)
        # The corrected draft, as the approver's approval publishes it.
        MinutesPage.objects.get(pk=minutes.pk).get_latest_revision().publish()
    minutes = MinutesPage.objects.get(pk=minutes.pk)
    # The next consultation on the theme takes both takeaways up, as its organiser ticks them.
    upcoming = ConsultationPageFactory(
        parent=index,
        title="Nästa sakråd om unga",
        themes=[theme],
        date=timezone.localdate() + dt.timedelta(days=40),
        carried_takeaways=list(minutes.takeaways.all()),
    )
    return minutes, upcoming


def test_an_accepted_correction_reaches_every_reader(client, published):
    minutes, upcoming = published
    corrected = minutes.takeaways.get(question_number=1)
    assert corrected.text == CORRECTED
    page = html(client.get(minutes.url))
    assert CORRECTED in text_of(page.find(id="fraga-1").find(class_="minutes-question__takeaways"))
    assert CORRECTED in text_of(page.find(id=f"medskick-{corrected.pk}"))
    assert CORRECTED in _pdf_html(client, minutes)
    assert [t["text"] for t in _api(client, minutes)["takeaways"]] == [CORRECTED, OTHER]
    assert [t.text for t in takeaways_to_offer(consultation=upcoming)] == [CORRECTED, OTHER]
    assert CORRECTED in _carry_over_panel(client, upcoming)
    found = client.get("/sok/", {"q": "helger"}).content.decode()
    assert minutes.url in found
    everywhere = "".join(
        [
            client.get(minutes.url).content.decode(),
            _pdf_html(client, minutes),
            str(_api(client, minutes)),
            _carry_over_panel(client, upcoming),
        ]
    )
    assert SAID not in everywhere, "no reader keeps the text as it was before the correction"


def test_a_status_reaches_every_reader_without_approval(client, published, organiser):
    minutes, upcoming = published
    other = minutes.takeaways.get(text=OTHER)
    revisions = minutes.revisions.count()
    takeaway_statuses_set(minutes=minutes, statuses={other.pk: TakeawayStatus.IN_PROGRESS}, user=organiser)

    minutes = MinutesPage.objects.get(pk=minutes.pk)
    assert minutes.revisions.count() == revisions and not minutes.has_unpublished_changes
    assert minutes.current_workflow_state is None, "no approval started"
    page = html(client.get(url_in(minutes, "en")))
    assert "Status: In progress" in text_of(page.find(id=f"medskick-{other.pk}"))
    assert "in progress" in text_of(page.find(id="fraga-2").find(class_="minutes-question__takeaways"))
    assert f"{OTHER} (Status: In progress)" in _pdf_html(client, minutes)
    assert {t["text"]: t["status"] for t in _api(client, minutes)["takeaways"]}[OTHER] == "in_progress"
    assert OTHER in [t.text for t in takeaways_to_offer(consultation=upcoming)], "in progress: still offered"
    assert f"{OTHER} Status: In progress" in _carry_over_panel(client, upcoming)

    takeaway_statuses_set(minutes=minutes, statuses={other.pk: TakeawayStatus.ANSWERED}, user=organiser)
    assert OTHER not in [t.text for t in takeaways_to_offer(consultation=upcoming)], "answered: not offered"
    assert "Has been answered" in text_of(
        html(client.get(url_in(minutes, "en"))).find(id=f"medskick-{other.pk}")
    )


def test_a_follow_up_answers_its_takeaways_everywhere(
    client, published, organiser, django_capture_on_commit_callbacks
):
    minutes, upcoming = published
    corrected = minutes.takeaways.get(text=CORRECTED)
    with django_capture_on_commit_callbacks(execute=True):
        follow_up_add(
            minutes=minutes,
            date=timezone.localdate(),
            text="<p>Skolorna öppnar sina lokaler för föreningar.</p>",
            answers=[corrected],
            user=organiser,
        )
    assert Takeaway.objects.get(pk=corrected.pk).status == TakeawayStatus.ANSWERED
    page = html(client.get(url_in(minutes, "en")))
    assert "Status: Has been answered" in text_of(page.find(id=f"medskick-{corrected.pk}"))
    assert CORRECTED in text_of(page.find(class_="minutes-follow-up"))
    pdf = _pdf_html(client, minutes)
    assert "Skolorna öppnar sina lokaler" in pdf
    assert f"{CORRECTED} (Status: Has been answered)" in pdf
    api = _api(client, minutes)
    assert {t["text"]: t["status"] for t in api["takeaways"]}[CORRECTED] == "answered"
    assert api["follow_ups"][0]["answers"] == [corrected.pk]
    entry = next(entry for entry in _feed_entries(client) if "Skolorna öppnar" in entry)
    assert CORRECTED in entry, "the feed names the takeaway it answers, as it reads now"
    assert minutes.get_parent().title in entry.splitlines()[0], "named after its consultation"
    assert CORRECTED not in [t.text for t in takeaways_to_offer(consultation=upcoming)]
    assert f"{CORRECTED} Status: Has been answered" in _carry_over_panel(client, upcoming)
    # In Swedish too: a takeaway with a follow-up no longer reads "Öppen" anywhere it is listed.
    swedish = html(client.get(url_in(minutes, "sv")))
    with translation.override("sv"):
        open_sv = str(TakeawayStatus.OPEN.label)
    assert open_sv == "Öppen"
    for node in (
        swedish.find(id=f"medskick-{corrected.pk}"),
        swedish.find(id="fraga-1").find(class_="minutes-question__takeaways"),
    ):
        assert open_sv.casefold() not in text_of(node).casefold()
    carried = html(client.get(url_in(upcoming, "sv"))).select(".carried-over__item")
    [answered_item] = [text_of(item) for item in carried if CORRECTED in text_of(item)]
    assert open_sv not in answered_item


# It searches: without the index the search could not leak, and would prove nothing.
@pytest.mark.search_index
def test_nothing_of_unpublished_minutes_reaches_a_reader(
    client, index, organiser, django_capture_on_commit_callbacks
):
    """A draft's takeaways and follow-ups, corrected or answered, stay out of every public reader."""
    held = make_held(index)
    held.point(held.groups[0], "Hemligt utkastmedskick", question=1, takeaway=True)
    minutes = minutes_compile(consultation=held.consultation, user=organiser)
    takeaway = minutes.takeaways.get()
    with django_capture_on_commit_callbacks(execute=True):
        follow_up_add(
            minutes=minutes,
            date=timezone.localdate(),
            text="<p>Hemlig uppföljning</p>",
            answers=[takeaway],
            user=organiser,
        )
    assert client.get(minutes.url).status_code == 404
    assert client.get(f"/api/v2/pages/{minutes.pk}/").status_code == 404
    readers = "".join(
        [
            client.get("/protokoll/feed/").content.decode(),
            client.get("/sok/", {"q": "utkastmedskick"}).content.decode(),
            client.get("/api/v2/pages/", {"search": "utkastmedskick"}).content.decode(),
            client.get(held.consultation.url).content.decode(),
        ]
    )
    assert "Hemligt utkastmedskick" not in readers and "Hemlig uppföljning" not in readers
