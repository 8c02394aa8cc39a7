"""Access needs people ask for on the RSVP (issue 21): asked as what to arrange, summed for the
organisers on the overview with the day to book by, never shown to other participants, erased after
the event; hostile free text stored as inert text. As the link holder and as the real organiser."""

import datetime as dt
import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import dateformat, timezone, translation

from accounts.models import User
from consultations.models import ConsultationPage
from invitations.admin_views import overview
from invitations.models import AccessNeed, Attendee, InvitationStatus
from invitations.services import AttendeeData, attendee_needs_erase, rsvp_accept
from tests.utils import html

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db

migration = importlib.import_module("invitations.migrations.0007_access_needs_step_free")


@pytest.fixture
def organiser(db):
    # Overrides conftest's superuser: the real Organisers group, the admin in English (the msgids).
    return factories.organiser_in_english()


@pytest.fixture
def staff_client(organiser):
    # A client of its own, so that `client` stays the anonymous link holder in the same test.
    staff = Client()
    staff.force_login(organiser)
    return staff


def overview_url(consultation) -> str:
    return reverse("invitations_admin:index", args=[consultation.pk])


def box(client, consultation):
    """The "Access needs to book" section of the overview, or None."""
    response = client.get(overview_url(consultation))
    assert response.status_code == 200
    return html(response).select_one("[data-access-needs]")


def counts(section) -> dict[str, str]:
    return {cell["data-need"]: cell.get_text(strip=True) for cell in section.select("[data-need]")}


def accept(commit, token, *people):
    with commit():
        return rsvp_accept(token=token, attendees=list(people))


# --- The link holder asks ----------------------------------------------------------------------


def test_the_form_asks_for_each_need_as_what_to_arrange(client, consultation, invite):
    [token] = invite(consultation, factories.organisation())
    page = html(client.get(factories.rsvp_path(token)))
    fieldset = page.select_one("fieldset.attendee fieldset")
    assert fieldset.legend.get_text(strip=True) == "What the person needs to take part"
    hint = page.select_one(f"#{fieldset['aria-describedby']}").get_text()
    assert "Optional" in hint and "no need to say why" in hint
    labels = [label.get_text(strip=True) for label in fieldset.select("label")]
    assert labels == [str(label) for label in AccessNeed.labels]
    for words in (
        "Speech-to-text",
        "Sign-language interpreting",
        "Easy-to-read",
        "ahead of time",
        "Hearing loop",
        "Step-free access",
    ):
        assert any(words in label for label in labels), words
    assert page.select_one("label[for=id_attendees-0-access_needs_other]").get_text(strip=True) == (
        "Anything else the person needs"
    )


def test_the_link_holder_stores_the_needs_and_sees_them_back(client, commit, consultation, invite):
    organisation = factories.organisation()
    [token] = invite(consultation, organisation)
    needs = ["speech_to_text", "easy_to_read", "material_ahead", "step_free"]
    data = factories.accept_post([("Anna Lind", "anna@framtid.se", needs, "Pauser varje timme", "")])
    with commit():
        assert client.post(factories.rsvp_path(token), data).status_code == 302
    anna = Attendee.objects.get(email="anna@framtid.se")
    assert anna.access_needs == sorted(needs) and anna.access_needs_other == "Pauser varje timme"
    answer = html(client.get(factories.rsvp_path(token))).select_one("#answer-heading").parent.get_text()
    for need in needs:
        assert str(AccessNeed(need).label) in answer
    assert "Pauser varje timme" in answer


def test_a_need_not_offered_is_dropped_not_stored(commit, consultation, invite):
    [token] = invite(consultation, factories.organisation())
    accept(commit, token, AttendeeData("Anna", "anna@x.se", access_needs=("wheelchair", "hearing_loop", "x")))
    assert Attendee.objects.get().access_needs == ["hearing_loop"]


# --- The organiser books -----------------------------------------------------------------------


