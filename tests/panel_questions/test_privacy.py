"""Who asked and who supported, in the person's export; erasing the person deletes their supports and
keeps their questions (on the minutes, perhaps) without their name."""

from __future__ import annotations

import pytest

from accounts.models import User
from panel_questions.models import PanelQuestion, QuestionSupport
from privacy.choices import EraseMode
from privacy.services import person_erase, person_export

from .conftest import question

pytestmark = pytest.mark.django_db


@pytest.fixture
def registrar(db):
    return User.objects.create_superuser(email="registrator@example.org", password="Ett-långt-lösen-123")


def test_the_export_lists_the_persons_questions_and_supports_and_nobody_elses(room):
    asked = question(room.consultation, asked_by=room.asker)
    QuestionSupport.objects.create(question=asked, user=room.remote)
    records = {row["model"]: row["count"] for row in person_export(user=room.remote)["records"]}
    assert records.get("panel_questions.QuestionSupport") == 1
    assert "panel_questions.PanelQuestion" not in records
    records = {row["model"]: row["count"] for row in person_export(user=room.asker)["records"]}
    assert records.get("panel_questions.PanelQuestion") == 1


@pytest.mark.parametrize("mode", [EraseMode.PSEUDONYMISE, EraseMode.ERASE])
def test_erasing_deletes_supports_and_keeps_the_question_without_the_name(room, registrar, mode):
    asked = question(room.consultation, "Står kvar utan namn", asked_by=room.asker)
    QuestionSupport.objects.create(question=question(room.consultation, "Annan"), user=room.asker)
    person_erase(person=room.asker, user=registrar, mode=mode)
    assert not QuestionSupport.objects.filter(user_id=room.asker.pk).exists()
    asked = PanelQuestion.objects.get(pk=asked.pk)
    assert asked.text == "Står kvar utan namn"
    if mode == EraseMode.ERASE:
        assert asked.asked_by is None
    else:
        assert "Åsa" not in asked.asked_by.public_name() and "asa@" not in asked.asked_by.email
