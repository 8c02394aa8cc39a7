"""Capacity and the waiting list: first come first served; a decline or a removed attendee promotes the
next invitation(s) that fit, who are told by email and get their accounts then."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from accounts.models import User
from invitations.models import Attendee, InvitationStatus
from invitations.services import AttendeeData, attendee_remove, rsvp_accept, rsvp_decline, waitlist_promote
from invitations.services.rsvp import RsvpOutcome

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db


def people(*emails) -> list[AttendeeData]:
    return [AttendeeData(name=email.split("@")[0].title(), email=email) for email in emails]


@pytest.fixture
def small(db):
    return factories.consultation(capacity=3, seats=2)


@pytest.fixture
def orgs(small, invite):
    organisations = [factories.organisation(name=name) for name in ("Alfa", "Beta", "Gamma", "Delta")]
    tokens = invite(small, *organisations)
    mail.outbox.clear()
    return dict(zip(("a", "b", "c", "d"), zip(organisations, tokens, strict=True), strict=True))


def accept(commit, token, *emails) -> RsvpOutcome:
    with commit():
        return rsvp_accept(token=token, attendees=people(*emails))


def test_accepting_when_full_waitlists_with_the_attendees(small, orgs, commit, client):
    (_alfa, a), (_beta, b) = orgs["a"], orgs["b"]
    assert accept(commit, a, "a1@alfa.se", "a2@alfa.se").invitation.status == InvitationStatus.ACCEPTED
    outcome = accept(commit, b, "b1@beta.se", "b2@beta.se")
    assert outcome.invitation.status == InvitationStatus.WAITLISTED
    assert outcome.invitation.waitlisted_at is not None
    assert list(outcome.invitation.attendees.values_list("email", flat=True)) == ["b1@beta.se", "b2@beta.se"]
    # No seat, so no accounts and no login emails yet.
    assert not User.objects.filter(email__endswith="@beta.se").exists()
    assert mail.outbox and all(message.to[0].endswith("@alfa.se") for message in mail.outbox)
    page = client.get(factories.rsvp_path(b)).content.decode()
    assert "number 1 on the waiting list" in page


def test_a_decline_promotes_the_next_in_line_and_tells_them(small, orgs, commit):
    (_alfa, a), (beta, b), (gamma, c) = orgs["a"], orgs["b"], orgs["c"]
    accept(commit, a, "a1@alfa.se", "a2@alfa.se")
    accept(commit, b, "b1@beta.se", "b2@beta.se")  # waitlisted first
    accept(commit, c, "c1@gamma.se", "c2@gamma.se")  # waitlisted second
    mail.outbox.clear()

    with commit():
        outcome = rsvp_decline(token=a, comment="Vi kan inte.")
    assert [invitation.organisation for invitation in outcome.promoted] == [beta]
    assert invitation_of(beta, small).status == InvitationStatus.ACCEPTED
    assert invitation_of(gamma, small).status == InvitationStatus.WAITLISTED
    promoted = [message for message in mail.outbox if message.to == beta.contact_email_list]
    assert len(promoted) == 1
    assert "b1@beta.se" not in promoted[0].body and "B1" in promoted[0].body
    assert "no longer on the waiting list" in promoted[0].body
    logins = sorted(message.to[0] for message in mail.outbox if message.to[0].endswith("@beta.se"))
    assert logins == ["b1@beta.se", "b2@beta.se"]
    assert User.objects.filter(email__endswith="@beta.se").count() == 2


def test_the_waiting_list_is_first_come_first_served_but_skips_one_that_does_not_fit(small, orgs, commit):
    (alfa, a), (beta, b), (gamma, c), (delta, d) = orgs.values()
    accept(commit, a, "a1@alfa.se", "a2@alfa.se")
    accept(commit, b, "b1@beta.se")  # 3 of 3 seats taken
    accept(commit, c, "c1@gamma.se", "c2@gamma.se")  # waitlisted, needs 2
    accept(commit, d, "d1@delta.se")  # waitlisted, needs 1
    outcome = accept(commit, a, "a1@alfa.se")  # frees one seat: Gamma (2) does not fit, Delta (1) does
    assert [invitation.organisation for invitation in outcome.promoted] == [delta]
    assert invitation_of(gamma, small).status == InvitationStatus.WAITLISTED
    with commit():
        outcome = rsvp_decline(token=b)  # one seat free again: still not enough for Gamma
    assert outcome.promoted == []
    with commit():
        outcome = rsvp_decline(token=d)
    assert [invitation.organisation for invitation in outcome.promoted] == [gamma]
    assert Attendee.objects.filter(invitation__status=InvitationStatus.ACCEPTED).count() == 3


def test_staff_removing_an_attendee_promotes(small, orgs, commit, organiser):
    (_alfa, a), (beta, b) = orgs["a"], orgs["b"]
    accept(commit, a, "a1@alfa.se", "a2@alfa.se")
    accept(commit, b, "b1@beta.se", "b2@beta.se")
    accept(commit, orgs["c"][1], "c1@gamma.se")  # 3 of 3
    mail.outbox.clear()
    with commit():
        attendee_remove(attendee=Attendee.objects.get(email="a2@alfa.se"), user=organiser)
    assert invitation_of(beta, small).status == InvitationStatus.WAITLISTED  # one seat is not two
    with commit():
        promoted = attendee_remove(attendee=Attendee.objects.get(email="c1@gamma.se"), user=organiser)
    assert [invitation.organisation for invitation in promoted] == [beta]
    assert any(message.to == beta.contact_email_list for message in mail.outbox)


def test_an_accepted_organisation_cannot_grow_past_capacity(small, orgs, commit):
    (alfa, a), (_beta, b) = orgs["a"], orgs["b"]
    accept(commit, a, "a1@alfa.se")
    accept(commit, b, "b1@beta.se", "b2@beta.se")
    with pytest.raises(ValidationError):
        accept(commit, a, "a1@alfa.se", "a2@alfa.se")
    invitation = invitation_of(alfa, small)
    assert invitation.status == InvitationStatus.ACCEPTED
    assert invitation.attendees.count() == 1


def test_raising_the_capacity_and_promoting(small, orgs, commit, organiser):
    (_alfa, a), (beta, b) = orgs["a"], orgs["b"]
    accept(commit, a, "a1@alfa.se", "a2@alfa.se")
    accept(commit, b, "b1@beta.se", "b2@beta.se")
    small.capacity = 4
    small.save_revision().publish()
    small.refresh_from_db()
    with commit():
        promoted = waitlist_promote(consultation=small, user=organiser)
    assert [invitation.organisation for invitation in promoted] == [beta]