def test_the_overview_sums_the_needs_of_everyone_with_a_seat(staff_client, commit, consultation, invite):
    alfa, beta, gamma = (factories.organisation(name=name) for name in ("Alfa", "Beta", "Gamma"))
    a, b, c = invite(consultation, alfa, beta, gamma)
    accept(
        commit,
        a,
        AttendeeData("Alva", "alva@alfa.se", access_needs=("sign_language", "step_free")),
        AttendeeData("Axel", "axel@alfa.se", access_needs=("sign_language",), access_needs_other="Ledhund"),
    )
    accept(commit, b, AttendeeData("Bo", "bo@beta.se", access_needs=("speech_to_text", "other")))
    accept(commit, c, AttendeeData("Cia", "cia@gamma.se", access_needs=("hearing_loop",)))
    waiting = invitation_of(gamma, consultation)
    waiting.status = InvitationStatus.WAITLISTED
    waiting.save(update_fields=["status"])

    section = box(staff_client, consultation)
    assert section.h2.get_text(strip=True) == "Access needs to book"
    # Cia is on the waiting list: not booked for until promoted.
    assert counts(section) == {"sign_language": "2", "step_free": "1", "speech_to_text": "1"}
    described = [item.get_text(" ", strip=True) for item in section.select("[data-described]")]
    assert described == ["Axel, Alfa: Ledhund", "Bo, Beta: something else, not described: ask them"]


def test_book_by_is_the_set_days_before_and_flagged_when_late(staff_client, commit, invite, settings):
    settings.SAKRAD_ACCESS_NEEDS_BOOK_DAYS = 14
    soon = factories.consultation(days_ahead=10, deadline_in=dt.timedelta(days=5))
    later = factories.consultation(days_ahead=30)
    for consultation in (soon, later):
        [token] = invite(consultation, factories.organisation())
        accept(
            commit, token, AttendeeData("Anna", f"anna{consultation.pk}@x.se", access_needs=("hearing_loop",))
        )

    line = box(staff_client, later).select_one("[data-book-by]")
    book_by = later.date - dt.timedelta(days=14)
    assert line["data-book-by"] == book_by.isoformat() and not line.has_attr("data-late")
    with translation.override("en"):
        assert f"Book by {dateformat.format(book_by, 'j F Y')}." in line.get_text()

    late = box(staff_client, soon).select_one("[data-book-by]")
    assert late.has_attr("data-late") and "that day has passed" in late.get_text()

    settings.SAKRAD_ACCESS_NEEDS_BOOK_DAYS = 7
    assert not box(staff_client, soon).select_one("[data-book-by]").has_attr("data-late")


def test_nothing_to_book_says_so_without_a_date(staff_client, commit, consultation, invite):
    [token] = invite(consultation, factories.organisation())
    accept(commit, token, AttendeeData("Anna", "anna@x.se", dietary_needs="Vegan"))
    section = box(staff_client, consultation)
    assert "No one with a seat has asked" in section.get_text()
    assert section.select_one("[data-book-by]") is None and not counts(section)


def test_the_box_follows_the_rule_for_seeing_needs(staff_client, commit, consultation, invite, monkeypatch):
    [token] = invite(consultation, factories.organisation())
    accept(commit, token, AttendeeData("Anna", "anna@x.se", access_needs_other="Teckentolk-HEMLIG"))
    monkeypatch.setattr(overview, "can_view_attendee_needs", lambda **kwargs: False)
    response = staff_client.get(overview_url(consultation))
    assert html(response).select_one("[data-access-needs]") is None
    assert "Teckentolk-HEMLIG" not in response.content.decode()


def test_after_erasure_the_summary_shows_nothing(staff_client, commit, invite):
    consultation = factories.consultation(days_ahead=10, deadline_in=dt.timedelta(days=5))
    [token] = invite(consultation, factories.organisation())
    accept(
        commit,
        token,
        AttendeeData(
            "Anna", "anna@x.se", access_needs=("sign_language", "other"), access_needs_other="Ramp-X"
        ),
    )
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        date=timezone.localdate() - dt.timedelta(days=31)
    )
    assert attendee_needs_erase(days=30) == 1

    section = box(staff_client, consultation)
    assert "erased after the consultation" in section.get_text()
    assert not counts(section) and not section.select("[data-described]")
    assert "Ramp-X" not in staff_client.get(overview_url(consultation)).content.decode()


# --- Hostile free text -------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>Ramp\x07\x1b[31m please'


