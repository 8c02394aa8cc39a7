"""Unused links are erased after the closing date and a margin, and with the attendee; the demo's
evaluations; the year's summary on the staff's year overview."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo.evaluations import ANSWERS_2024, RECIPIENTS_2024, evaluations_ensure
from demo.tally import Tally
from evaluations.models import Evaluation, EvaluationAnswer, EvaluationLink
from evaluations.retention import LINK_KEEP_DAYS
from evaluations.selectors import evaluation_results, year_summary
from evaluations.services import evaluation_links_erase

from .conftest import logged_in, make_held, send

pytestmark = pytest.mark.django_db


def test_unused_links_are_erased_a_margin_after_the_closing_date(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    evaluation = Evaluation.objects.get()

    Evaluation.objects.update(closes_at=timezone.now() - dt.timedelta(days=LINK_KEEP_DAYS - 1))
    assert evaluation_links_erase() == 0
    Evaluation.objects.update(closes_at=timezone.now() - dt.timedelta(days=LINK_KEEP_DAYS + 1))
    call_command("erase_evaluation_links", stdout=None)

    assert not EvaluationLink.objects.exists()
    assert Evaluation.objects.filter(pk=evaluation.pk).exists()  # the evaluation and its counts stay


def test_a_link_goes_with_its_attendee(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    held.checked_in[0].delete()
    assert EvaluationLink.objects.count() == 3


def test_the_demo_has_a_closed_evaluation_with_answers_and_an_open_one(index):
    past = make_held(index, title="Sakråd 2024", days_ago=400).consultation
    live = make_held(index, title="Sakråd i dag", days_ago=0)
    tally = Tally()

    evaluations_ensure(past=past, live_page=live.consultation, today=timezone.localdate(), tally=tally)
    evaluations_ensure(past=past, live_page=live.consultation, today=timezone.localdate(), tally=tally)

    closed = Evaluation.objects.get(consultation=past)
    assert not closed.is_open()
    results = evaluation_results(evaluation=closed)
    assert results.answers == len(ANSWERS_2024) and results.recipients == RECIPIENTS_2024
    assert results.shown and len(results.comments) >= 4
    assert len({question.average for question in results.questions}) > 1  # a spread, not one number
    current = Evaluation.objects.get(consultation=live.consultation)
    assert current.is_open()
    assert EvaluationAnswer.objects.filter(evaluation=current).count() == 2
    assert EvaluationLink.objects.filter(evaluation=current).count() == len(live.checked_in) - 2
    assert tally.as_dict()["evaluation"] == {"created": 2, "existing": 2}


def test_the_year_summary_is_on_the_staffs_year_overview(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    evaluation = Evaluation.objects.get()
    for value in (5, 4, 3):
        EvaluationAnswer.objects.create(evaluation=evaluation, could_say=value, would_return=value)
    year = held.consultation.date.year

    summary = year_summary(year=year)
    assert (summary.evaluations, summary.answers, summary.recipients, summary.response_rate) == (1, 3, 4, 75)
    assert summary.averages[0][1] == 4.0

    html = logged_in(organiser).get(reverse("representation_admin:year", args=[year])).content.decode()
    assert reverse("evaluations_admin:year", args=[year]) in html
    assert "3 av 4 deltagare svarade" in html  # the admin in Swedish, its default
