"""Staff set the period and moderate: approve, reject, or remove as personal data. Who reaches it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from open_input.log_actions import OPEN_INPUT_MODERATE, OPEN_INPUT_PERIOD_SET
from open_input.models import AgeBand, AnswerStatus, OpenInputPeriod
from tests.factories import ConsultationPageFactory, UserFactory
from tests.open_input.conftest import SCRIPT, admin_url, answer, logged_in

pytestmark = pytest.mark.django_db


def moderate_url(consultation) -> str:
    return reverse("open_input_admin:moderate", args=[consultation.pk])


def period_url(consultation) -> str:
    return reverse("open_input_admin:period", args=[consultation.pk])


def decide(client, item, decision, **extra):
    return client.post(moderate_url(item.consultation), {"answer": item.pk, "decision": decision, **extra})


def test_the_queue_shows_pending_first_escaped_with_counts(consultation, period, organiser):
    approved = answer(consultation, "Redan godkänt.", status=AnswerStatus.APPROVED, question_number=2)
    pending = answer(consultation, SCRIPT, organisation_name="Föreningen Bryggan", age_band=AgeBand.UNDER_16)
    response = logged_in(organiser).get(admin_url(consultation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "Föreningen Bryggan" in html  # staff see the organisation
    assert html.index("&lt;script&gt;alert") < html.index("Redan godkänt.")
    assert [item.pk for item in response.context["queue"]] == [pending.pk, approved.pk]
    assert response.context["counts"] == {"pending": 1, "approved": 1, "rejected": 0, "removed": 0}
    assert form_action(html) and f'value="{pending.pk}"' in html


def form_action(html: str) -> bool:
    return 'action="/admin/inspel/' in html


def test_approve_and_reject(consultation, period, organiser):
    client = logged_in(organiser)
    first, second = answer(consultation, "Ett."), answer(consultation, "Två.")
    assert decide(client, first, "approve").status_code == 302
    assert decide(client, second, "reject").status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (AnswerStatus.APPROVED, AnswerStatus.REJECTED)
    assert first.moderated_by == organiser and first.moderated_at is not None
    assert first.text == "Ett."
    decisions = PageLogEntry.objects.filter(page=consultation, action=OPEN_INPUT_MODERATE)
    assert sorted(entry.data["decision"] for entry in decisions) == ["approve", "reject"]
    assert all("Ett." not in str(entry.data) for entry in decisions)  # the log holds no text


def test_removing_erases_the_text_and_the_organisation_for_good(consultation, period, organiser):
    client = logged_in(organiser)
    item = answer(consultation, "Jag heter Anna och bor på Storgatan 1.", organisation_name="Annas förening")
    decide(client, item, "remove", confirm="1")
    item.refresh_from_db()
    assert (item.status, item.text, item.organisation_name) == (AnswerStatus.REMOVED, "", "")
    assert item.moderated_at is not None
    decide(client, item, "approve")  # nothing left to approve
    item.refresh_from_db()
    assert item.status == AnswerStatus.REMOVED
    assert "Storgatan" not in client.get(admin_url(consultation)).content.decode()


def test_unknown_decisions_and_foreign_answers_change_nothing(index, consultation, period, organiser):
    client = logged_in(organiser)
    item = answer(consultation)
    assert decide(client, item, "publish").status_code == 302
    item.refresh_from_db()
    assert item.status == AnswerStatus.PENDING
    other = ConsultationPageFactory(parent=index)
    response = client.post(moderate_url(other), {"answer": item.pk, "decision": "approve"})
    assert response.status_code == 404
    assert client.post(moderate_url(consultation), {"answer": "x", "decision": "approve"}).status_code == 404


def test_moderate_is_post_only(consultation, period, organiser):
    assert logged_in(organiser).get(moderate_url(consultation)).status_code == 405
    assert logged_in(organiser).get(period_url(consultation)).status_code == 405


def test_staff_set_the_period(consultation, organiser, now):
    client = logged_in(organiser)
    assert client.get(admin_url(consultation)).status_code == 200  # no period yet
    data = {"opens_at": "2025-03-10T09:00", "closes_at": "2025-03-30T17:00", "intro": "Säg vad du tycker."}
    response = client.post(period_url(consultation), data)
    assert response.status_code == 302
    period = OpenInputPeriod.objects.get(consultation=consultation)
    assert timezone.localtime(period.closes_at).replace(tzinfo=None) == dt.datetime(2025, 3, 30, 17, 0)
    assert period.intro == "Säg vad du tycker." and period.is_open()
    assert PageLogEntry.objects.filter(page=consultation, action=OPEN_INPUT_PERIOD_SET).count() == 1


def test_a_period_that_closes_before_it_opens_is_refused(consultation, organiser):
    data = {"opens_at": "2025-03-30T09:00", "closes_at": "2025-03-10T17:00", "intro": ""}
    response = logged_in(organiser).post(period_url(consultation), data)
    assert response.status_code == 200
    assert response.context["period_form"].errors["closes_at"]
    assert not OpenInputPeriod.objects.exists()


def test_staff_without_rights_on_the_page_get_403(consultation, period, other_staff):
    client = logged_in(other_staff)
    item = answer(consultation)
    assert client.get(admin_url(consultation)).status_code == 403
    assert decide(client, item, "approve").status_code == 403
    assert client.post(period_url(consultation), {}).status_code == 403
    item.refresh_from_db()
    assert item.status == AnswerStatus.PENDING


def test_participants_and_anonymous_visitors_are_sent_to_log_in(client, consultation, period):
    item = answer(consultation)
    participant = logged_in(UserFactory(email="deltagare@example.org"))
    for visitor in (client, participant):
        for response in (visitor.get(admin_url(consultation)), decide(visitor, item, "approve")):
            assert response.status_code == 302 and "login" in response["Location"]
    item.refresh_from_db()
    assert item.status == AnswerStatus.PENDING


def test_the_menu_item_is_on_the_consultation(consultation, organiser):
    client = logged_in(organiser)
    header = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    listing = client.get(reverse("wagtailadmin_explore", args=[consultation.get_parent().pk]))
    assert admin_url(consultation) in header.content.decode()
    assert admin_url(consultation) in listing.content.decode()
