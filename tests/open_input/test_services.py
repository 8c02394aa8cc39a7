"""The services' own rules, whatever view calls them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from consultations.models import DiscussionQuestion
from open_input.models import AnswerStatus, InputAnswer
from open_input.services import input_answer_moderate, input_answers_submit, open_input_period_set
from tests.open_input.conftest import answer, form_url

pytestmark = pytest.mark.django_db


def submit(consultation, answers, **fields):
    return input_answers_submit(
        consultation=consultation,
        answers=answers,
        organisation_name=fields.get("organisation_name", ""),
        age_band=fields.get("age_band", ""),
    )


def test_only_published_questions_can_be_answered(consultation, period):
    with pytest.raises(ValidationError):
        submit(consultation, {7: "Till en fråga som inte finns."})
    assert [a.question_number for a in submit(consultation, {2: "Ja.", None: "Allmänt."})] == [2, None]


def test_a_question_only_in_a_draft_is_not_asked(client, consultation, period):
    draft = consultation.get_latest_revision_as_object()
    draft.questions.add(DiscussionQuestion(number=3, text="Utkastfråga som inte är publicerad"))
    draft.save_revision()
    assert "Utkastfråga" not in client.get(form_url(consultation)).content.decode()
    with pytest.raises(ValidationError):
        submit(consultation, {3: "Svar."})


def test_nothing_is_taken_outside_the_period(consultation, period, now):
    period.closes_at = now - dt.timedelta(minutes=1)
    period.save()
    with pytest.raises(ValidationError):
        submit(consultation, {1: "Sent."})
    assert not InputAnswer.objects.exists()


def test_invalid_age_band_and_empty_answers_are_refused(consultation, period):
    with pytest.raises(ValidationError):
        submit(consultation, {1: "Svar."}, age_band="99_plus")
    with pytest.raises(ValidationError):
        submit(consultation, {1: "  ", 2: ""})
    assert not InputAnswer.objects.exists()


def test_the_services_check_rights(consultation, period, other_staff, now):
    with pytest.raises(PermissionDenied):
        input_answer_moderate(answer=answer(consultation), decision="approve", user=other_staff)
    with pytest.raises(PermissionDenied):
        open_input_period_set(
            consultation=consultation, opens_at=now, closes_at=now, intro="", user=other_staff
        )
    assert InputAnswer.objects.get().status == AnswerStatus.PENDING


def test_a_period_must_close_after_it_opens(consultation, organiser, now):
    with pytest.raises(ValidationError):
        open_input_period_set(
            consultation=consultation, opens_at=now, closes_at=now, intro="", user=organiser
        )
