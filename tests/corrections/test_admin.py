"""/admin/rattelser/<minutes id>/: staff open a review and decide on the suggestions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from corrections.models import CorrectionRound, CorrectionSuggestion, SuggestionStatus
from corrections.services import correction_suggest
from minutes.models import MinutesPage
from tests.corrections.conftest import admin_url, logged_in
from tests.factories import UserFactory
from tests.minutes.workflow_helpers import staff

pytestmark = pytest.mark.django_db

TAKEAWAY = "Question 1, takeaway 1"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def sv(message: str, plural: str | None = None, count: int = 1) -> str:
    """A message as the admin shows it: in Swedish, the site's language."""
    with translation.override("sv"):
        return translation.ngettext(message, plural, count) if plural else translation.gettext(message)


def suggest(draft, user, text):
    key = draft.passage(TAKEAWAY).key
    return correction_suggest(minutes=draft.minutes, user=user, passage_key=key, text=text)


def bare_staff():
    user = UserFactory(email="praktikant@example.org", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def test_access(draft, organiser):
    url = admin_url(draft.minutes)
    assert logged_in(organiser).get(url).status_code == 200
    assert logged_in(bare_staff()).get(url).status_code == 403
    response = logged_in(draft.attendees[0]).get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    superuser = UserFactory(email="chef@example.org", is_superuser=True, is_staff=True)
    assert logged_in(superuser).get(url).status_code == 200


def test_actions_are_post_only(draft, organiser):
    client = logged_in(organiser)
    for name in ("open", "close", "decide"):
        assert client.get(admin_url(draft.minutes, name)).status_code == 405


def test_staff_without_rights_cannot_open_or_decide(review, draft):
    suggestion = suggest(draft, draft.attendees[0], "Något annat")
    client = logged_in(bare_staff())
    assert client.post(admin_url(draft.minutes, "open"), {"deadline": "2099-01-01 17:00"}).status_code == 403
    response = client.post(
        admin_url(draft.minutes, "decide"), {"suggestion": suggestion.pk, "decision": "accept"}
    )
    assert response.status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.PENDING


def test_opening_from_the_screen_emails_the_attendees(draft, organiser, django_capture_on_commit_callbacks):
    client = logged_in(organiser)
    page = client.get(admin_url(draft.minutes)).content.decode()
    expected = sv("Opening a review emails %(counter)s attendee a link to the draft.",
                  "Opening a review emails %(counter)s attendees a link to the draft.", 2) % {"counter": 2}
    assert expected in page
    deadline = timezone.localtime() + timezone.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url(draft.minutes, "open"), {"deadline": deadline.strftime("%Y-%m-%d %H:%M")}
        )
    assert response.status_code == 302
    assert CorrectionRound.objects.filter(minutes=draft.minutes).count() == 1
    assert len(mail.outbox) == 2


def test_a_refused_opening_is_a_message(draft, organiser):
    response = logged_in(organiser).post(
        admin_url(draft.minutes, "open"), {"deadline": "2000-01-01 17:00"}, follow=True
    )
    assert sv("Choose a deadline in the future.") in response.content.decode()
    assert not CorrectionRound.objects.exists()


def test_suggestions_are_listed_escaped_with_who_sent_them(review, draft, organiser):
    suggest(draft, draft.attendees[0], "<script>alert(1)</script>")
    html = logged_in(organiser).get(admin_url(draft.minutes)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "Fler mötesplatser på kvällstid" in html  # the passage as it reads now
    assert draft.attendees[0].get_full_name() in html  # staff may see who suggested


def test_accept_and_decline_from_the_screen(review, draft, organiser):
    first = suggest(draft, draft.attendees[0], "Mötesplatser på kvällar")
    second = suggest(draft, draft.attendees[1], "Något annat helt")
    client = logged_in(organiser)
    url = admin_url(draft.minutes, "decide")
    assert client.post(url, {"suggestion": first.pk, "decision": "accept"}).status_code == 302
    response = client.post(url, {"suggestion": second.pk, "decision": "decline", "note": "Nej"}, follow=True)
    assert sv("The suggestion was declined. The draft is unchanged.") in response.content.decode()
    assert CorrectionSuggestion.objects.get(pk=first.pk).status == SuggestionStatus.ACCEPTED
    assert CorrectionSuggestion.objects.get(pk=second.pk).status == SuggestionStatus.DECLINED
    latest = MinutesPage.objects.get(pk=draft.minutes.pk).get_latest_revision_as_object()
    assert "Mötesplatser på kvällar" in [takeaway.text for takeaway in latest.takeaways.all()]


def test_a_suggestion_of_other_minutes_is_404(review, draft, organiser):
    suggestion = suggest(draft, draft.attendees[0], "Något annat")
    url = reverse("corrections_admin:decide", args=[draft.held.consultation.pk])  # not a minutes page
    assert (
        logged_in(organiser).post(url, {"suggestion": suggestion.pk, "decision": "accept"}).status_code == 404
    )


def test_the_history_shows_the_accepted_correction(review, draft, organiser):
    suggestion = suggest(draft, draft.attendees[0], "Mötesplatser på kvällar")
    logged_in(organiser).post(
        admin_url(draft.minutes, "decide"), {"suggestion": suggestion.pk, "decision": "accept"}
    )
    history = logged_in(organiser).get(reverse("wagtailadmin_pages:history", args=[draft.minutes.pk]))
    html = history.content.decode()
    assert history.status_code == 200
    assert sv("Accepted a correction from an attendee to %(passage)s").split("%")[0] in html


def test_the_menu_item_is_on_the_minutes(draft, organiser):
    url = admin_url(draft.minutes)
    client = logged_in(organiser)
    header = client.get(reverse("wagtailadmin_pages:edit", args=[draft.minutes.pk]))
    listing = client.get(reverse("wagtailadmin_explore", args=[draft.held.consultation.pk]))
    assert url in header.content.decode() and url in listing.content.decode()
    consultation_page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.held.consultation.pk]))
    assert "/admin/rattelser/" not in consultation_page.content.decode()


def test_the_approver_is_refused_it(draft):
    """Corrections are settled by the organisers before they submit; the approver reads the submitted
    draft in the editor (docs/roles.md)."""
    approver = staff(organiser_email="o2@example.org", approver_email="a2@example.org")[1]
    assert logged_in(approver).get(admin_url(draft.minutes)).status_code == 403
