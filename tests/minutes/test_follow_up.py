"""What happened next: each follow-up added to published minutes is emailed to the attendees once."""

import datetime as dt

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from minutes.log_actions import FOLLOW_UP_ADD
from minutes.models import FollowUp, MinutesPage
from minutes.services.notify import FOLLOW_UP_NOTIFIED, follow_up_notify
from tests.minutes.workflow_helpers import (
    add_follow_up,
    attendee,
    draft_minutes,
    held_consultation,
    publish,
    staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(index):
    staff()
    return held_consultation(index, title="Sakråd om fritidsgårdar")


@pytest.fixture
def published(consultation, django_capture_on_commit_callbacks):
    attendee(consultation, "leyla@example.org", checked_in=True)
    attendee(consultation, "mikael@example.org", checked_in=True)
    page = draft_minutes(consultation, takeaways=("Öppna skolgårdarna på kvällen", "Fler mentorer"))
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    mail.outbox.clear()
    return MinutesPage.objects.get(pk=page.pk)


def _add(page, capture, **fields):
    with capture(execute=True):
        return add_follow_up(page, **fields)


def test_a_new_follow_up_is_emailed_once(published, django_capture_on_commit_callbacks):
    page = _add(
        published,
        django_capture_on_commit_callbacks,
        date=dt.date(2025, 2, 3),
        text="<p>Tre kommuner har öppnat skolgårdarna för föreningar.</p>",
    )
    assert sorted(message.to[0] for message in mail.outbox) == ["leyla@example.org", "mikael@example.org"]
    message = mail.outbox[0]
    assert "Tre kommuner har öppnat skolgårdarna för föreningar." in message.body
    assert "2025" in message.body and "februari" in message.body, "its date, in Swedish"
    assert page.full_url in message.body
    assert "<p>" not in message.body
    follow_up = FollowUp.objects.get(page=page)
    assert follow_up.notified_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert len(mail.outbox) == 2, "a re-publish does not email the follow-up again"


def test_the_email_names_the_takeaways_it_answers(published, django_capture_on_commit_callbacks):
    takeaway = published.takeaways.get(text="Öppna skolgårdarna på kvällen")
    follow_up = FollowUp.objects.create(page=published, date=dt.date(2025, 2, 3), text="<p>Gjort.</p>")
    follow_up.answers.set([takeaway])
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up_notify(page=published) == 1
    body = mail.outbox[0].body
    assert "Öppna skolgårdarna på kvällen" in body
    assert "Fler mentorer" not in body
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up_notify(page=published) == 0
    assert len(mail.outbox) == 2


def test_a_follow_up_needs_no_approval_and_no_revision(published, django_capture_on_commit_callbacks):
    """Published minutes stay as approved: a follow-up is a row of its own, shown at once, with no new
    revision and no workflow started, and logged in the page history."""
    revisions = published.revisions.count()
    takeaway = published.takeaways.get(text="Öppna skolgårdarna på kvällen")
    page = _add(
        published,
        django_capture_on_commit_callbacks,
        date=dt.date(2025, 2, 3),
        text="<p>x</p>",
        answers=[takeaway],
    )
    assert page.revisions.count() == revisions
    assert not page.has_unpublished_changes
    assert page.current_workflow_state is None
    assert list(FollowUp.objects.get(page=page).answers.all()) == [takeaway]
    assert PageLogEntry.objects.filter(page=page, action=FOLLOW_UP_ADD).count() == 1
    assert "Öppna skolgårdarna på kvällen" in mail.outbox[0].body


def test_publishing_an_older_revision_keeps_the_follow_ups(published, django_capture_on_commit_callbacks):
    older = published.get_latest_revision()
    page = _add(published, django_capture_on_commit_callbacks, date=dt.date(2025, 2, 3), text="<p>Först.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        older.publish()
    assert FollowUp.objects.filter(page=page).count() == 1
    assert len(mail.outbox) == 2, "told once, however the page is published again"


def test_each_follow_up_is_emailed_once(published, django_capture_on_commit_callbacks):
    page = _add(published, django_capture_on_commit_callbacks, date=dt.date(2025, 2, 3), text="<p>Först.</p>")
    assert len(mail.outbox) == 2
    page = _add(page, django_capture_on_commit_callbacks, date=dt.date(2025, 4, 1), text="<p>Sedan.</p>")
    assert len(mail.outbox) == 4, "only the new follow-up is emailed"
    assert all("Sedan." in message.body for message in mail.outbox[2:])
    assert FollowUp.objects.filter(page=page, notified_at__isnull=True).count() == 0
    assert PageLogEntry.objects.filter(page=page, action=FOLLOW_UP_NOTIFIED).count() == 2


def test_follow_ups_there_at_the_first_publication_are_in_its_one_email(
    consultation, django_capture_on_commit_callbacks
):
    attendee(consultation, "leyla@example.org", checked_in=True)
    page = draft_minutes(consultation)
    with django_capture_on_commit_callbacks(execute=True):
        add_follow_up(page, date=dt.date(2025, 1, 10), text="<p>Redan gjort.</p>")
    assert not mail.outbox, "a draft's follow-up waits for the minutes"
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert len(mail.outbox) == 1
    assert FollowUp.objects.get(page=page).notified_at is not None


def test_a_follow_up_on_unpublished_minutes_waits(published, django_capture_on_commit_callbacks):
    published.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        add_follow_up(published, date=dt.date(2025, 3, 1), text="<p>Väntar.</p>")
    assert not mail.outbox
    assert FollowUp.objects.get(page=published).notified_at is None
    with django_capture_on_commit_callbacks(execute=True):
        publish(published)
    assert len(mail.outbox) == 2 and all("Väntar." in message.body for message in mail.outbox)


def test_seed_demo_leaves_published_minutes_with_takeaways_and_a_follow_up(
    db, django_capture_on_commit_callbacks
):
    from consultations.models import ConsultationPage
    from demo.content.sakrad_2024 import SAKRAD_2024
    from demo.services import demo_seed
    from minutes.models import Takeaway
    from minutes.models.takeaway import TakeawayStatus
    from minutes.services.workflow import WORKFLOW_NAME

    with django_capture_on_commit_callbacks(execute=True):
        demo_seed()
    consultation = ConsultationPage.objects.get(slug=SAKRAD_2024["slug"])
    minutes = MinutesPage.objects.child_of(consultation).live().get()
    assert minutes.get_workflow().name == WORKFLOW_NAME
    assert minutes.takeaways.count() >= 3
    # The 2024 follow-up (demo/content/minutes_2024.py); the register's demo adds later ones.
    follow_up = FollowUp.objects.filter(page=minutes).order_by("date", "pk").first()
    assert follow_up.date > consultation.date
    told = not FollowUp.objects.filter(page=minutes, notified_at=None).exists()
    assert told, "told long ago: seeding emails no one"
    answered = Takeaway.objects.get(page=minutes, text__contains="skolans lokaler")
    assert list(follow_up.answers.all()) == [answered]
    assert answered.status == TakeawayStatus.ANSWERED, "a takeaway with a follow-up is answered"
    assert minutes.title == f"Minnesanteckningar: {consultation.title}", "named after its consultation"
    assert minutes.participating_organisations.count() == len(SAKRAD_2024["invited"]) - len(
        SAKRAD_2024["declined"]
    )
    assert not mail.outbox

    def state():
        return (
            Takeaway.objects.count(),
            list(FollowUp.objects.values_list("pk", "notified_at")),
            list(FollowUp.answers.through.objects.values_list("followup_id", "takeaway_id")),
            PageLogEntry.objects.count(),
        )

    before = state()
    with django_capture_on_commit_callbacks(execute=True):
        demo_seed()
    assert state() == before
    assert not mail.outbox
