"""What a visitor sees on a consultation page, in Swedish (default) and in English (/en/)."""

import datetime as dt

import pytest
from django.utils import translation

from consultations.models.page import EventKind
from tests.factories import ConsultationPageFactory, MinutesPageFactory
from tests.utils import (
    h1,
    html,
    section,
    text_of,
    translated,
    url_in,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["sv", "en"]


def _get(client, page, language):
    response = client.get(url_in(page, language))
    assert response.status_code == 200
    return html(response)


def _t(message: str, language: str) -> str:
    return translated(message, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_url_and_html_language(client, consultation, language):
    path = url_in(consultation, language)
    assert path.startswith("/en/") == (language == "en")
    document = _get(client, consultation, language)
    assert document.html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_title_facts_and_status(client, consultation, language):
    document = _get(client, consultation, language)
    assert h1(document) == consultation.title
    header_text = text_of(document.find("h1").parent)
    with translation.override(language):
        assert str(consultation.status.label) in header_text
        assert str(EventKind(consultation.kind).label) in header_text
    facts = text_of(section(document, _t("When and where", language)))
    for expected in (
        consultation.venue_address,
        consultation.ministry,
        consultation.host.name,
        consultation.start_time.strftime("%H:%M"),
        *(theme.name for theme in consultation.themes.all()),
    ):
        assert expected in facts


@pytest.mark.parametrize("language", LANGUAGES)
def test_questions_with_their_sub_questions(client, consultation, language):
    block = section(_get(client, consultation, language), _t("Discussion questions", language))
    items = block.select("li.question")
    questions = list(consultation.questions.order_by("sort_order", "number"))  # as the page orders them
    assert len(items) == len(questions)
    for item, question in zip(items, questions, strict=True):
        text = text_of(item)
        assert question.text in text
        assert str(question.number) in text_of(item.find("h3"))
        subs = [text_of(li) for li in item.select("ul li")]
        assert subs == question.sub_question_texts
        assert subs, "the fixture gives every question sub-questions"


@pytest.mark.parametrize("language", LANGUAGES)
def test_speakers_with_title_organisation_and_role(client, consultation, language):
    block = section(_get(client, consultation, language), _t("Speakers", language))
    cards = block.find_all("li")
    speakers = list(consultation.speakers.select_related("person__organisation").order_by("sort_order"))
    assert len(cards) == len(speakers)
    for card, speaker in zip(cards, speakers, strict=True):
        text = text_of(card)
        person = speaker.person
        for expected in (person.name, person.title, person.organisation.name, speaker.role):
            assert expected in text


def test_agenda_names_the_speakers_of_each_item(client, consultation):
    block = section(_get(client, consultation, "sv"), _t("Agenda", "sv"))
    rows = block.select(".agenda__item")
    assert len(rows) == len(consultation.agenda)
    for row, item in zip(rows, consultation.agenda, strict=True):
        assert item.value["item"] in text_of(row)
        lines = [text_of(li) for li in row.find_all("li")]
        assert len(lines) == len(item.value["speakers"]) > 0
        for line, person in zip(lines, item.value["speakers"], strict=True):
            for expected in (person.name, person.title, person.organisation.name):
                assert expected in line


@pytest.mark.parametrize("language", LANGUAGES)
def test_invited_organisations(client, consultation, invited, language):
    block = section(_get(client, consultation, language), _t("Invited organisations", language))
    names = [text_of(node) for node in block.select(".org-list__name")]
    assert sorted(names) == sorted(organisation.name for organisation in invited)
    assert str(len(invited)) in text_of(block.find("p"))


def test_an_organisation_invited_elsewhere_is_not_listed(client, consultation, index):
    from tests.factories import InvitationFactory

    other = InvitationFactory(consultation=ConsultationPageFactory(parent=index))
    block = section(_get(client, consultation, "sv"), _t("Invited organisations", "sv"))
    assert other.organisation.name not in text_of(block)


def test_registration_facts(client, consultation):
    block = section(_get(client, consultation, "en"), _t("Registration", "en"))
    text = text_of(block)
    assert str(consultation.capacity) in text
    assert str(consultation.seats_per_organisation) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_conference_with_speakers_recordings_and_press_contact(client, conference, language):
    document = _get(client, conference, language)
    assert h1(document) == conference.title
    with translation.override(language):
        assert str(EventKind.CONFERENCE.label) in text_of(document.find("h1").parent)

    recordings = section(document, _t("Recordings", language))
    links = {text_of(a): a["href"] for a in recordings.find_all("a")}
    assert links == {block.value["title"]: block.value["url"] for block in conference.recordings}
    assert "Öppningsanförandet." in text_of(recordings)

    press = section(document, _t("Press contact", language))
    contact = conference.press_contact
    text = text_of(press)
    for expected in (contact.name, contact.title, contact.public_email, contact.public_phone):
        assert expected in text
    assert press.select_one(f'a[href="mailto:{contact.public_email}"]')

    speakers = section(document, _t("Speakers", language))
    assert len(speakers.find_all("li")) == conference.speakers.count()

    online = document.select_one(f'a[href="{conference.online_link}"]')
    assert online is not None


def test_a_conference_without_questions_or_invitations_shows_no_empty_sections(client, conference):
    document = _get(client, conference, "en")
    headings = {text_of(h2) for h2 in document.find_all("h2")}
    assert _t("Discussion questions", "en") not in headings
    assert _t("Invited organisations", "en") not in headings


def test_published_minutes_are_linked_from_the_consultation(client, consultation):
    minutes = MinutesPageFactory(parent=consultation, title="Minnesanteckningar från sakrådet")
    document = _get(client, consultation, "sv")
    assert document.select_one(f'a[href="{minutes.url}"]')
    with translation.override("sv"):
        from consultations.status import ConsultationStatus

        assert str(ConsultationStatus.MINUTES_PUBLISHED.label) in text_of(document.find("h1").parent)


def test_draft_minutes_are_not_linked(client, consultation):
    minutes = MinutesPageFactory(parent=consultation, title="Utkast till minnesanteckningar", publish=False)
    content = client.get(consultation.url).content.decode()
    assert minutes.title not in content
    assert minutes.slug not in content


def test_a_draft_consultation_is_not_public(client, index, now):
    draft = ConsultationPageFactory(parent=index, publish=False, date=now.date() + dt.timedelta(days=5))
    assert client.get(f"{index.url}{draft.slug}/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_leads_to_the_same_page_in_the_other_language(client, consultation, language):
    other = "en" if language == "sv" else "sv"
    link = _get(client, consultation, language).select_one(f".language-switcher a[hreflang={other}]")
    assert link is not None
    assert link["href"] == url_in(consultation, other)


def test_english_interface_marks_swedish_content(client, consultation):
    """Pages are not translated: under /en/ the editors' Swedish text says it is Swedish."""
    document = _get(client, consultation, "en")
    assert document.find("h1").get("lang") == "sv"
    assert _t("Discussion questions", "en") in {text_of(h2) for h2 in document.find_all("h2")}


def test_swedish_interface_when_catalogue_compiled(client, consultation):
    """Strict once the Swedish catalogue exists: headings are translated, none left in English."""
    document = _get(client, consultation, "sv")
    headings = {text_of(h2) for h2 in document.find_all("h2")}
    for msgid in ("When and where", "Discussion questions", "Speakers", "Invited organisations", "Agenda"):
        swedish = _t(msgid, "sv")
        assert swedish != msgid, f"{msgid!r} has no Swedish translation"
        assert swedish in headings
        assert msgid not in headings
    assert document.find("h1").get("lang") is None
