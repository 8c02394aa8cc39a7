"""A small public site: a consultation with speakers and its published minutes."""

from dataclasses import dataclass

import pytest
from django.test import Client
from wagtail.models import Site

from consultations.models import ConsultationPage
from home.models import SiteSettings
from minutes.models import MinutesPage
from organisations.models import Person
from tests.factories import (
    ConsultationPageFactory,
    ConsultationSpeakerFactory,
    MinutesPageFactory,
    PersonFactory,
    UserFactory,
)


@dataclass
class PublicSite:
    consultation: ConsultationPage
    minutes: MinutesPage
    speaker: Person


@pytest.fixture
def public_site(index) -> PublicSite:
    speaker = PersonFactory(name="Talare Tora Tydlig")
    consultation = ConsultationPageFactory(
        parent=index, title="Sakråd om föreningsbidrag",
        speakers=[ConsultationSpeakerFactory.build(person=speaker, role="Inledning")],
    )
    minutes = MinutesPageFactory(parent=consultation, title="Minnesanteckningar om föreningsbidrag")
    # Made on the first render otherwise: a write, so the first stored page would be stale at once.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return PublicSite(consultation=consultation, minutes=minutes, speaker=speaker)


@pytest.fixture
def reader() -> Client:
    """An anonymous visitor without cookies: the reader the cache serves."""
    return Client()


@pytest.fixture
def member(db):
    return UserFactory(email="medlem@example.org", first_name="Mira")
