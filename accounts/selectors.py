"""Reads for a participant's own page: the consultations they take part in, and how they stand."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from breakouts.models import GroupMembership
from corrections.selectors import rounds_for_attendee
from invitations.models import Attendee, Invitation, InvitationStatus
from minutes.models import MinutesPage

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
    # Empty means "not placed in a group yet".
    groups: list = field(default_factory=list)
    is_past: bool = False  # held before today; today's consultation is still "upcoming"
    is_today: bool = False
    minutes: MinutesPage | None = None  # published (live, public) minutes
    correction_round: object | None = None  # an open review of the draft minutes the person may join

    @property
    def answer(self) -> str:
        return str(ANSWER_WORDS.get(self.invitation.status, self.invitation.get_status_display()))

    @property
    def standing(self) -> str:
        """Where the person stands, for the sentence under the facts (templates/accounts/my_page.html)."""
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
    # Open reviews of draft minutes the person may join, earliest deadline first (also on their entry).
    correction_rounds: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.upcoming + self.past)

    def __len__(self):
        return len(self.upcoming) + len(self.past)


def _published_minutes_id():
    """The pk of a consultation's published minutes (a live, public child), for an invitation row."""
    minutes = MinutesPage.objects.live().public().filter(
        path__startswith=OuterRef("consultation__path"), depth=OuterRef("consultation__depth") + 1
    )
    return Subquery(minutes.values("pk")[:1])


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
    ones they or their organisation took part in, with their published minutes and any open review
    of the draft minutes.

    At most six queries, whatever the number of consultations: page view restrictions (for
    "public" minutes), invitations, the user's attendee rows, group memberships, the published
    minutes (none when there are none), open reviews."""
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
        .annotate(published_minutes_id=_published_minutes_id())
        .distinct()
        .order_by("consultation__date", "consultation__start_time", "consultation__title")
    )
    attendees = {
        attendee.invitation_id: attendee
        for attendee in Attendee.objects.filter(user=user, invitation__in=[row.pk for row in invitations])
    }
    groups = defaultdict(list)
    memberships = GroupMembership.objects.filter(
        user=user, consultation_id__in={row.consultation_id for row in invitations}
    ).select_related("group")
    for membership in memberships:
        groups[membership.consultation_id].append(membership.group)
    minutes_ids = {row.published_minutes_id for row in invitations if row.published_minutes_id}
    minutes = MinutesPage.objects.in_bulk(minutes_ids) if minutes_ids else {}
    open_rounds = rounds_for_attendee(user=user)
    rounds = {round.consultation_id: round for round in open_rounds}

    entries = [
        MyConsultation(
            consultation=row.consultation,
            invitation=row,
            attendee=attendees.get(row.pk),
            groups=groups[row.consultation_id],
            is_past=row.consultation.date < today,
            is_today=row.consultation.date == today,
            minutes=minutes.get(row.published_minutes_id),
            correction_round=rounds.get(row.consultation_id),
        )
        for row in invitations
    ]
    entries = [entry for entry in entries if _worth_listing(entry)]
    return MyConsultations(
        upcoming=[entry for entry in entries if not entry.is_past],
        past=[entry for entry in reversed(entries) if entry.is_past],
        correction_rounds=open_rounds,
    )
