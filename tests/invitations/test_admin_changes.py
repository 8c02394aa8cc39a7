"""The organiser following the answers on the overview: counts that add up, decline comments, taking an
organisation off the list (removed before sending, withdrawn after), promoting from the waiting list
and removing an attendee. As the real organiser (the Organisers group), never the superuser."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.models import User
from invitations.log_actions import INVITATION_REMOVE, INVITATION_WITHDRAW, WAITLIST_PROMOTE
from invitations.models import Attendee, Invitation, InvitationDelivery, InvitationStatus
from invitations.services import AttendeeData, invitation_create_many, rsvp_accept, rsvp_decline
from staff_roles.services import staff_group
from tests.outbox.helpers import deliver_all
from tests.utils import html

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(db):
    # Overrides conftest's superuser: the `invite` fixture sends as this organiser too.
    return factories.organiser_in_english()


@pytest.fixture
def small(db):
    return factories.consultation(capacity=2, seats=2)


@pytest.fixture
def staff_client(client, organiser):
    client.force_login(organiser)
    return client


def url(name, consultation):
    return reverse(f"invitations_admin:{name}", args=[consultation.pk])


def people(*emails):
    return [AttendeeData(name=email.split("@")[0].title(), email=email) for email in emails]


def counts_of(page) -> dict[str, str]:
    return {node["data-count"]: node.get_text(strip=True) for node in page.select(".inv-counts [data-count]")}


@pytest.fixture
def answered(small, invite, commit):
    """Alfa accepted (both seats), Beta waitlisted, Gamma declined with a comment."""
    alfa, beta, gamma = (factories.organisation(name=name) for name in ("Alfa", "Beta", "Gamma"))
    a, b, c = invite(small, alfa, beta, gamma)
    with commit():
        rsvp_accept(token=a, attendees=people("a1@alfa.se", "a2@alfa.se"))
        rsvp_accept(token=b, attendees=people("b1@beta.se"))
        rsvp_decline(token=c, comment="Vi har <script>alert(1)</script> ingen möjlighet i juni.")
    mail.outbox.clear()
    return {"alfa": alfa, "beta": beta, "gamma": gamma, "tokens": (a, b, c)}


def test_after_everyone_answered_the_counts_add_up_and_no_send_button_remains(staff_client, small, answered):
    page = html(staff_client.get(url("index", small)))
    counts = counts_of(page)
    assert (counts["invited"], counts["not_sent"], counts["sent"]) == ("3", "0", "3")
    assert (counts["no_answer"], counts["answered"]) == ("0", "3")
    assert (counts["accepted"], counts["waitlisted"], counts["declined"]) == ("1", "1", "1")
    actions = page.select_one("#actions-heading").find_parent("section")
    # Nothing is left to send or to remind: no button offers to do nothing.
    assert not actions.select("button")
    assert "Every invitation is sent and answered." in actions.get_text()


def test_before_sending_the_send_button_is_the_main_one_and_counts_the_unsent(staff_client, small, organiser):
    invitation_create_many(
        consultation=small,
        organisations=[factories.organisation(), factories.organisation()],
        user=organiser,
    )
    page = html(staff_client.get(url("index", small)))
    assert counts_of(page)["invited"] == "2" and counts_of(page)["not_sent"] == "2"
    [button] = page.select(f"form[action='{url('send', small)}'] button")
    assert "button-secondary" not in button["class"]
    assert "2" in button.get_text()
    assert not page.select(f"form[action='{url('remind', small)}']")  # no one to remind yet


def test_the_decline_comment_is_on_the_overview_as_text(staff_client, small, answered):
    page = html(staff_client.get(url("index", small)))
    [comment] = page.select("[data-decline-comment]")
    assert "ingen möjlighet i juni" in comment.get_text()
    assert "<script>alert(1)</script>" in comment.get_text()  # shown as typed, never run
    assert not page.select("[data-decline-comment] script")


def test_removing_an_organisation_before_sending_asks_then_deletes_it(staff_client, small, organiser):
    [invitation] = invitation_create_many(
        consultation=small, organisations=[factories.organisation(name="Föreningen Fel")], user=organiser
    )
    confirm = staff_client.get(url("remove", small), {"invitation": invitation.pk})
    assert confirm.status_code == 200
    assert "Remove Föreningen Fel" in confirm.content.decode()
    assert Invitation.objects.filter(pk=invitation.pk).exists()  # asking changes nothing
    response = staff_client.post(url("remove", small), {"invitation": invitation.pk})
    assert response.status_code == 302 and response["Location"] == url("index", small)
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    assert PageLogEntry.objects.filter(page=small, action=INVITATION_REMOVE, user=organiser).exists()
    # Back among the organisations that can be added.
    assert "Föreningen Fel" in staff_client.get(url("build", small)).content.decode()
    # A second click finds nothing to remove, and says so.
    again = staff_client.post(url("remove", small), {"invitation": invitation.pk}, follow=True)
    assert "no longer on the list" in again.content.decode()


def test_withdrawing_after_sending_frees_the_seats_revokes_the_link_and_tells_the_organisation(
    staff_client, small, answered, organiser, commit
):
    alfa = invitation_of(answered["alfa"], small)
    confirm = staff_client.get(url("remove", small), {"invitation": alfa.pk}).content.decode()
    assert "Withdraw the invitation to Alfa" in confirm and "cannot be undone" in confirm
    with commit():
        staff_client.post(url("remove", small), {"invitation": alfa.pk})
    alfa.refresh_from_db()
    assert alfa.status == InvitationStatus.WITHDRAWN and alfa.token_revoked_at is not None
    assert not alfa.attendees.exists()
    # Its seats went to Beta, first in line.
    assert invitation_of(answered["beta"], small).status == InvitationStatus.ACCEPTED
    [told] = [message for message in mail.outbox if message.to == alfa.organisation.contact_email_list]
    assert "withdrawn" in told.subject.lower() or "återkallad" in told.subject.lower()
    assert staff_client.get(factories.rsvp_path(answered["tokens"][0])).status_code == 410
    assert ModelLogEntry.objects.filter(action=INVITATION_WITHDRAW, user=organiser).count() == 1
    page = html(staff_client.get(url("index", small)))
    counts = counts_of(page)
    assert counts["withdrawn"] == "1" and counts["invited"] == "2"
    row = page.select_one("td[data-status=withdrawn]").find_parent("tr")
    assert not row.select("form, a.button")  # nothing more to do with it: no resend, no second withdraw
    # A double submit changes nothing more and mails no one again.
    before = len(mail.outbox)
    with commit():
        again = staff_client.post(url("remove", small), {"invitation": alfa.pk}, follow=True)
    assert "no longer on the list" in again.content.decode() and len(mail.outbox) == before


def test_a_withdrawn_invitation_is_not_sent_again(staff_client, small, answered, organiser, commit):
    gamma = invitation_of(answered["gamma"], small)
    staff_client.post(url("remove", small), {"invitation": gamma.pk})
    before = len(mail.outbox)
    with commit():
        response = staff_client.post(url("send", small), {"invitation": gamma.pk}, follow=True)
    assert "There are no invitations to send." in response.content.decode()
    assert len(mail.outbox) == before


def test_an_invitation_withdrawn_while_queued_is_skipped_by_the_send(staff_client, small, organiser, commit):
    [invitation] = invitation_create_many(
        consultation=small, organisations=[factories.organisation()], user=organiser
    )
    # Queued but not sent yet (the background run comes later): removing it withdraws it.
    staff_client.post(url("send", small))
    assert InvitationDelivery.objects.filter(invitation=invitation).exists()
    staff_client.post(url("remove", small), {"invitation": invitation.pk})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN
    deliver_all(consultation=small)
    invitation.refresh_from_db()
    assert not mail.outbox and invitation.token_hash is None


def test_promoting_one_organisation_out_of_turn(staff_client, small, invite, organiser, commit):
    alfa, beta, gamma = (factories.organisation(name=name) for name in ("Alfa", "Beta", "Gamma"))
    a, b, c = invite(small, alfa, beta, gamma)
    with commit():
        rsvp_accept(token=a, attendees=people("a1@alfa.se"))  # one seat left of two
        rsvp_accept(token=b, attendees=people("b1@beta.se", "b2@beta.se"))  # does not fit: waits
        rsvp_accept(token=c, attendees=people("c1@gamma.se", "c2@gamma.se"))  # waits behind Beta
    gamma_row = invitation_of(gamma, small)
    assert gamma_row.status == InvitationStatus.WAITLISTED
    # Two people, one seat: refused with what to do, and nothing changes.
    response = staff_client.post(url("promote", small), {"invitation": gamma_row.pk}, follow=True)
    assert "Raise the capacity" in response.content.decode()
    assert invitation_of(gamma, small).status == InvitationStatus.WAITLISTED
    small.capacity = 5
    small.save_revision().publish()
    mail.outbox.clear()
    assert staff_client.get(url("promote", small), {"invitation": gamma_row.pk}).status_code == 200
    with commit():
        staff_client.post(url("promote", small), {"invitation": gamma_row.pk})
    assert invitation_of(gamma, small).status == InvitationStatus.ACCEPTED
    assert invitation_of(beta, small).status == InvitationStatus.WAITLISTED  # passed over, still waiting
    assert any(message.to == gamma.contact_email_list for message in mail.outbox)
    assert ModelLogEntry.objects.filter(action=WAITLIST_PROMOTE, user=organiser).exists()
    # Promoted already: a second click is refused, not a second email.
    before = len(mail.outbox)
    with commit():
        again = staff_client.post(url("promote", small), {"invitation": gamma_row.pk}, follow=True)
    assert "no longer on the list" in again.content.decode() and len(mail.outbox) == before


def test_removing_an_attendee_frees_the_seat_for_the_waiting_list(staff_client, small, answered, commit):
    removed = Attendee.objects.get(email="a2@alfa.se")
    confirm = staff_client.get(url("attendee_remove", small), {"attendee": removed.pk}).content.decode()
    assert "Remove A2" in confirm
    page = html(staff_client.get(url("index", small)))
    assert page.select(f"a[href$='?attendee={removed.pk}']")  # reachable from the overview
    with commit():
        staff_client.post(url("attendee_remove", small), {"attendee": removed.pk})
    assert not Attendee.objects.filter(pk=removed.pk).exists()
    assert invitation_of(answered["beta"], small).status == InvitationStatus.ACCEPTED


def test_another_consultations_rows_cannot_be_reached_from_this_one(
    staff_client, small, answered, invite, commit
):
    other = factories.consultation(capacity=1, seats=1)
    first, waiting = factories.organisation(), factories.organisation()
    t1, t2 = invite(other, first, waiting)
    with commit():
        rsvp_accept(token=t1, attendees=people("x@first.se"))
        rsvp_accept(token=t2, attendees=people("y@waiting.se"))
    theirs = invitation_of(first, other)
    their_waiting = invitation_of(waiting, other)
    their_attendee = Attendee.objects.get(email="x@first.se")
    for name, field, pk in [
        ("remove", "invitation", theirs.pk),
        ("promote", "invitation", their_waiting.pk),
        ("attendee_remove", "attendee", their_attendee.pk),
    ]:
        assert staff_client.get(url(name, small), {field: pk}).status_code == 404
        staff_client.post(url(name, small), {field: pk})
        for junk in ["", "abc", "-1", "1 OR 1=1", "9" * 30]:
            assert staff_client.get(url(name, small), {field: junk}).status_code == 404
            assert staff_client.post(url(name, small), {field: junk}).status_code == 302
    theirs.refresh_from_db()
    assert theirs.status == InvitationStatus.ACCEPTED
    assert invitation_of(waiting, other).status == InvitationStatus.WAITLISTED
    assert Attendee.objects.filter(pk=their_attendee.pk).exists()


def test_staff_without_the_invitation_permission_can_change_nothing(client, small, answered):
    from staff_roles.groups import APPROVERS

    approver = User.objects.create_user(email="godkannare@regeringskansliet.se", password=None)
    approver.groups.add(staff_group(APPROVERS))
    client.force_login(approver)
    alfa = invitation_of(answered["alfa"], small)
    assert client.post(url("remove", small), {"invitation": alfa.pk}).status_code == 403
    assert client.get(url("remove", small), {"invitation": alfa.pk}).status_code == 403
    alfa.refresh_from_db()
    assert alfa.status == InvitationStatus.ACCEPTED
