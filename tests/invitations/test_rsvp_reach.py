"""An RSVP link adds people to its own organisation only (issue 15, item 8).

Naming a staff account, a superuser, another organisation's account or another organisation's
attendee changes nothing of that account and makes no one an attendee; the link holder gets one
neutral answer whatever the reason (same page, same status, same queries), the rest of the answer
is saved, and the organisers see the person and handle it."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from accounts.models import User
from invitations.log_actions import ATTENDEE_HOLD, HELD_ATTENDEE_RESOLVE
from invitations.models import Attendee, HeldAttendee, HoldReason, InvitationStatus
from invitations.services import AttendeeData, held_attendee_resolve, rsvp_accept, rsvp_decline
from tests.utils import html, text_of

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db

NEUTRAL = "from this link. The organisers have been told and will contact you."


@pytest.fixture
def framtid():
    return factories.organisation("kansli@framtid.se", name="Föreningen Framtid")


@pytest.fixture
def other(consultation, invite, commit):
    """Another invited organisation, which has named ulla@stod.se and has an account of its own."""
    stod = factories.organisation("kansli@stod.se", name="Stiftelsen Stöd")
    [token] = invite(consultation, stod)
    with commit():
        rsvp_accept(token=token, attendees=[AttendeeData(name="Ulla Berg", email="ulla@stod.se")])
    return stod


@pytest.fixture
def token(consultation, invite, framtid, other):
    [token] = invite(consultation, framtid)
    mail.outbox.clear()
    return token


def staff_flag():
    return User.objects.create_user(
        email="staff@example.org", password="s3cret-pass", first_name="Sara", last_name="Staff", is_staff=True
    )


def superuser():
    return User.objects.create_superuser(
        email="chef@regeringskansliet.se", password="s3cret-pass", first_name="Carl", last_name="Chef"
    )


def admin_group_member():
    """Staff by the Wagtail admin permission alone, through a group, and deactivated: still staff."""
    group = Group.objects.create(name="Redaktörer")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = User.objects.create_user(
        email="redaktor@regeringskansliet.se", password="s3cret-pass", first_name="Rut", is_active=False
    )
    user.groups.add(group)
    return user


def other_organisations_account():
    stod = User.objects.get(email="ulla@stod.se").organisation
    return User.objects.create_user(email="per@stod.se", password=None, first_name="Per", organisation=stod)


def other_organisations_attendee():
    return User.objects.get(email="ulla@stod.se")  # named by Stiftelsen Stöd, who accepted first


CASES = {
    "staff": (staff_flag, HoldReason.STAFF),
    "superuser": (superuser, HoldReason.STAFF),
    "admin group, inactive": (admin_group_member, HoldReason.STAFF),
    "another organisation's account": (other_organisations_account, HoldReason.OTHER_ORGANISATION),
    "another organisation's attendee": (other_organisations_attendee, HoldReason.NAMED_ELSEWHERE),
}


def snapshot(user: User) -> dict:
    user.refresh_from_db()
    return {
        "organisation": user.organisation_id,
        "names": (user.first_name, user.last_name),
        "password": user.password,
        "flags": (user.is_active, user.is_staff, user.is_superuser),
        "emails": sorted(EmailAddress.objects.filter(user=user).values_list("email", "primary", "verified")),
        "attendances": sorted(user.attendances.values_list("pk", "invitation_id", "name")),
    }


def variant(email: str) -> str:
    """The same address as someone might type it: spaces around, capitals."""
    local, domain = email.split("@")
    return f"  {local.capitalize()}@{domain.upper()} "


def post(client, commit, token, people, nonce):
    with commit():
        return client.post(factories.rsvp_path(token), factories.accept_post(people, nonce=nonce))


# --- Nothing of the account changes, no one becomes an attendee, the organisers see it ---------------


@pytest.mark.parametrize("case", CASES)
def test_naming_an_address_the_link_may_not_add_changes_nothing_of_that_account(
    client, commit, consultation, framtid, token, organiser, case
):
    make, reason = CASES[case]
    account = make()
    before = snapshot(account)
    mail.outbox.clear()

    response = post(
        client, commit, token, [("Anna Lind", "anna@framtid.se"), ("X Y", variant(account.email))], "n1"
    )

    assert response.status_code == 302
    assert snapshot(account) == before
    invitation = invitation_of(framtid, consultation)
    assert invitation.status == InvitationStatus.ACCEPTED  # the rest of the answer is saved
    assert [attendee.email for attendee in invitation.attendees.all()] == ["anna@framtid.se"]
    assert not Attendee.objects.filter(invitation=invitation, user=account).exists()
    assert Attendee.objects.filter(consultation=consultation, email=account.email).count() == (
        1 if reason == HoldReason.NAMED_ELSEWHERE else 0  # only the other organisation's own row
    )
    held = HeldAttendee.objects.get()
    assert (held.invitation, held.email, held.name, held.reason, held.account) == (
        invitation,
        account.email,
        "X Y",
        reason,
        account,
    )
    # No login email to the account; the organisers (who sent the invitations) are told, by no name.
    assert all(account.email not in message.to for message in mail.outbox)
    [notice] = [message for message in mail.outbox if message.to == [organiser.email]]
    assert "An RSVP needs your attention" in notice.subject
    assert reverse("invitations_admin:index", args=[consultation.pk]) in notice.body
    assert account.email not in notice.body and "X Y" not in notice.body
    assert ModelLogEntry.objects.get(action=ATTENDEE_HOLD).data == {"reason": str(reason)}


@pytest.mark.parametrize("case", CASES)
def test_the_service_holds_whoever_calls_it(commit, consultation, framtid, token, case):
    make, reason = CASES[case]
    account = make()
    before = snapshot(account)
    with commit():
        outcome = rsvp_accept(
            token=token,
            attendees=[AttendeeData(name="Omar Said", email=f" {account.email.upper()}  ")],
        )
    assert snapshot(account) == before
    assert [held.email for held in outcome.held] == [account.email]
    assert not invitation_of(framtid, consultation).attendees.exists()


# --- One neutral answer, whatever the reason ----------------------------------------------------------

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
NONCE = re.compile(r'name="(accept|decline)-nonce" value="[^"]*"')
SQL_VALUES = re.compile(r"'[^']*'|\b\d+(\.\d+)?\b|\"s\d+_x\d+\"")  # values, and savepoint names


def neutral_page(html: str, typed: list[str]) -> str:
    html = NONCE.sub("nonce", CSRF.sub("csrf", html))
    for value in sorted(typed, key=len, reverse=True):
        html = html.replace(value, "TYPED")
    return html


def test_every_reason_gets_the_identical_answer_and_the_same_queries(
    client, commit, consultation, framtid, token, organiser
):
    answers, queries = {}, {}
    for number, case in enumerate(CASES):
        make, _reason = CASES[case]
        account = make()
        # The same state before each: Anna accepted, nothing held (the organisers handled the last one).
        for held in HeldAttendee.objects.all():
            held_attendee_resolve(held=held, user=organiser)
        post(client, commit, token, [("Anna Lind", "anna@framtid.se")], f"reset-{number}")
        client.get(factories.rsvp_path(token))  # reads the messages of that answer
        name, typed = f"Person Number{number}", variant(account.email)

        reset_queries()  # the log keeps 9000 at most: a full one would capture nothing
        with CaptureQueriesContext(connection) as captured:
            response = post(
                client, commit, token, [("Anna Lind", "anna@framtid.se"), (name, typed)], f"n-{number}"
            )
        queries[case] = [SQL_VALUES.sub("?", query["sql"]) for query in captured.captured_queries]
        page = client.get(response["Location"])

        assert NEUTRAL in page.content.decode()
        answers[case] = (
            response.status_code,
            response["Location"],
            page.status_code,
            neutral_page(page.content.decode(), [name, typed, typed.strip(), account.email]),
        )

    first, *rest = answers.values()
    assert first[0] == 302 and first[2] == 200
    for case, answer in answers.items():
        assert answer == first, case
    # Not a word of why: nothing about staff, accounts, registration or other organisations.
    for word in ("staff", "registered for this consultation", "another organisation", "Stiftelsen Stöd"):
        assert word not in first[3]
    first_queries = next(iter(queries.values()))
    assert any("accounts_user" in query for query in first_queries)  # the address was looked up
    for case, sequence in queries.items():
        assert sequence == first_queries, case


def test_a_held_person_is_shown_back_to_the_link_with_no_reason_and_not_in_the_form(client, commit, token):
    staff = staff_flag()
    post(client, commit, token, [("Anna Lind", "anna@framtid.se"), ("Sara", staff.email)], "n1")
    page = client.get(factories.rsvp_path(token)).content.decode()
    assert "We could not add Sara (staff@example.org) " + NEUTRAL in page
    assert "Not added from this link; the organisers will contact you about them:" in page
    assert 'value="staff@example.org"' not in page  # the form holds the attendees only
    assert "staff account" not in page.lower()


def test_naming_a_held_person_again_holds_once_and_tells_the_organisers_once(
    client, commit, consultation, token, organiser
):
    staff = staff_flag()
    people = [("Anna Lind", "anna@framtid.se"), ("Sara", staff.email)]
    post(client, commit, token, people, "n1")
    post(client, commit, token, [("Anna Lind", "anna@framtid.se"), ("Sara", variant(staff.email))], "n2")
    again = post(client, commit, token, [("Omar Said", "omar@framtid.se"), ("Sara", staff.email)], "n3")
    assert HeldAttendee.objects.count() == 1
    assert len([message for message in mail.outbox if message.to == [organiser.email]]) == 1
    assert NEUTRAL in client.get(again["Location"]).content.decode()  # told every time, all the same


# --- What still works -------------------------------------------------------------------------------


def test_a_new_address_and_an_account_of_the_same_organisation_still_work(
    client, commit, consultation, framtid, token
):
    own = User.objects.create_user(
        email="bo@framtid.se", password=None, first_name="Bo", organisation=framtid
    )
    response = post(
        client, commit, token, [("Anna Lind", " Anna@Framtid.se "), ("Bo Ek", "BO@framtid.se")], "n1"
    )
    assert response.status_code == 302
    assert NEUTRAL not in client.get(response["Location"]).content.decode()
    anna, bo = invitation_of(framtid, consultation).attendees.order_by("pk")
    assert anna.user.email == "anna@framtid.se" and anna.user.organisation == framtid
    assert bo.user == own
    assert not HeldAttendee.objects.exists()
    assert sorted(message.to for message in mail.outbox) == [["anna@framtid.se"], ["bo@framtid.se"]]


def test_once_nothing_stands_in_the_way_naming_the_person_again_adds_them(
    client, commit, consultation, framtid, token
):
    moved = other_organisations_account()
    post(client, commit, token, [("Per", moved.email)], "n1")
    assert HeldAttendee.objects.filter(email=moved.email).exists()
    moved.organisation = framtid  # the organisers moved the account, in Users
    moved.save()
    post(client, commit, token, [("Per", moved.email)], "n2")
    assert invitation_of(framtid, consultation).attendees.get().user == moved
    assert not HeldAttendee.objects.exists()


def test_an_account_made_staff_while_waitlisted_is_not_linked_on_promotion(client, commit, invite, organiser):
    small = factories.consultation(capacity=1, seats=1)
    first, waiting = factories.organisation(), factories.organisation()
    first_token, waiting_token = invite(small, first, waiting)
    with commit():
        rsvp_accept(token=first_token, attendees=[AttendeeData(name="Anna", email="anna@forening.se")])
        rsvp_accept(token=waiting_token, attendees=[AttendeeData(name="Sara", email="sara@example.org")])
    assert invitation_of(waiting, small).status == InvitationStatus.WAITLISTED
    staff = User.objects.create_user(email="sara@example.org", password="s3cret-pass", is_staff=True)
    before = snapshot(staff)
    mail.outbox.clear()

    with commit():
        rsvp_decline(token=first_token)

    assert invitation_of(waiting, small).status == InvitationStatus.ACCEPTED
    assert snapshot(staff) == before
    assert not Attendee.objects.filter(email="sara@example.org").exists()
    assert HeldAttendee.objects.get().reason == HoldReason.STAFF
    assert all("sara@example.org" not in message.to for message in mail.outbox)


# --- The organisers see it and resolve it -------------------------------------------------------------


def test_the_organisers_see_who_and_why_and_mark_it_handled(client, commit, consultation, token, organiser):
    staff = staff_flag()
    post(client, commit, token, [("Sara Staff", variant(staff.email))], "n1")
    client.force_login(organiser)
    overview = reverse("invitations_admin:index", args=[consultation.pk])
    page = html(client.get(overview))
    [row] = page.select("#held-heading ~ table tbody tr")
    assert "Föreningen Framtid" in text_of(row)
    assert "Sara Staff" in text_of(row) and "staff@example.org" in text_of(row)
    assert row.select_one("td[data-reason]")["data-reason"] == "staff"
    with translation.override("sv"):  # the admin speaks the default language here
        assert str(HoldReason.STAFF.label) in text_of(row)
    held = HeldAttendee.objects.get()

    response = client.post(
        reverse("invitations_admin:held_resolve", args=[consultation.pk]), {"held": held.pk}
    )

    assert response.status_code == 302
    assert not HeldAttendee.objects.exists()
    entry = ModelLogEntry.objects.get(action=HELD_ATTENDEE_RESOLVE)
    assert entry.user == organiser and entry.data == {"reason": "staff"}
    assert not html(client.get(overview)).select("#held-heading")


def test_only_organisers_may_mark_a_held_person_handled(client, commit, consultation, token):
    staff = staff_flag()
    post(client, commit, token, [("Sara", staff.email)], "n1")
    held = HeldAttendee.objects.get()
    client.force_login(staff)  # staff, but not an organiser of this consultation
    response = client.post(
        reverse("invitations_admin:held_resolve", args=[consultation.pk]), {"held": held.pk}
    )
    assert response.status_code in (302, 403)
    assert HeldAttendee.objects.exists()


def test_the_neutral_answer_is_swedish_on_the_swedish_page(client, commit, token):
    staff = staff_flag()
    with commit():
        response = client.post(
            factories.rsvp_path(token, "sv"),
            factories.accept_post([("Anna Lind", "anna@framtid.se"), ("Sara", staff.email)]),
        )
    page = client.get(response["Location"]).content.decode()
    assert (
        "Vi kunde inte lägga till Sara (staff@example.org) via den här länken. "
        "Arrangörerna har fått veta det och kontaktar er." in page
    )
    assert "Inte tillagda via den här länken; arrangörerna kontaktar er om dem:" in page
