"""The consultations on a participant's own page (accounts/my_page.py): those they take part in, and
how they stand. Features above invitations add to each consultation (its breakout group, published
minutes, open review of the draft minutes) by registering a detail here, from their own my_page.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.my_page import my_page_section_register

from .models import Attendee, Invitation, InvitationStatus

# The organisation's answer in the words of the person reading it: "Sent" (the organisers' word for
# an invitation on its way) read like an answer, so an invitation not yet answered says so.
ANSWER_WORDS = {
    InvitationStatus.SENT: _("No answer yet"),
    InvitationStatus.ACCEPTED: _("Accepted"),
    InvitationStatus.DECLINED: _("Declined"),
    InvitationStatus.WAITLISTED: _("On the waiting list"),
}


@dataclass
class MyConsultation:
    consultation: object  # ConsultationPage
    invitation: Invitation
    attendee: Attendee | None  # None: their organisation is invited, but they are not named (yet)
    is_past: bool = False  # held before today; today's consultation is still "upcoming"
    is_today: bool = False
    # Filled by the registered details (breakouts/, minutes/, corrections/ my_page.py).
    groups: list = field(default_factory=list)  # empty means "not placed in a group yet"
    minutes: object | None = None  # published (live, public) MinutesPage
    correction_round: object | None = None  # an open review of the draft minutes the person may join

    @property
    def answer(self) -> str:
        return str(ANSWER_WORDS.get(self.invitation.status, self.invitation.get_status_display()))

    @property
    def standing(self) -> str:
        """Where the person stands, for the sentence under the facts
        (templates/invitations/my_page/consultation.html)."""
        status = self.invitation.status
        if self.is_past:
            if status == InvitationStatus.ACCEPTED:
                return "was_registered" if self.attendee else "organisation_took_part"
            if status == InvitationStatus.WAITLISTED:
                return "was_waitlisted"
            return "did_not_take_part"
        if status == InvitationStatus.ACCEPTED:
            return "registered" if self.attendee else "not_named"
        if status == InvitationStatus.WAITLISTED:
            return "waitlisted" if self.attendee else "not_named"
        if status == InvitationStatus.DECLINED:
            return "declined"
        return "no_answer"

    @property
    def shows_group(self) -> bool:
        """The group section: where there is a group, or where one is still to come for a person named
        for an accepted invitation (not afterwards: no group will come then)."""
        if self.groups:
            return True
        named = self.attendee is not None and self.invitation.status == InvitationStatus.ACCEPTED
        return named and not self.is_past


@dataclass
class MyConsultations:
    upcoming: list[MyConsultation]  # today and later, soonest first
    past: list[MyConsultation]  # most recent first
    # Open reviews of draft minutes the person may join, earliest deadline first (also on their entry);
    # filled by corrections/my_page.py.
    correction_rounds: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.upcoming + self.past)

    def __len__(self):
        return len(self.upcoming) + len(self.past)


# add(user=..., consultations=MyConsultations) fills in its part of every entry, in a fixed number of
# queries (one call for all of the person's consultations, never one per consultation).
_DETAILS: dict[str, Callable[..., None]] = {}


def my_consultation_detail_register(*, name: str, add: Callable[..., None]) -> None:
    _DETAILS[name] = add


def _worth_listing(entry: MyConsultation) -> bool:
    """Afterwards only what the person or their organisation took part in: an invitation left
    unanswered or declined long ago says nothing useful, and the minutes are public anyway."""
    if not entry.is_past:
        return True
    return bool(entry.attendee or entry.groups or entry.invitation.status == InvitationStatus.ACCEPTED)


def my_consultations(*, user, now=None) -> MyConsultations:
    """Consultations the user is named for (Attendee.user), and those their organisation has been
    invited to (sent or answered; a list not sent yet is the organisers' draft, and a withdrawn
    invitation is no longer theirs): today's and the coming ones first, soonest first, then the past
    ones they or their organisation took part in, with what the registered details add (group,
    published minutes, open review of the draft minutes).

    At most six queries, whatever the number of consultations: invitations, the user's attendee rows,
    then the details' (group memberships; page view restrictions and the published minutes, none
    without consultations; open reviews)."""
    if not user.is_authenticated:
        return MyConsultations(upcoming=[], past=[])
    today = timezone.localdate(now)
    named = Q(attendees__user=user)
    by_organisation = Q(organisation_id=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    invitations = list(
        Invitation.objects.filter(named | by_organisation)
        # Not sent: the organisers' draft. Withdrawn: the organisers took the organisation off the
        # list and its people off the attendees, so the consultation is no longer theirs.
        .exclude(status__in=[InvitationStatus.NOT_SENT, InvitationStatus.WITHDRAWN])
        .select_related("consultation", "organisation")
        .distinct()
        .order_by("consultation__date", "consultation__start_time", "consultation__title")
    )
    attendees = {
        attendee.invitation_id: attendee
        for attendee in Attendee.objects.filter(user=user, invitation__in=[row.pk for row in invitations])
    }
    entries = [
        MyConsultation(
            consultation=row.consultation,
            invitation=row,
            attendee=attendees.get(row.pk),
            is_past=row.consultation.date < today,
            is_today=row.consultation.date == today,
        )
        for row in invitations
    ]
    mine = MyConsultations(
        upcoming=[entry for entry in entries if not entry.is_past],
        past=[entry for entry in reversed(entries) if entry.is_past],
    )
    for add in _DETAILS.values():
        add(user=user, consultations=mine)
    # Only now: being placed in a group (a detail) is part of what makes a past one worth listing.
    mine.past = [entry for entry in mine.past if _worth_listing(entry)]
    return mine


def _consultations_section(*, user) -> dict:
    consultations = my_consultations(user=user)
    # Reviews open now, at the top: each is a task with a deadline (also shown under its consultation).
    return {"consultations": consultations, "correction_rounds": consultations.correction_rounds}


my_page_section_register(
    name="consultations",
    order=10,
    template="invitations/my_page/consultations.html",
    read=_consultations_section,
)
