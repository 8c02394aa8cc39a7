"""The organisation's answer: accept with named people or decline, changeable until the deadline; bad
input is a form error with nothing saved; the same form sent twice is one answer."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from consultations.models import ConsultationPage
from invitations.log_actions import RSVP_ACCEPT
from invitations.models import Attendee, InvitationStatus
from invitations.services import AttendeeData, rsvp_accept

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return factories.organisation("kansli@framtid.se", name="Föreningen Framtid")


@pytest.fixture
def token(consultation, invite, organisation):
    [token] = invite(consultation, organisation)
    mail.outbox.clear()
    return token


def post(client, commit, token, data):
    with commit():
        return client.post(factories.rsvp_path(token), data)


def test_accept_with_two_named_attendees(client, commit, consultation, organisation, token):
    data = factories.accept_post(
        [
            ("Anna Lind", "Anna.Lind@Framtid.se", ["interpreter", "hearing_loop"], "", "Vegetarisk"),
            ("Omar Said", "omar@framtid.se"),
        ]
    )
    response = post(client, commit, token, data)
    assert response.status_code == 302
    assert response["Location"] == factories.rsvp_path(token)
    invitation = invitation_of(organisation, consultation)
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.answered_at is not None
    anna, omar = invitation.attendees.order_by("pk")
    assert (anna.name, anna.email, anna.access_needs, anna.dietary_needs) == (
        "Anna Lind",
        "anna.lind@framtid.se",
        ["hearing_loop", "interpreter"],
        "Vegetarisk",
    )
    assert omar.consultation_id == consultation.pk
    page = client.get(factories.rsvp_path(token)).content.decode()
    assert "You have accepted" in page
    assert "Vegetarisk" in page  # shown back to the link's holder


def test_the_answer_can_be_changed_until_the_deadline(client, commit, consultation, organisation, token):
    post(
        client,
        commit,
        token,
        factories.accept_post([("Anna Lind", "anna@framtid.se"), ("Omar Said", "omar@framtid.se")]),
    )
    anna = Attendee.objects.get(email="anna@framtid.se")
    post(
        client,
        commit,
        token,
        factories.accept_post([("Anna Lind", "anna@framtid.se", [], "", "Glutenfri")], nonce="2"),
    )
    invitation = invitation_of(organisation, consultation)
    assert list(invitation.attendees.values_list("pk", "dietary_needs")) == [
        (anna.pk, "Glutenfri")
    ]  # kept, updated
    post(client, commit, token, factories.decline_post("Vi har ingen möjlighet den dagen."))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert invitation.decline_comment == "Vi har ingen möjlighet den dagen."
    assert not invitation.attendees.exists()  # nobody is coming: their needs go too
    post(client, commit, token, factories.accept_post([("Omar Said", "omar@framtid.se")], nonce="3"))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.decline_comment == ""

    ConsultationPage.objects.filter(pk=consultation.pk).update(
        rsvp_deadline=timezone.now() - timezone.timedelta(seconds=1)
    )
    response = post(client, commit, token, factories.decline_post())
    assert response.status_code == 410
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


def test_more_attendees_than_the_quota_is_an_error(client, commit, consultation, organisation, token):
    people = [("Anna", "anna@framtid.se"), ("Omar", "omar@framtid.se"), ("Eva", "eva@framtid.se")]
    response = post(client, commit, token, factories.accept_post(people))
    assert response.status_code == 400
    assert "Your organisation can name at most 2 attendees." in response.content.decode()
    assert not Attendee.objects.exists()
    assert invitation_of(organisation, consultation).status == InvitationStatus.SENT
    with translation.override("en"), pytest.raises(ValidationError, match="at most 2 attendees"):
        rsvp_accept(token=token, attendees=[AttendeeData(name=n, email=e) for n, e in people])


def test_an_invalid_email_is_a_form_error(client, commit, token):
    response = post(client, commit, token, factories.accept_post([("Anna", "anna@framtid")]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Your answer was not saved" in page
    assert "<title>Error: " in page
    assert "Enter a valid email address, like name@example.org." in page
    assert 'href="#id_attendees-0-email"' in page  # the summary links to the field
    assert 'aria-invalid="true"' in page
    assert not Attendee.objects.exists()


def test_a_name_without_an_email_is_a_form_error(client, commit, token):
    response = post(client, commit, token, factories.accept_post([("Anna", "")]))
    assert response.status_code == 400
    assert "Enter the person&#x27;s email address" in response.content.decode()
    assert not Attendee.objects.exists()


def test_the_same_person_twice_is_a_form_error(client, commit, token):
    response = post(
        client,
        commit,
        token,
        factories.accept_post([("Anna", "anna@framtid.se"), ("A. Lind", "ANNA@framtid.se")]),
    )
    assert response.status_code == 400
    assert "This person is already named above" in response.content.decode()
    assert not Attendee.objects.exists()


def test_no_one_named_is_a_form_error(client, commit, token):
    response = post(client, commit, token, factories.accept_post([]))
    assert response.status_code == 400
    assert "Name at least one attendee, or decline the invitation." in response.content.decode()


def test_a_person_already_named_by_another_organisation_is_held_not_an_error(
    client, commit, consultation, invite, token
):
    # Once a form error that said so, which let a link holder probe addresses: test_rsvp_reach.py.
    other = factories.organisation()
    [other_token] = invite(consultation, other)
    post(client, commit, other_token, factories.accept_post([("Anna", "anna@framtid.se")]))
    response = post(client, commit, token, factories.accept_post([("Anna", "Anna@Framtid.se")]))
    assert response.status_code == 302
    assert "another organisation" not in client.get(response["Location"]).content.decode()
    assert Attendee.objects.get().invitation.organisation == other


def test_the_same_person_may_come_to_another_consultation(client, commit, invite, organisation, token):
    # For the same organisation: their account is that organisation's once linked (test_rsvp_reach.py).
    other_consultation = factories.consultation()
    [other_token] = invite(other_consultation, organisation)
    post(client, commit, token, factories.accept_post([("Anna", "anna@framtid.se")]))
    assert (
        post(client, commit, other_token, factories.accept_post([("Anna", "anna@framtid.se")])).status_code
        == 302
    )
    assert Attendee.objects.filter(email="anna@framtid.se").count() == 2


def test_a_double_submitted_form_is_one_answer(client, commit, consultation, organisation, token):
    data = factories.accept_post([("Anna", "anna@framtid.se"), ("Omar", "omar@framtid.se")])
    first = post(client, commit, token, data)
    second = post(client, commit, token, data)
    assert first.status_code == second.status_code == 302
    invitation = invitation_of(organisation, consultation)
    assert invitation.attendees.count() == 2
    assert ModelLogEntry.objects.filter(action=RSVP_ACCEPT, object_id=str(invitation.pk)).count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@framtid.se", "omar@framtid.se"]


def test_a_stale_form_does_not_overwrite_a_newer_answer(client, commit, consultation, organisation, token):
    post(client, commit, token, factories.accept_post([("Anna", "anna@framtid.se")], nonce="page-1"))
    response = post(
        client, commit, token, factories.accept_post([("Omar", "omar@framtid.se")], nonce="page-1")
    )
    assert response.status_code == 302
    assert list(invitation_of(organisation, consultation).attendees.values_list("email", flat=True)) == [
        "anna@framtid.se"
    ]
    assert "already been sent once" in client.get(response["Location"]).content.decode()


def test_an_unknown_answer_is_a_bad_request(client, commit, token):
    assert post(client, commit, token, {"answer": "maybe"}).status_code == 400


def test_the_english_page_is_english(client, token):
    response = client.get(factories.rsvp_path(token, "en"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Accept the invitation" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
