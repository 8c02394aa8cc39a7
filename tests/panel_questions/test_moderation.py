"""Staff moderate: approve, hide, merge (supports carried over), answer now, answered; open and close
(the unanswered become follow-ups on the minutes); answer in writing (whoever asked is mailed once).
Each action is checked and audit-logged; names never reach a public page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry

from outbox.models import OutboxMail
from panel_questions.models import PanelQuestion, QuestionStatus, QuestionSupport
from panel_questions.services import (
    panel_question_answer_publish,
    panel_question_moderate,
    panel_queue_close,
    panel_queue_open,
)
from tests.factories import ConsultationPageFactory, MinutesPageFactory

from .conftest import logged_in, phone_url, question

pytestmark = pytest.mark.django_db


def moderate(room, q, decision, **extra):
    return panel_question_moderate(question=q, decision=decision, user=room.organiser, **extra)


def test_approve_then_answer_now_then_answered(room):
    asked = question(room.consultation, status=QuestionStatus.PENDING, asked_by=room.asker)
    moderate(room, asked, "approve")
    moderate(room, asked, "answer_now")
    asked.refresh_from_db()
    assert asked.status == QuestionStatus.ANSWERING
    page = logged_in(room.remote).get(phone_url(room.consultation)).content.decode()
    assert "Being answered now" in page or "Besvaras nu" in page
    moderate(room, asked, "answered")
    asked.refresh_from_db()
    assert asked.status == QuestionStatus.ANSWERED and asked.answered_at
    actions = PageLogEntry.objects.filter(page=room.consultation, action="sakrad.panel_question_moderate")
    assert [entry.data["decision"] for entry in actions.order_by("pk")] == [
        "approve",
        "answer_now",
        "answered",
    ]
    assert all("text" not in entry.data for entry in actions)


def test_one_question_is_answered_at_a_time(room):
    first, second = question(room.consultation, "Första"), question(room.consultation, "Andra")
    moderate(room, first, "answer_now")
    moderate(room, second, "answer_now")
    first.refresh_from_db()
    assert first.status == QuestionStatus.ANSWERED
    assert PanelQuestion.objects.filter(status=QuestionStatus.ANSWERING).get() == second


def test_merge_carries_supports_over_once_and_the_asker_too(room):
    a, b, c, d = room.attendees[3:7] if len(room.attendees) >= 7 else room.attendees[:4]
    target = question(room.consultation, "Om bidrag", asked_by=room.asker)
    duplicate = question(room.consultation, "Om bidragen", asked_by=room.remote)
    QuestionSupport.objects.create(question=target, user=room.member)
    QuestionSupport.objects.create(question=duplicate, user=room.member)  # supports both: counted once
    QuestionSupport.objects.create(question=duplicate, user=d)
    QuestionSupport.objects.create(question=duplicate, user=room.asker)  # the target's own asker
    moderate(room, duplicate, "merge", into=target)
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into) == (QuestionStatus.MERGED, target)
    supporters = set(QuestionSupport.objects.filter(question=target).values_list("user", flat=True))
    assert supporters == {room.member.pk, d.pk, room.remote.pk}
    assert not QuestionSupport.objects.filter(question=duplicate).exists()


def test_merge_refuses_itself_a_hidden_target_and_another_consultation(room, index):
    q = question(room.consultation, "En")
    hidden = question(room.consultation, "Dold", status=QuestionStatus.HIDDEN)
    elsewhere = question(ConsultationPageFactory(parent=index), "Annan")
    for into in (q, hidden, elsewhere, None):
        with pytest.raises(ValidationError):
            moderate(room, q, "merge", into=into)
    q.refresh_from_db()
    assert q.status == QuestionStatus.APPROVED


def test_the_admin_refuses_an_id_of_another_consultation(room, index):
    elsewhere = question(ConsultationPageFactory(parent=index), "Annan")
    url = reverse("panel_questions_admin:moderate", args=[room.consultation.pk])
    response = logged_in(room.organiser).post(url, {"question": elsewhere.pk, "decision": "hide"})
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == QuestionStatus.APPROVED


def test_participants_and_unknown_decisions_are_refused(room):
    q = question(room.consultation, status=QuestionStatus.PENDING)
    with pytest.raises(PermissionDenied):
        panel_question_moderate(question=q, decision="approve", user=room.asker)
    with pytest.raises(ValidationError):
        moderate(room, q, "publish-everything")
    url = reverse("panel_questions_admin:moderate", args=[room.consultation.pk])
    assert logged_in(room.asker).post(url, {"question": q.pk, "decision": "approve"}).status_code == 302
    q.refresh_from_db()
    assert q.status == QuestionStatus.PENDING


def test_the_wall_controls_come_back_to_the_wall_and_nowhere_else(room):
    q = question(room.consultation)
    url = reverse("panel_questions_admin:moderate", args=[room.consultation.pk])
    wall = reverse("breakouts:plenary", args=[room.consultation.pk])
    client = logged_in(room.organiser)
    response = client.post(url, {"question": q.pk, "decision": "answer_now", "next": wall})
    assert response.url.startswith(wall)
    with translation.override("sv"):
        swedish_wall = reverse("breakouts:plenary", args=[room.consultation.pk])
    response = client.post(url, {"question": q.pk, "decision": "answered", "next": swedish_wall})
    assert response.url.startswith(swedish_wall)  # the wall in the other language
    q.status = QuestionStatus.APPROVED
    q.save()
    response = client.post(url, {"question": q.pk, "decision": "answer_now", "next": "https://evil.example/"})
    assert response.url.startswith(reverse("panel_questions_admin:index", args=[room.consultation.pk]))


def test_closing_turns_the_unanswered_into_follow_ups_and_opening_again_brings_them_back(room):
    answering = question(room.consultation, "Besvaras", status=QuestionStatus.ANSWERING)
    left = question(room.consultation, "Hanns inte med", asked_by=room.asker)
    pending = question(room.consultation, "Inte läst", status=QuestionStatus.PENDING)
    assert panel_queue_close(consultation=room.consultation, user=room.organiser) == 1
    statuses = {q.pk: q.status for q in PanelQuestion.objects.all()}
    assert statuses == {
        answering.pk: QuestionStatus.ANSWERED,
        left.pk: QuestionStatus.FOLLOW_UP,
        pending.pk: QuestionStatus.PENDING,
    }
    assert PageLogEntry.objects.filter(action="sakrad.panel_queue_close").get().data == {"follow_ups": 1}
    panel_queue_open(consultation=room.consultation, user=room.organiser)
    left.refresh_from_db()
    assert left.status == QuestionStatus.APPROVED


@pytest.fixture
def minutes(room):
    return MinutesPageFactory(parent=room.consultation, title="Minnesanteckningar")


def test_a_written_answer_mails_whoever_asked_exactly_once_and_the_minutes_name_no_one(room, minutes, client):
    left = question(room.consultation, "Hur blir bidragen fleråriga?", asked_by=room.asker)
    merged = question(room.consultation, "Fleråriga bidrag, när?", asked_by=room.remote)
    moderate(room, merged, "merge", into=left)
    QuestionSupport.objects.create(question=left, user=room.member)
    panel_queue_close(consultation=room.consultation, user=room.organiser)
    page = client.get(minutes.url).content.decode()
    assert "Hur blir bidragen fleråriga?" in page and ("did not reach" in page or "hann" in page)

    for _ in range(2):  # a correction later mails no one again
        panel_question_answer_publish(
            question=left, answer="Från 2026.\n\nSe budgeten.", date=dt.date(2024, 9, 1), user=room.organiser
        )
    mails = list(OutboxMail.objects.filter(purpose="panel-question-answered").order_by("pk"))
    assert sorted(mail.to[0] for mail in mails) == [room.asker.email, room.remote.email]
    assert all(len(mail.to) == 1 for mail in mails)
    for mail in mails:
        other = room.remote if mail.to == [room.asker.email] else room.asker
        assert other.first_name not in mail.body and other.email not in mail.body + mail.html
        assert "Från 2026." in mail.body
    page = client.get(minutes.url).content.decode()
    assert "Från 2026." in page
    for person in room.attendees + [room.organiser]:
        assert person.last_name not in page and person.email not in page


def test_only_a_follow_up_is_answered_in_writing_and_an_empty_answer_is_refused(room):
    approved = question(room.consultation)
    with pytest.raises(ValidationError):
        panel_question_answer_publish(
            question=approved, answer="Svar", date=dt.date.today(), user=room.organiser
        )
    panel_queue_close(consultation=room.consultation, user=room.organiser)
    with pytest.raises(ValidationError):
        panel_question_answer_publish(
            question=approved, answer=" \x00 ", date=dt.date.today(), user=room.organiser
        )
    with pytest.raises(PermissionDenied):
        panel_question_answer_publish(question=approved, answer="Svar", date=dt.date.today(), user=room.asker)
    assert not OutboxMail.objects.exists()


def test_the_admin_screen_shows_who_asked_to_staff(room):
    question(room.consultation, "Personalen ser namnet", status=QuestionStatus.PENDING, asked_by=room.asker)
    url = reverse("panel_questions_admin:index", args=[room.consultation.pk])
    page = logged_in(room.organiser).get(url).content.decode()
    assert "Personalen ser namnet" in page and "Åsa Frågvis" in page


def test_the_wall_shows_the_one_being_answered_and_never_the_unmoderated(room):
    question(room.consultation, "Omodererad elakhet", status=QuestionStatus.PENDING, asked_by=room.asker)
    question(room.consultation, "Nu besvaras detta", status=QuestionStatus.ANSWERING, asked_by=room.asker)
    wall = logged_in(room.organiser).get(reverse("breakouts:plenary", args=[room.consultation.pk]))
    page = wall.content.decode()
    assert "Nu besvaras detta" in page
    assert "Omodererad elakhet" not in page and "Åsa" not in page
    fragment = logged_in(room.organiser).get(reverse("panel_questions:wall", args=[room.consultation.pk]))
    assert "Nu besvaras detta" in fragment.content.decode()
    assert (
        logged_in(room.asker).get(reverse("panel_questions:wall", args=[room.consultation.pk])).status_code
        == 403
    )


def test_the_wall_shows_a_qr_code_to_the_phone_page_while_questions_are_open(room):
    page = logged_in(room.organiser).get(reverse("breakouts:plenary", args=[room.consultation.pk]))
    html = page.content.decode()
    phone = reverse("panel_questions:phone", args=[room.consultation.pk])
    assert '<svg role="img"' in html and 'class="panel-qr"' in html
    assert phone in html  # and the address, for a phone without a camera
