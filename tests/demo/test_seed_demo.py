"""`python manage.py seed_demo`: the demo described in the README, and nothing new the second time."""

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, Revision, Site

from accounts.models import User
from breakouts.models import BreakoutGroup, GroupMembership
from breakouts.selectors import group_for_user, live_note_points, note_taking_is_open
from consultations.models import ConsultationPage, Theme
from consultations.models.page import EventKind
from consultations.status import ConsultationStatus
from demo.content import site
from demo.content.languages import TRANSLATIONS
from demo.content.today import TODAY
from demo.services import demo_seed
from evaluations.models import EvaluationAnswer
from home.models import HomePage
from invitations.models import Attendee, Invitation, InvitationStatus
from minutes.models import FollowUp, MinutesPage
from notes.access import notes_access
from notes.models import NoteUpdate
from organisation_details.log_actions import DETAILS_UPDATE
from organisations.models import Organisation, Person
from outcomes.models import Follower, StatusChange
from panel_questions.models import PanelQuestion
from priorities.models import PriorityRound
from tests.demo.conftest import seed
from tests.utils import h1, html, url_in

pytestmark = [
    pytest.mark.django_db,
]

PARTICIPANTS = [f"deltagare{n}@example.org" for n in range(1, 13)]


def _seed():
    return seed()


def _snapshot() -> dict:
    models = (Page, Revision, Organisation, Person, Invitation, User, Theme, Site, MinutesPage)
    live = (Attendee, BreakoutGroup, GroupMembership, NoteUpdate)
    # What the room did and what came of it (tests/demo/test_demo_after_the_room.py).
    after = (PriorityRound, PanelQuestion, FollowUp, StatusChange, Follower, EvaluationAnswer)
    counts = {model.__name__: model.objects.count() for model in models + live + after}
    pages = set(Page.objects.values_list("title", "last_published_at", "live", "path"))
    users = set(User.objects.values_list("email", "password", "organisation_id", "is_superuser"))
    invitations = set(Invitation.objects.values_list("consultation_id", "organisation_id", "status"))
    return {
        "counts": counts,
        "pages": pages,
        "users": users,
        "invitations": invitations,
        "groups": _groups(),
        "attendees": set(Attendee.objects.values_list("consultation_id", "email", "user_id")),
        "rounds": set(PriorityRound.objects.values_list("pk", "ballots", "closed_at")),
    }


def _groups() -> set:
    """Who is in which group, with who leads it and keeps its notes: a reshuffle changes this."""
    return set(
        GroupMembership.objects.values_list(
            "group__name", "group__facilitator_id", "group__note_taker_id", "user_id"
        )
    )


def _held_today() -> ConsultationPage:
    return ConsultationPage.objects.get(slug=TODAY["slug"])


def test_running_it_twice_changes_nothing(seeded):
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
    upcoming = list(ConsultationPage.objects.upcoming())
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


def test_a_consultation_held_today_with_named_attendees(seeded):
    consultation = _held_today()
    assert consultation.live
    assert consultation.date == timezone.localdate()
    assert consultation.format == "in_person"
    assert "Stockholm" in consultation.venue_address

    questions = list(consultation.questions.all())
    assert 3 <= len(questions) <= 4
    assert all(question.sub_question_texts for question in questions)

    invitations = Invitation.objects.filter(consultation=consultation)
    assert 8 <= invitations.count() <= 12
    assert set(invitations.values_list("status", flat=True)) == {InvitationStatus.ACCEPTED}
    for invitation in invitations:
        attendees = list(invitation.attendees.all())
        assert 1 <= len(attendees) <= consultation.seats_per_organisation, invitation
        assert all(attendee.user_id for attendee in attendees), "each attendee has an account"


def test_three_groups_never_two_of_one_organisation(seeded):
    consultation = _held_today()
    groups = list(BreakoutGroup.objects.filter(consultation=consultation))
    assert len(groups) == 3
    placed = set()
    for group in groups:
        members = [membership.user for membership in group.memberships.select_related("user")]
        assert members, group.name
        organisations = [user.organisation_id for user in members]
        assert len(organisations) == len(set(organisations)), f"{group.name}: two of one organisation"
        assert group.facilitator in members
        assert group.note_taker in members
        assert group.facilitator != group.note_taker
        placed |= {user.pk for user in members}
    attending = set(Attendee.objects.filter(consultation=consultation).values_list("user_id", flat=True))
    assert placed == attending, "every attendee is in a group"


def test_note_taking_is_open_with_points_to_see(seeded):
    consultation = _held_today()
    assert note_taking_is_open(consultation_id=consultation.pk)
    first = BreakoutGroup.objects.filter(consultation=consultation).order_by("sort_order").first()
    points = live_note_points(first)
    assert len(points) >= 2
    assert any(point.takeaway for point in points), "the plenary wall has a takeaway to show"
    assert {point.question_number for point in points} <= {q.number for q in consultation.questions.all()}


