"""The consultation held today, made live: named attendees with accounts, three breakout groups with a
facilitator and a note-taker, note-taking open, and a few points in the first group's notes.

Everything goes through the invitations, breakouts and notes services, and only where missing: a
second run, or a run on a later day, leaves attendees, groups and notes as they are. Groups are
never dealt again, so nobody changes group between two `make run`s.
"""

from breakouts.dealing import Person, assignment_plan
from breakouts.selectors import assignable_people, group_members, groups_for_consultation, note_taking_get
from breakouts.services import breakout_group_create, group_member_add, note_taking_open
from invitations.models import Attendee, InvitationStatus
from invitations.services import AttendeeData, attendee_accounts_link
from invitations.services.attendees import attendees_replace, attendees_validate

from .live_notes import note_points_add


def live_consultation_ensure(
    *, consultation, attendees: dict[str, list[tuple[str, str]]], group_names, points, tally
) -> None:
    attendees_ensure(consultation=consultation, attendees=attendees, tally=tally)
    new_groups = breakout_groups_ensure(consultation=consultation, names=group_names, tally=tally)
    note_taking_ensure(consultation=consultation, tally=tally)
    # Only into a group made now: notes in an existing group are the demo users' own.
    if new_groups and note_taking_get(consultation_id=consultation.pk).is_open:
        count = note_points_add(group=new_groups[0], points=points)
        for _ in range(count):
            tally.record("note point", created=True)


def attendees_ensure(*, consultation, attendees: dict[str, list[tuple[str, str]]], tally) -> None:
    """Names the people of each accepted organisation that has named nobody yet (a list someone
    changed is theirs), then links every attendee to their account, as accepting does. The demo
    participants' accounts exist already; the others are made without a password (login by code)."""
    invitations = consultation.invitations.filter(status=InvitationStatus.ACCEPTED).select_related(
        "organisation", "consultation"
    )
    for invitation in invitations:
        existing = invitation.attendees.count()
        if existing:
            for _ in range(existing):
                tally.record("attendee", created=False)
            continue
        named = attendees.get(invitation.organisation.name, [])
        if not named:
            continue  # an organisation added by hand since: its people are its own to name
        wanted = [AttendeeData(name=name, email=email) for name, email in named]
        # The same rules as an answer through the RSVP link, whose token and deadline a seed lacks.
        people = attendees_validate(invitation=invitation, attendees=wanted)
        attendees_replace(invitation=invitation, attendees=people)
        for person in people:
            tally.record("attendee", created=True, label=f"{person.name} ({invitation.organisation})")
    unlinked = Attendee.objects.filter(consultation=consultation, user__isnull=True)
    for attendee in attendee_accounts_link(attendees=unlinked.select_related("invitation")):
        tally.record("account link", created=True, label=attendee.email)


def breakout_groups_ensure(*, consultation, names, tally) -> list:
    """The groups made now (none when the consultation has groups already), each with its members;
    the first two of a group lead it and keep its notes tidy, being in the room anyway."""
    existing = list(groups_for_consultation(consultation))
    if existing:
        for group in existing:
            tally.record("breakout group", created=False)
            for _member in group_members(group):
                tally.record("membership", created=False)
        return []
    people = assignable_people(consultation=consultation)
    users = {user.pk: user for user, _organisation in people}
    plan = assignment_plan(
        [
            Person(key=user.pk, organisation=org.pk, kind=org.kind, county=org.county or "")
            for user, org in people
        ],
        len(names),
    )
    groups = []
    for order, (name, dealt) in enumerate(zip(names, plan, strict=True)):
        members = [users[person.key] for person in dealt]
        group = breakout_group_create(
            consultation=consultation,
            name=name,
            facilitator=members[0] if members else None,
            note_taker=members[1] if len(members) > 1 else None,
            sort_order=order,
        )
        tally.record("breakout group", created=True, label=name)
        for user in members:
            group_member_add(group=group, person=user)
            tally.record("membership", created=True)
        groups.append(group)
    return groups


def note_taking_ensure(*, consultation, tally) -> None:
    """Opens note-taking once; if staff have closed it since, it stays closed."""
    if note_taking_get(consultation_id=consultation.pk) is not None:
        tally.record("note-taking", created=False)
        return
    note_taking_open(consultation=consultation)
    tally.record("note-taking", created=True, label=consultation.title)
