"""The minutes' "What happened next" screen (minutes/admin_follow_up.py): organisers set each takeaway's
status and add, change or remove follow-ups, on published minutes, without a revision or an approval."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

from minutes.log_actions import FOLLOW_UP_ADD, FOLLOW_UP_DELETE, TAKEAWAY_STATUS
from minutes.models import FollowUp, MinutesPage, Takeaway
from minutes.models.takeaway import TakeawayStatus
from minutes.services.follow_up import follow_up_add, takeaway_statuses_set
from tests.factories import UserFactory
from tests.minutes.workflow_helpers import attendee, draft_minutes, held_consultation, publish

pytestmark = pytest.mark.django_db

SAID = ("Öppna skolgårdarna på kvällen", "Fler mentorer")


@pytest.fixture
def minutes(index, people, django_capture_on_commit_callbacks):
    consultation = held_consultation(index, title="Sakråd om fritidsgårdar")
    attendee(consultation, "leyla@example.org", checked_in=True)
    page = draft_minutes(consultation, takeaways=SAID)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    mail.outbox.clear()
    return MinutesPage.objects.get(pk=page.pk)


def url(minutes, name="index", *args) -> str:
    return reverse(f"follow_up_admin:{name}", args=[minutes.pk, *args])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def takeaway(minutes, text) -> Takeaway:
    return minutes.takeaways.get(text=text)


def test_the_organiser_sees_each_takeaway_with_its_status(minutes, organiser):
    response = logged_in(organiser).get(url(minutes))
    assert response.status_code == 200
    content = response.content.decode()
    for text in SAID:
        assert text in content
    assert f'name="status-{takeaway(minutes, SAID[0]).pk}"' in content


def test_only_organisers_follow_up(minutes, approver):
    """Approvers approve the minutes; following them up is the organisers' (staff_roles/groups.py)."""
    assert logged_in(approver).get(url(minutes)).status_code == 403
    with pytest.raises(PermissionDenied):
        takeaway_statuses_set(minutes=minutes, statuses={}, user=approver)
    with pytest.raises(PermissionDenied):
        follow_up_add(minutes=minutes, date=dt.date(2025, 1, 1), text="<p>x</p>", user=UserFactory())
    assert Client().get(url(minutes)).status_code == 302  # the admin's login


def test_saving_statuses_changes_the_rows_only(minutes, organiser):
    revisions = minutes.revisions.count()
    first, second = takeaway(minutes, SAID[0]), takeaway(minutes, SAID[1])
    response = logged_in(organiser).post(
        url(minutes), {f"status-{first.pk}": "in_progress", f"status-{second.pk}": "open"}, follow=True
    )
    assert response.status_code == 200
    assert Takeaway.objects.get(pk=first.pk).status == TakeawayStatus.IN_PROGRESS
    page = MinutesPage.objects.get(pk=minutes.pk)
    assert page.revisions.count() == revisions and not page.has_unpublished_changes
    entry = PageLogEntry.objects.get(page=minutes, action=TAKEAWAY_STATUS)
    assert entry.user == organiser and entry.data["takeaway"] == first.pk
    with translation.override("en"):
        assert entry.formatter.format_message(entry) == (
            f"Set the takeaway “{SAID[0]}” from open to in progress"
        )


def test_adding_a_follow_up_publishes_and_emails_it(minutes, organiser, django_capture_on_commit_callbacks):
    answered = takeaway(minutes, SAID[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(organiser).post(
            url(minutes, "add"),
            {
                "date": "2025-02-03",
                "text": rich_text("<p>Tre kommuner har öppnat skolgårdarna.</p>"),
                "answers": [answered.pk],
                "answers_status": "answered",
            },
        )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(page=minutes)
    assert "Tre kommuner har öppnat skolgårdarna." in follow_up.text
    assert list(follow_up.answers.all()) == [answered]
    assert Takeaway.objects.get(pk=answered.pk).status == TakeawayStatus.ANSWERED
    assert [message.to for message in mail.outbox] == [["leyla@example.org"]]
    assert PageLogEntry.objects.filter(page=minutes, action=FOLLOW_UP_ADD).count() == 1
    assert MinutesPage.objects.get(pk=minutes.pk).current_workflow_state is None


def test_a_follow_up_may_mark_its_takeaways_in_progress(minutes, organiser):
    answered = takeaway(minutes, SAID[1])
    follow_up_add(
        minutes=minutes,
        date=dt.date(2025, 2, 3),
        text="<p>Arbetet har börjat.</p>",
        answers=[answered],
        answers_status=TakeawayStatus.IN_PROGRESS,
        user=organiser,
    )
    assert Takeaway.objects.get(pk=answered.pk).status == TakeawayStatus.IN_PROGRESS


def test_a_follow_up_without_text_is_refused(minutes, organiser):
    response = logged_in(organiser).post(url(minutes, "add"), {"date": "2025-02-03", "text": rich_text("")})
    assert response.status_code == 200
    assert not FollowUp.objects.exists()


def test_a_takeaway_of_other_minutes_is_refused(minutes, organiser, index):
    other = draft_minutes(held_consultation(index, title="Ett annat sakråd"), takeaways=("Annat",))
    with pytest.raises(ValidationError):
        follow_up_add(
            minutes=minutes,
            date=dt.date(2025, 2, 3),
            text="<p>x</p>",
            answers=[other.takeaways.get()],
            user=organiser,
        )
    assert not FollowUp.objects.exists()


def test_changing_a_follow_up_emails_no_one(minutes, organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        follow_up = follow_up_add(
            minutes=minutes, date=dt.date(2025, 2, 3), text="<p>Först.</p>", user=organiser
        )
    mail.outbox.clear()
    client = logged_in(organiser)
    assert client.get(url(minutes, "edit", follow_up.pk)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(minutes, "edit", follow_up.pk),
            {"date": "2025-02-04", "text": rich_text("<p>Rättat.</p>"), "answers_status": "answered"},
        )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.date == dt.date(2025, 2, 4) and "Rättat." in follow_up.text
    assert not mail.outbox


def test_removing_a_follow_up_asks_first(minutes, organiser):
    follow_up = follow_up_add(minutes=minutes, date=dt.date(2025, 2, 3), text="<p>Bort.</p>", user=organiser)
    client = logged_in(organiser)
    confirm = client.get(url(minutes, "delete", follow_up.pk))
    assert confirm.status_code == 200 and FollowUp.objects.filter(pk=follow_up.pk).exists()
    assert client.post(url(minutes, "delete", follow_up.pk)).status_code == 302
    assert not FollowUp.objects.filter(pk=follow_up.pk).exists()
    assert PageLogEntry.objects.filter(page=minutes, action=FOLLOW_UP_DELETE).count() == 1


def test_a_follow_up_of_other_minutes_is_404(minutes, organiser, index):
    other = draft_minutes(held_consultation(index, title="Ett annat sakråd"))
    follow_up = follow_up_add(minutes=other, date=dt.date(2025, 2, 3), text="<p>x</p>", user=organiser)
    assert logged_in(organiser).get(url(minutes, "edit", follow_up.pk)).status_code == 404


def test_the_menu_item_is_on_the_minutes(minutes, organiser):
    client = logged_in(organiser)
    header = client.get(reverse("wagtailadmin_pages:edit", args=[minutes.pk])).content.decode()
    assert url(minutes) in header
    consultation = client.get(reverse("wagtailadmin_pages:edit", args=[minutes.get_parent().pk]))
    assert "/admin/uppfoljning/" not in consultation.content.decode()
