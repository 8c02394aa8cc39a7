"""Consultations and conferences with their speakers, questions, invitations and minutes."""

import datetime as dt
from zoneinfo import ZoneInfo

from consultations.models import ConsultationPage, ConsultationSpeaker, DiscussionQuestion
from invitations.models import Invitation, InvitationStatus
from minutes.models import FollowUp, MinutesPage, Takeaway
from minutes.models.takeaway import TakeawayStatus
from organisations.models import Organisation

from .site_tree import publish_child
from .streams import agenda_item, sub_questions

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PAGE_FIELDS = [
    "slug",
    "title",
    "kind",
    "ministry",
    "unit",
    "start_time",
    "end_time",
    "format",
    "venue_name",
    "venue_address",
    "introduction",
    "body",
    "capacity",
    "seats_per_organisation",
]


def local(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.replace(tzinfo=STOCKHOLM) if moment else None


def schedule(data: dict, today: dt.date) -> tuple[dt.date, dt.datetime, dt.datetime]:
    """The date, registration opening and RSVP deadline: fixed, or relative to `today`."""
    if "date" in data:
        return data["date"], local(data["registration_opens"]), local(data["rsvp_deadline"])
    date = today + dt.timedelta(days=data["days_ahead"])
    if data["weekday"] is not None:  # None: that very day (a consultation held today)
        date += dt.timedelta(days=(data["weekday"] - date.weekday()) % 7)
    anchors = {"run": today, "date": date}
    opens = anchors[data["opens"][0]] + dt.timedelta(days=data["opens"][1])
    deadline = anchors[data["deadline"][0]] + dt.timedelta(days=data["deadline"][1])
    return (
        date,
        dt.datetime.combine(opens, dt.time(9, 0), tzinfo=STOCKHOLM),
        dt.datetime.combine(deadline, dt.time(23, 59), tzinfo=STOCKHOLM),
    )


def build_consultation(data: dict, *, people, themes, today) -> ConsultationPage:
    date, opens, deadline = schedule(data, today)
    page = ConsultationPage(
        **{field: data[field] for field in PAGE_FIELDS},
        date=date,
        registration_opens=opens,
        rsvp_deadline=deadline,
        host=people[data["host"]],
        press_contact=people.get(data.get("press_contact", "")),
        online_link=data.get("online_link", ""),
        recordings=data.get("recordings", []),
        easy_read_body=data.get("easy_read_body", ""),
        easy_read_open_input=data.get("easy_read_open_input", ""),
        agenda=[
            agenda_item(time, item, [people[name] for name in names], description)
            for time, item, names, description in data["agenda"]
        ],
    )
    page.themes = [themes[slug] for slug in data["themes"]]
    page.speakers = [ConsultationSpeaker(person=people[name], role=role) for name, role in data["speakers"]]
    page.questions = [
        DiscussionQuestion(number=number, text=text, sub_questions=sub_questions(subs))
        for number, text, subs in data["questions"]
    ]
    return page


def ensure_consultation(index, data: dict, *, people, themes, organisations, today, tally):
    page = publish_child(
        index,
        data["slug"],
        lambda: build_consultation(data, people=people, themes=themes, today=today),
        tally,
        kind="consultation",
        first_published_at=local(data.get("first_published_at")),
    )
    for number, name in enumerate(data["invited"]):
        status = "declined" if name in data.get("declined", ()) else data["status"]
        _, created = Invitation.objects.get_or_create(
            consultation=page,
            organisation=organisations[name],
            defaults=_invitation_fields(page, status, number),
        )
        tally.record("invitation", created=created)
    return page


def _invitation_fields(page, status: str, number: int) -> dict:
    """Sent when registration opened; answers spread over the following days, before the deadline."""
    fields = {"status": status}
    if status != "not_sent":
        fields["sent_at"] = page.registration_opens
    if status in ("accepted", "declined"):
        answered = page.registration_opens + dt.timedelta(days=1 + number % 10, hours=number % 7)
        fields["answered_at"] = min(answered, page.rsvp_deadline - dt.timedelta(hours=1))
    return fields


def ensure_minutes(consultation, data: dict, tally) -> MinutesPage:
    """The minutes with their takeaways and follow-ups, published; found again by slug, and then
    left as they are. The follow-ups are recorded as announced when they were written (long ago),
    so seeding emails no one; the minutes are put under the approval workflow for later edits.

    The participating organisations are those whose invitation was accepted: the 2024 meeting has no
    check-in or named attendees in the demo, so its published minutes are the record of who took part
    (what the representation overview counts as attended, representation/selectors.py)."""
    existing = consultation.get_children().filter(slug=data["slug"]).first()
    if existing is not None:
        tally.record("minutes", created=False)
        return existing.specific
    fields = {key: data[key] for key in ("slug", "title", "summary", "body", "held_on", "organiser")}
    page = MinutesPage(
        **fields,
        easy_read_body=data.get("easy_read_body", ""),
        first_published_at=local(data["first_published_at"]),
    )
    page.takeaways = [
        Takeaway(question_number=number, text=text, sort_order=position)
        for position, (number, text) in enumerate(data["takeaways"])
    ]
    page.participating_organisations = list(
        Organisation.objects.filter(
            invitations__consultation=consultation, invitations__status=InvitationStatus.ACCEPTED
        ).order_by("name")
    )
    consultation.add_child(instance=page)
    page.save_revision().publish()
    takeaways = list(Takeaway.objects.filter(page=page).order_by("sort_order", "pk"))
    # Follow-ups are rows of their own, outside the revisions (minutes/models/follow_up.py); a takeaway
    # a follow-up answers is answered, as the follow-up screen would mark it.
    for position, (date, text, answers, announced) in enumerate(data["follow_ups"]):
        follow_up = FollowUp.objects.create(
            page=page, date=date, text=text, notified_at=local(announced), sort_order=position
        )
        answered = [takeaways[number] for number in answers]
        follow_up.answers.set(answered)
        Takeaway.objects.filter(pk__in=[row.pk for row in answered]).update(status=TakeawayStatus.ANSWERED)
    for number, status in data.get("statuses", {}).items():
        Takeaway.objects.filter(pk=takeaways[number].pk).update(status=status)
    tally.record("minutes", created=True, label=page.url_path)
    tally.record("takeaway", created=True, label=f"{len(takeaways)} takeaways")
    tally.record("follow-up", created=True, label=f"{len(data['follow_ups'])} follow-ups")
    return page