def test_every_demo_participant_may_write_in_their_group(seeded):
    consultation = _held_today()
    for email in PARTICIPANTS:
        user = User.objects.get(email=email)
        group = group_for_user(user=user, consultation=consultation)
        assert group is not None, f"{email} is in a group"
        access = notes_access(user_id=user.pk, group_id=group.pk)
        assert access.view and access.edit, email


def test_the_group_page_my_page_and_the_plenary_wall_open(seeded, client):
    consultation = _held_today()
    participant = User.objects.get(email=PARTICIPANTS[0])
    group = group_for_user(user=participant, consultation=consultation)

    client.force_login(participant)
    my_page = client.get(reverse("accounts:my_page"))
    assert consultation.title in my_page.content.decode()
    page = client.get(reverse("breakouts:group", args=[group.pk]))
    assert page.status_code == 200
    assert 'data-can-edit="true"' in page.content.decode()

    client.force_login(User.objects.get(email="organiser@example.org"))
    assert client.get(reverse("breakouts:plenary", args=[consultation.pk])).status_code == 200


def test_a_second_run_creates_nothing(seeded):
    counts = demo_seed()
    created = {kind: numbers["created"] for kind, numbers in counts.items() if numbers["created"]}
    assert created == {}
    for kind in ("attendee", "breakout group", "membership", "note-taking"):
        assert counts[kind]["existing"] > 0, kind


def test_the_two_logins_the_readme_names_share_a_group(seeded):
    """README, "Try the live notes with two browsers": deltagare1 and deltagare2 in Grupp Mälaren."""
    consultation = _held_today()
    first, second = (User.objects.get(email=email) for email in PARTICIPANTS[:2])
    group = group_for_user(user=first, consultation=consultation)
    assert group.name == "Grupp Mälaren"
    assert group_for_user(user=second, consultation=consultation) == group


def test_the_demo_shows_co_creation(seeded):
    """A working group reviews an upcoming consultation; open input is open on two, with answers waiting."""
    from open_input.models import AnswerStatus, InputAnswer, OpenInputPeriod
    from working_groups.models import WorkingGroupMember

    assert WorkingGroupMember.objects.count() == 2
    assert OpenInputPeriod.objects.count() == 2
    statuses = set(InputAnswer.objects.values_list("status", flat=True))
    assert {AnswerStatus.APPROVED, AnswerStatus.PENDING} <= statuses


def test_the_demo_has_captioned_recordings_and_easy_to_read_versions(seeded, client):
    """Issue 21: no recording without captions or a transcript; the 2024 consultation, its minutes and
    today's open-input form each have an easy-to-read version, served at their lattlast/."""
    videos = [block for page in ConsultationPage.objects.all() for block in page.recordings]
    assert {block.block_type for block in videos} == {"recording", "sign_language_video"}
    for block in videos:
        block.block.clean(block.value)  # refuses a video with neither captions nor a transcript
    consultation = ConsultationPage.objects.get(slug="integration-och-unga-2024")
    minutes = MinutesPage.objects.child_of(consultation).live().get()
    for page in (consultation, minutes):
        assert client.get(f"{page.url}lattlast/").status_code == 200
    today = ConsultationPage.objects.get(slug=TODAY["slug"])
    assert client.get(reverse("open_input:easy_read", args=[today.pk])).status_code == 200


def test_what_a_sakrad_is_in_the_five_minority_languages(seeded, client):
    """The about page and the front page as Wagtail translations of the Swedish ones, published."""
    about = Page.objects.get(slug=site.ABOUT["slug"], locale__language_code=settings.LANGUAGE_CODE)
    home = Site.objects.get(is_default_site=True).root_page
    for original, part in ((about, "about"), (home, "home")):
        translations = {page.locale.language_code: page for page in original.get_translations().live()}
        assert set(translations) == set(TRANSLATIONS), part
        for code, page in translations.items():
            assert page.url.startswith(f"/{code}/")
            document = html(client.get(page.url))
            assert document.html["lang"] == code
            assert h1(document) == TRANSLATIONS[code][part]["title"]


def test_an_organisation_that_updated_its_own_details(seeded, client):
    """Issue 22: its contact person has an account and updated the details; staff see it in the history."""
    organisation = Organisation.objects.get(name="Förbundet Unga Röster")
    assert organisation.contact_email == "deltagare1@example.org" and organisation.description
    assert organisation.themes.count() == 2
    entry = ModelLogEntry.objects.get(action=DETAILS_UPDATE, object_id=str(organisation.pk))
    assert entry.user.email == "deltagare1@example.org"
    client.force_login(entry.user)
    assert client.get(f"/organisation/{organisation.pk}/").status_code == 200
