"""Approved open input in the compiled minutes: its own section, de-attributed, with counts."""

from __future__ import annotations

import json
import uuid

import pytest
from django.test import Client

from minutes.services.compile import minutes_compile
from open_input.models import AgeBand, AnswerStatus
from tests.minutes.conftest import make_held
from tests.open_input.conftest import SCRIPT, answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(index):
    return make_held(index)


def open_input_block(page):
    blocks = [block.value for block in page.body if block.block_type == "open_input"]
    assert len(blocks) <= 1
    return blocks[0] if blocks else None


def rendered(page) -> str:
    """The draft as the admin's preview renders it (the page itself is not published)."""
    return page.body.render_as_block()


def test_only_approved_answers_reach_the_minutes_without_organisations(held, organiser):
    consultation = held.consultation
    approved = answer(
        consultation, "Läxhjälp på biblioteket.", question_number=1, organisation_name="Bryggan"
    )
    answer(consultation, "Väntar fortfarande.", question_number=1)
    answer(consultation, "Avvisat svar.", question_number=2, status=AnswerStatus.REJECTED)
    answer(consultation, "", question_number=2, status=AnswerStatus.REMOVED)
    answer(consultation, "Mer om landsbygden.", status=AnswerStatus.APPROVED)
    approved.status = AnswerStatus.APPROVED
    approved.save()

    page = minutes_compile(consultation=consultation, user=organiser)
    block = open_input_block(page)
    sections = {
        section["question_number"]: [html.source for html in section["answers"]]
        for section in block["questions"]
    }
    assert sections == {1: ["<p>Läxhjälp på biblioteket.</p>"], None: ["<p>Mer om landsbygden.</p>"]}
    assert block["answer_count"] == 2
    body = json.dumps(page.body.get_prep_value(), ensure_ascii=False)
    assert "Bryggan" not in body and "Väntar" not in body and "Avvisat" not in body
    # After the question records, as its own section.
    kinds = [block.block_type for block in page.body]
    assert kinds[-1] == "open_input" and "question_record" in kinds
    html = rendered(page)
    assert "Läxhjälp på biblioteket." in html and "Bryggan" not in html


def test_no_section_without_approved_answers(held, organiser):
    answer(held.consultation, "Väntar.", question_number=1)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    assert open_input_block(page) is None


def test_counts_people_by_age_band_on_a_known_set(held, organiser):
    consultation = held.consultation
    young, older, unsaid = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    approved = {"status": AnswerStatus.APPROVED}
    # One young person answered both questions: one person, two answers.
    answer(consultation, "A", question_number=1, submission=young, age_band=AgeBand.FROM_16_TO_19, **approved)
    answer(consultation, "B", question_number=2, submission=young, age_band=AgeBand.FROM_16_TO_19, **approved)
    answer(consultation, "C", question_number=1, submission=older, age_band=AgeBand.FROM_65, **approved)
    answer(consultation, "D", question_number=1, submission=unsaid, **approved)
    answer(consultation, "E", question_number=1, age_band=AgeBand.UNDER_16, status=AnswerStatus.REJECTED)
    answer(
        consultation,
        "F",
        question_number=1,
        submission=uuid.uuid4(),
        age_band=AgeBand.FROM_16_TO_19,
        **approved,
    )

    block = open_input_block(minutes_compile(consultation=consultation, user=organiser))
    assert block["answer_count"] == 5
    assert block["respondent_count"] == 4
    bands = [(band["label"], band["count"]) for band in block["age_bands"]]
    assert [count for _label, count in bands] == [2, 1, 1]  # 16–19, 65 or older, not stated
    assert bands[0][0] == "16–19"


def test_script_in_an_answer_is_inert_in_the_minutes(held, organiser):
    answer(held.consultation, SCRIPT, question_number=1, status=AnswerStatus.APPROVED)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    html = rendered(page)
    assert "<script" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;" in html  # the text as written, shown as text


def test_the_published_minutes_show_the_section(held, organiser):
    answer(held.consultation, "Läxhjälp.", question_number=1, status=AnswerStatus.APPROVED)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    page.get_latest_revision().publish()
    response = Client().get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="oppet-inspel"' in html and "Läxhjälp." in html
