"""`python manage.py seed_demo`: the demo described in the README, and nothing new the second time."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from accounts.models import User
from consultations.models import ConsultationPage, Theme
from consultations.models.page import EventKind
from consultations.status import ConsultationStatus
from home.models import HomePage
from invitations.models import Invitation
from minutes.models import MinutesPage
from organisations.models import Organisation, Person
from tests.utils import url_in

pytestmark = [
    pytest.mark.django_db,
]

PARTICIPANTS = [f"deltagare{n}@example.org" for n in range(1, 13)]


def _seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db):
    _seed()


def _snapshot() -> dict:
    counts = {
        model.__name__: model.objects.count()
        for model in (Page, Revision, Organisation, Person, Invitation, User, Theme, Site, MinutesPage)
    }
    pages = set(Page.objects.values_list("title", "last_published_at", "live", "path"))
    users = set(User.objects.values_list("email", "password", "organisation_id", "is_superuser"))
    invitations = set(Invitation.objects.values_list("consultation_id", "organisation_id", "status"))
    return {"counts": counts, "pages": pages, "users": users, "invitations": invitations}


def test_running_it_twice_changes_nothing(db):
    _seed()
    first = _snapshot()
    _seed()
    second = _snapshot()
    assert second["counts"] == first["counts"]
    assert second == first


def test_home_page_is_the_site_root(seeded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live


def test_the_2024_consultation_with_questions_invitations_and_minutes(seeded):
    consultation = ConsultationPage.objects.live().get(date="2024-06-04")
    assert consultation.kind == EventKind.CONSULTATION

    questions = list(consultation.questions.all())
    assert len(questions) == 2
    assert sorted(question.number for question in questions) == [1, 2]
    for question in questions:
        assert question.sub_question_texts, f"question {question.number} has sub-questions"

    invited = Invitation.objects.filter(consultation=consultation)
    assert 25 <= invited.count() <= 35, "about thirty organisations"
    kinds = set(invited.values_list("organisation__kind", flat=True))
    assert len(kinds) > 1, "organisations of mixed kinds"

    minutes = MinutesPage.objects.child_of(consultation).live()
    assert minutes.count() == 1
    assert consultation.status == ConsultationStatus.MINUTES_PUBLISHED


def test_the_conference_with_speakers_recordings_and_press_contact(seeded):
    conference = ConsultationPage.objects.live().get(kind=EventKind.CONFERENCE)
    assert conference.date.isoformat() == "2025-05-14"
    assert conference.speakers.count() >= 2
    assert all(speaker.person.title for speaker in conference.speakers.all())
    assert len(conference.recordings) >= 1
    assert conference.press_contact is not None


def test_two_upcoming_consultations_one_open_for_registration(seeded):
    upcoming = list(ConsultationPage.objects.upcoming(timezone.localdate()).with_status())
    assert len(upcoming) >= 2
    assert ConsultationStatus.REGISTRATION_OPEN in {page.status for page in upcoming}


def test_demo_accounts(seeded):
    admin = User.objects.get(email="admin@example.org")
    assert admin.is_superuser
    assert User.objects.get(email="approver@example.org").groups.exists()
    assert User.objects.get(email="organiser@example.org").groups.exists()

    for email in PARTICIPANTS:
        participant = User.objects.get(email=email)
        assert participant.organisation is not None, email
        assert Invitation.objects.filter(organisation=participant.organisation).exists(), (
            f"{email}'s organisation is invited"
        )
        assert not participant.is_staff


@pytest.mark.parametrize("email", ["admin@example.org", "approver@example.org", PARTICIPANTS[0]])
def test_demo_password_works_only_with_debug(seeded, settings, email):
    request = RequestFactory().post("/accounts/login/")
    user = User.objects.get(email=email)
    assert user.check_password(settings.DEMO_PASSWORD)
    settings.DEBUG = False
    assert authenticate(request, email=email, password=settings.DEMO_PASSWORD) is None
    settings.DEBUG = True
    assert authenticate(request, email=email, password=settings.DEMO_PASSWORD) == user


@pytest.mark.parametrize("language", sorted(code for code, _ in settings.LANGUAGES))
def test_every_demo_page_renders(seeded, client, language):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages
    for page in pages:
        response = client.get(url_in(page, language))
        assert response.status_code == 200, (page.title, url_in(page, language))