def test_hostile_free_text_is_stored_inert_and_shown_only_as_text(client, staff_client, commit, invite):
    consultation = factories.consultation()
    alfa, beta = factories.organisation(name="Alfa"), factories.organisation(name="Beta")
    a, b = invite(consultation, alfa, beta)
    data = factories.accept_post([("Alva", "alva@alfa.se", ["other"], HOSTILE, "")])
    with commit():
        assert client.post(factories.rsvp_path(a), data).status_code == 302
    stored = Attendee.objects.get(email="alva@alfa.se").access_needs_other
    # Control characters are gone; the markup is kept as the text it is.
    assert stored == '<script>alert("x")</script><img src=x onerror=alert(1)>Ramp [31m please'

    for page in (staff_client.get(overview_url(consultation)), client.get(factories.rsvp_path(a))):
        text = page.content.decode()
        assert "<script>alert" not in text and "<img src=x" not in text
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    section = box(staff_client, consultation)
    assert section.select_one("[data-described]").get_text(" ", strip=True).endswith(stored)
    assert not section.select("script, img")

    # Never to another organisation's link, nor to the public page, nor on the participants' own pages.
    for url in (factories.rsvp_path(b), factories.rsvp_path(b, "sv"), consultation.url):
        assert "Ramp" not in client.get(url).content.decode()
    accept(commit, b, AttendeeData("Bo", "bo@beta.se"))
    for email in ("bo@beta.se", "alva@alfa.se"):
        client.force_login(User.objects.get(email=email))
        my_page = client.get(reverse("accounts:my_page"))
        assert my_page.status_code == 200 and consultation.title in my_page.content.decode()
        assert "Ramp" not in my_page.content.decode()


def test_free_text_over_the_limit_is_a_clear_error_and_nothing_is_stored(client, commit, invite):
    consultation = factories.consultation()
    [token] = invite(consultation, factories.organisation())
    data = factories.accept_post([("Alva", "alva@alfa.se", [], "x" * 501, "")])
    with commit():
        response = client.post(factories.rsvp_path(token), data)
    assert response.status_code == 400
    page = BeautifulSoup(response.content.decode(), "html.parser")
    errors = page.select_one("#id_attendees-0-access_needs_other_error").get_text()
    assert "at most 500 characters" in errors
    assert not Attendee.objects.exists()
    # The service holds the same rule for any other caller.
    with pytest.raises(Exception, match="at most 500 characters"):
        accept(commit, token, AttendeeData("Alva", "alva@alfa.se", access_needs_other="x" * 501))
    assert not Attendee.objects.exists()


def test_a_nul_character_is_refused_by_the_form(client, commit, invite):
    consultation = factories.consultation()
    [token] = invite(consultation, factories.organisation())
    data = factories.accept_post([("Alva", "alva@alfa.se", [], "Ramp\x00", "")])
    with commit():
        assert client.post(factories.rsvp_path(token), data).status_code == 400
    assert not Attendee.objects.exists()


# --- Stored values from before issue 21 --------------------------------------------------------


def stored(consultation, email, needs) -> Attendee:
    invitation = consultation.invitations.create(organisation=factories.organisation())
    return Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="N", email=email, access_needs=needs
    )


def test_the_migration_renames_wheelchair_and_back(consultation):
    old = stored(consultation, "old@x.se", ["interpreter", "sign_language", "wheelchair"])
    new = stored(consultation, "new@x.se", ["speech_to_text", "step_free"])
    none = stored(consultation, "none@x.se", [])

    migration.forwards(apps, None)
    old.refresh_from_db()
    assert old.access_needs == ["interpreter", "sign_language", "step_free"]
    assert old.access_needs_text == ", ".join(
        str(label)
        for label in (
            AccessNeed.INTERPRETER.label,
            AccessNeed.SIGN_LANGUAGE.label,
            AccessNeed.STEP_FREE.label,
        )
    )

    migration.backwards(apps, None)
    old.refresh_from_db(), new.refresh_from_db(), none.refresh_from_db()
    assert old.access_needs == ["interpreter", "sign_language", "wheelchair"]
    # A need the old code did not know is kept as stored: nothing a person asked for is lost.
    assert new.access_needs == ["speech_to_text", "wheelchair"]
    assert none.access_needs == []

    migration.forwards(apps, None)
    new.refresh_from_db()
    assert new.access_needs == ["speech_to_text", "step_free"]


def test_interpreter_keeps_its_value_as_spoken_language_interpreting():
    assert AccessNeed("interpreter").label == AccessNeed.INTERPRETER.label
    with translation.override("en"):
        assert "spoken language" in str(AccessNeed.INTERPRETER.label)
    assert "wheelchair" not in AccessNeed.values
