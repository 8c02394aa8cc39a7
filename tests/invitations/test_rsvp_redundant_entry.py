"""WCAG 2.2, 3.3.7 Redundant entry on the RSVP form: what the organisation already gave, or what the
invitation already knows, is filled in, never asked again. Read as the link holder sees the page."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from invitations.models import Attendee, InvitationStatus

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db

ATTENDEE_FIELDS = {"name", "email", "access_needs", "access_needs_other", "dietary_needs"}


def page_of(client, token) -> BeautifulSoup:
    response = client.get(factories.rsvp_path(token))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def accept_form(page):
    return page.select_one('form:has(input[name="answer"][value="accept"])')


def submitted(form) -> dict[str, list[str]]:
    """What a browser sends for the form as it stands: text and hidden inputs, ticked boxes, textareas."""
    data: dict[str, list[str]] = {}
    for field in form.select("input, textarea"):
        if field.get("type") == "checkbox" and not field.has_attr("checked"):
            continue
        value = field.get_text() if field.name == "textarea" else field.get("value", "")
        data.setdefault(field["name"], []).append(value)
    return data


def row(form, number: int) -> dict[str, list[str]]:
    prefix = f"attendees-{number}-"
    return {
        name[len(prefix) :]: values for name, values in submitted(form).items() if name.startswith(prefix)
    }


@pytest.fixture
def organisation():
    return factories.organisation("kansli@framtid.se", "ordforande@framtid.se", name="Föreningen Framtid")


@pytest.fixture
def token(consultation, invite, organisation):
    [token] = invite(consultation, organisation)
    mail.outbox.clear()
    return token


def test_the_first_answer_starts_from_the_address_the_invitation_went_to(client, token):
    form = accept_form(page_of(client, token))
    assert row(form, 0) == {
        "name": [""],
        "email": ["kansli@framtid.se"],
        "access_needs_other": [""],
        "dietary_needs": [""],
    }
    hint = form.select_one("#id_attendees-0-email_helptext").get_text()
    assert "address the invitation was sent to" in hint and "Change it" in hint
    assert row(form, 1)["email"] == [""] and form.select_one("#id_attendees-1-email_helptext") is None


def test_without_an_address_nothing_is_made_up(client, consultation, invite):
    organisation = factories.organisation("kansli@tyst.se")
    [token] = invite(consultation, organisation)
    organisation.contact_emails = ""
    organisation.save()
    form = accept_form(page_of(client, token))
    assert row(form, 0)["email"] == [""]


def test_the_organisation_is_never_asked_for_however_many_are_named(client, commit, token, organisation):
    page = page_of(client, token)
    form = accept_form(page)
    names = {field["name"] for field in form.select("input, textarea, select")}
    rows = {name for name in names if re.fullmatch(r"attendees-\d+-\w+", name)}
    # Each person's own details, once per seat; besides them only the form's own hidden fields.
    assert {name.split("-", 2)[2] for name in rows} == ATTENDEE_FIELDS
    assert {name for name in names - rows if not name.startswith("attendees-")} == {
        "csrfmiddlewaretoken",
        "answer",
        "accept-nonce",
    }
    assert not form.select('[name*="organisation"]')
    assert "Answer for Föreningen Framtid." in page.select_one(".lead").get_text()

    data = factories.accept_post([("Anna Lind", "anna@framtid.se"), ("Omar Said", "omar@framtid.se")])
    with commit():
        assert client.post(factories.rsvp_path(token), data).status_code == 302
    assert {a.invitation.organisation for a in Attendee.objects.all()} == {organisation}


def test_changing_the_answer_starts_from_everything_given_before(client, commit, consultation, token):
    data = factories.accept_post(
        [
            ("Anna Lind", "anna@framtid.se", ["speech_to_text", "step_free"], "Pauser varje timme", "Vegan"),
            ("Omar Said", "omar@framtid.se", ["hearing_loop"], "", ""),
        ]
    )
    with commit():
        assert client.post(factories.rsvp_path(token), data).status_code == 302

    form = accept_form(page_of(client, token))
    assert row(form, 0) == {
        "name": ["Anna Lind"],
        "email": ["anna@framtid.se"],
        "access_needs": ["speech_to_text", "step_free"],
        "access_needs_other": ["Pauser varje timme"],
        "dietary_needs": ["Vegan"],
    }
    assert row(form, 1)["access_needs"] == ["hearing_loop"] and row(form, 1)["name"] == ["Omar Said"]
    assert (
        form.select_one("#id_attendees-0-email_helptext") is None
    )  # their own address, not the invitation's

    # Sent back as filled in, only one thing changed: everything else is kept, nothing typed again.
    again = submitted(form)
    again["attendees-1-dietary_needs"] = ["Glutenfri"]
    with commit():
        assert client.post(factories.rsvp_path(token), again).status_code == 302
    anna, omar = Attendee.objects.order_by("pk")
    assert (anna.access_needs, anna.access_needs_other, anna.dietary_needs) == (
        ["speech_to_text", "step_free"],
        "Pauser varje timme",
        "Vegan",
    )
    assert (omar.access_needs, omar.dietary_needs) == (["hearing_loop"], "Glutenfri")


def test_a_form_with_an_error_keeps_everything_typed(client, commit, token):
    data = factories.accept_post(
        [
            ("Anna Lind", "anna@framtid.se", ["sign_language"], "Teckentolk nära scenen", "Vegan"),
            ("Omar Said", "inte-en-adress", ["easy_to_read"], "", ""),
        ]
    )
    with commit():
        response = client.post(factories.rsvp_path(token), data)
    assert response.status_code == 400
    form = accept_form(BeautifulSoup(response.content.decode(), "html.parser"))
    assert row(form, 0)["access_needs"] == ["sign_language"]
    assert row(form, 0)["access_needs_other"] == ["Teckentolk nära scenen"]
    assert row(form, 1) == {
        "name": ["Omar Said"],
        "email": ["inte-en-adress"],
        "access_needs": ["easy_to_read"],
        "access_needs_other": [""],
        "dietary_needs": [""],
    }
    assert not Attendee.objects.exists()


def test_after_declining_the_comment_is_kept_and_accepting_again_starts_from_the_invitation(
    client, commit, consultation, organisation, token
):
    with commit():
        client.post(factories.rsvp_path(token), factories.decline_post("Vi har styrelsemöte"))
    assert invitation_of(organisation, consultation).status == InvitationStatus.DECLINED
    page = page_of(client, token)
    assert page.select_one("textarea[name=decline-comment]").get_text().strip() == "Vi har styrelsemöte"
    assert row(accept_form(page), 0)["email"] == ["kansli@framtid.se"]
