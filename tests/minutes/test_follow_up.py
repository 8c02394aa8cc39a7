"""What happened next: each follow-up added to published minutes is emailed to the attendees once."""

import datetime as dt

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

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
    follow_up.answers.commit()
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up_notify(page=published) == 1
    body = mail.outbox[0].body
    assert "Öppna skolgårdarna på kvällen" in body
    assert "Fler mentorer" not in body
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up_notify(page=published) == 0
    assert len(mail.outbox) == 2


def test_the_takeaways_ticked_in_the_editor_survive_publishing(published, django_capture_on_commit_callbacks):
    takeaway = published.takeaways.get(text="Öppna skolgårdarna på kvällen")
    page = _add(
        published,
        django_capture_on_commit_callbacks,
        date=dt.date(2025, 2, 3),
        text="<p>x</p>",
        answers=[takeaway],
    )
    assert list(FollowUp.objects.get(page=page).answers.all()) == [takeaway]
    assert "Öppna skolgårdarna på kvällen" in mail.outbox[0].body


def test_each_follow_up_once_even_when_an_older_revision_rewrites_notified_at(
    published, django_capture_on_commit_callbacks
):
    page = _add(published, django_capture_on_commit_callbacks, date=dt.date(2025, 2, 3), text="<p>Först.</p>")
    assert len(mail.outbox) == 2
    # The next edit starts from the latest revision, which holds the follow-up as it was before the
    # email: publishing it writes notified_at back to empty.
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
    assert len(mail.outbox) == 1
    assert FollowUp.objects.get(page=page).notified_at is not None


def test_a_follow_up_on_unpublished_minutes_waits(published, django_capture_on_commit_callbacks):
    published.unpublish()
    page = published.get_latest_revision_as_object()
    page.follow_ups.add(FollowUp(date=dt.date(2025, 3, 1), text="<p>Väntar.</p>"))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert not mail.outbox
    assert not FollowUp.objects.filter(page=published).exists(), "only in the draft revision"


def test_seed_demo_leaves_published_minutes_with_takeaways_and_a_follow_up(
    db, django_capture_on_commit_callbacks
):
    from consultations.models import ConsultationPage
    from demo.content.sakrad_2024 import SAKRAD_2024
    from demo.services import demo_seed
    from minutes.models import Takeaway
    from minutes.services.workflow import WORKFLOW_NAME

    with django_capture_on_commit_callbacks(execute=True):
        demo_seed()
    consultation = ConsultationPage.objects.get(slug=SAKRAD_2024["slug"])
    minutes = MinutesPage.objects.child_of(consultation).live().get()
    assert minutes.get_workflow().name == WORKFLOW_NAME
    assert minutes.takeaways.count() >= 3
    follow_up = FollowUp.objects.get(page=minutes)
    assert follow_up.date > consultation.date
    assert follow_up.notified_at is not None, "told long ago: seeding emails no one"
    assert list(follow_up.answers.all()) == [
        Takeaway.objects.get(page=minutes, text__contains="skolans lokaler")
    ]
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
