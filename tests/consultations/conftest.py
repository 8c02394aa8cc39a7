"""A consultation with everything a page can show, and a conference like the national one."""

import datetime as dt

import pytest

from consultations.models.page import EventFormat, EventKind
from organisations.models import Organisation
from tests.factories import (
    ConsultationPageFactory,
    ConsultationSpeakerFactory,
    DiscussionQuestionFactory,
    InvitationFactory,
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
    agenda_item,
    recording,
)


def _two_from(people, start):
    return people[start % len(people) :][:2] if people else []


def build_consultation(index, *, organisations: int, speakers: int, agenda_items: int, **fields):
    """A consultation with invited organisations, speakers (each with an organisation), two
    questions with sub-questions, and agenda items that name speakers."""
    people = [PersonFactory() for _ in range(speakers)]
    defaults = {
        "themes": [
            ThemeFactory(name="Unga och integration"),
            ThemeFactory(name="Lokalt förebyggande arbete"),
        ],
        "host": PersonFactory(
            name="Karin Värdsdotter",
            title="Statssekreterare",
            organisation=None,
            organisation_text="Arbetsmarknadsdepartementet",
        ),
        "questions": [
            DiscussionQuestionFactory.build(
                number=1,
                text="Hur når vi unga som inte redan är organiserade?",
                subs=["Finns det metoder som fungerar lokalt?", "Vilka hinder ser ni?"],
            ),
            DiscussionQuestionFactory.build(
                number=2,
                text="Hur kan samverkan bli långsiktig?",
                subs=["Vad behöver kommunerna göra?", "Vad kan staten göra?"],
            ),
        ],
        "speakers": [
            ConsultationSpeakerFactory.build(person=person, role=f"Föredrag {n + 1}")
            for n, person in enumerate(people)
        ],
        "agenda": [
            agenda_item(dt.time(8 + n), f"Programpunkt {n + 1}", speakers=_two_from(people, n))
            for n in range(agenda_items)
        ],
        "registration_opens": None,
        "rsvp_deadline": None,
        "capacity": 60,
    }
    defaults.update(fields)
    page = ConsultationPageFactory(parent=index, **defaults)
    for _ in range(organisations):
        InvitationFactory(consultation=page, organisation=OrganisationFactory())
    return page


@pytest.fixture
def consultation(index, now):
    return build_consultation(
        index,
        title="Sakråd om unga och integration",
        organisations=4,
        speakers=3,
        agenda_items=3,
        date=now.date() + dt.timedelta(days=21),
        registration_opens=now - dt.timedelta(days=1),
        rsvp_deadline=now + dt.timedelta(days=14),
    )


@pytest.fixture
def invited(consultation):
    return list(Organisation.objects.filter(invitations__consultation=consultation))


@pytest.fixture
def conference(index, now):
    press = PersonFactory(
        name="Pia Presskontakt",
        title="Pressekreterare",
        organisation=None,
        organisation_text="Justitiedepartementet",
        public_email="pia.presskontakt@example.org",
        public_phone="08 405 10 00",
    )
    return build_consultation(
        index,
        title="Nationell konferens om lokal samverkan",
        kind=EventKind.CONFERENCE,
        format=EventFormat.HYBRID,
        online_link="https://sand.example.org/konferens",
        organisations=0,
        speakers=5,
        agenda_items=4,
        questions=[],
        date=now.date() - dt.timedelta(days=30),
        press_contact=press,
        recordings=[
            recording("Inledning", "https://video.example.org/inledning", "Öppningsanförandet."),
            recording("Panelsamtal", "https://video.example.org/panel"),
        ],
    )
