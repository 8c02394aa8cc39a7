"""The public open-input form: anyone, no account, nothing stored about the sender."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction

from open_input.models import AgeBand, AnswerStatus, InputAnswer, OpenInputPeriod
from tests.factories import ConsultationPageFactory, MinutesPageFactory
from tests.open_input.conftest import SCRIPT, form_url, send

pytestmark = pytest.mark.django_db

FORM_QUERIES = 6


def in_swedish(msgid: str) -> str:
    with translation.override("sv"):
        return gettext(msgid)


def test_anyone_answers_and_it_waits_for_moderation(client, consultation, period):
    page = client.get(form_url(consultation))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Hur når vi fler unga?" in html and "Vilka hinder finns?" in html  # question and sub-question
    assert 'name="question_1"' in html and 'name="question_2"' in html and 'name="general"' in html
    assert 'type="radio"' in html and "<legend" in html
    assert "Vi vill särskilt höra från unga." in html

    response = send(
        client,
        consultation,
        question_2="Långsiktiga bidrag.",
        organisation_name="Föreningen Bryggan",
        age_band=AgeBand.FROM_16_TO_19,
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("open_input:thanks", args=[consultation.pk])
    answers = list(InputAnswer.objects.order_by("question_number"))
    assert [(a.question_number, a.text) for a in answers] == [
        (1, "Fritidsgårdar som är öppna på kvällen."),
        (2, "Långsiktiga bidrag."),
    ]
    assert {a.status for a in answers} == {AnswerStatus.PENDING}
    assert {a.organisation_name for a in answers} == {"Föreningen Bryggan"}
    assert {a.age_band for a in answers} == {AgeBand.FROM_16_TO_19}
    assert answers[0].submission == answers[1].submission  # one person, counted once
    assert client.get(response["Location"]).status_code == 200


def test_a_general_answer_has_no_question(client, consultation, period):
    send(client, consultation, question_1=None, general="Mer om landsbygden.")
    assert InputAnswer.objects.get().question_number is None


def test_nothing_about_the_sender_is_stored(consultation, period):
    client = Client(REMOTE_ADDR="203.0.113.77", HTTP_USER_AGENT="Spårbar/1.0")
    send(client, consultation)
    row = InputAnswer.objects.values().get()
    stored = " ".join(str(value) for value in row.values())
    assert "203.0.113.77" not in stored and "Spårbar" not in stored
    field_names = {field.name for field in InputAnswer._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "client_ip", "user_agent", "user", "email"}


def test_the_honeypot_pretends_to_accept_but_stores_nothing(client, consultation, period):
    html = client.get(form_url(consultation)).content.decode()
    assert 'name="website"' in html and 'tabindex="-1"' in html and 'autocomplete="off"' in html
    response = send(client, consultation, website="http://spam.example")
    assert response.status_code == 302 and response["Location"].endswith("/tack/")
    assert not InputAnswer.objects.exists()


def test_at_least_one_answer_is_required(client, consultation, period):
    response = send(client, consultation, question_1="   ", organisation_name="Bryggan")
    assert response.status_code == 200
    assert in_swedish("Write an answer to at least one question.") in response.content.decode()
    assert 'href="#id_question_1"' in response.content.decode()  # the summary links to the first field
    assert not InputAnswer.objects.exists()


def test_an_oversized_answer_is_refused_with_the_limit(client, consultation, period):
    response = send(client, consultation, question_1="x" * 4001, question_2="kort")
    assert response.status_code == 200
    html = response.content.decode()
    assert "4000" in html and "4001" in html
    assert 'aria-invalid="true"' in html
    assert not InputAnswer.objects.exists()
    assert send(client, consultation, question_1="x" * 4000).status_code == 302


def test_html_and_script_are_stored_as_text_and_shown_escaped(client, consultation, period):
    response = send(
        client, consultation, question_1=None, question_2="", general=SCRIPT, organisation_name=SCRIPT
    )
    assert response.status_code == 302
    stored = InputAnswer.objects.get()
    assert stored.text == SCRIPT  # verbatim: escaping is the template's job

    # Shown back escaped on a failed submission too.
    response = send(client, consultation, question_1="x" * 4001, general=SCRIPT)
    html = response.content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


@pytest.mark.parametrize("moment", ["before", "after"])
def test_outside_the_period_there_is_no_form_and_posts_are_refused(client, consultation, period, moment):
    if moment == "before":
        period.opens_at = period.closes_at - dt.timedelta(days=1)
        shown = period.opens_at
    else:
        period.opens_at = period.opens_at - dt.timedelta(days=30)
        period.closes_at = period.opens_at + dt.timedelta(days=1)
        shown = period.closes_at
    period.save()
    response = client.get(form_url(consultation))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<textarea" not in html and 'name="question_1"' not in html
    with translation.override("sv"):
        assert date_format(timezone.localtime(shown), "j F Y, H:i") in html  # says when
    assert send(client, consultation).status_code == 403
    assert not InputAnswer.objects.exists()


def test_unpublished_private_or_unknown_consultations_are_404(client, index, consultation, period, now):
    assert client.get(reverse("open_input:form", args=[consultation.pk + 999])).status_code == 404
    draft = ConsultationPageFactory(parent=index, publish=False)
    OpenInputPeriod.objects.create(consultation=draft, opens_at=period.opens_at, closes_at=period.closes_at)
    assert client.get(form_url(draft)).status_code == 404
    assert send(client, draft).status_code == 404
    assert client.get(reverse("open_input:thanks", args=[draft.pk])).status_code == 404

    PageViewRestriction.objects.create(page=consultation, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(form_url(consultation)).status_code == 404
    assert not InputAnswer.objects.exists()


def test_a_consultation_without_a_period_is_404(client, consultation):
    assert client.get(form_url(consultation)).status_code == 404
    assert client.get(reverse("open_input:thanks", args=[consultation.pk])).status_code == 404


def test_the_consultation_page_links_to_the_form_while_open(client, consultation, period):
    assert form_url(consultation) in client.get(consultation.url).content.decode()
    period.closes_at = period.opens_at + dt.timedelta(hours=1)
    period.save()
    assert form_url(consultation) not in client.get(consultation.url).content.decode()


def test_the_form_page_renders_in_a_fixed_number_of_queries(
    client, consultation, period, django_assert_num_queries
):
    """The page view restrictions, the period with its consultation, the questions, then the site's
    chrome (site, menu pages, settings)."""
    assert client.get(form_url(consultation)).status_code == 200  # warm the site-root cache
    with django_assert_num_queries(FORM_QUERIES):
        response = client.get(form_url(consultation))
    assert response.status_code == 200


def test_open_input_closes_once_the_minutes_are_published(client, consultation, period):
    """The period still runs for two weeks, but the minutes are out: an answer sent now would never
    reach them, so the form, the consultation page and the service all say closed."""
    assert form_url(consultation) in client.get(consultation.url).content.decode(), "open before"
    minutes = MinutesPageFactory(parent=consultation, title="Minnesanteckningar om unga")
    page = client.get(form_url(consultation))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="question_1"' not in html, "no form to fill in"
    assert (
        in_swedish(
            "Open input is closed: the minutes of the consultation are published, with the answers approved "
            "before they were compiled. Thank you to everyone who answered."
        )
        in html
    )
    assert f'href="{minutes.url}"' in html, "it points to the minutes instead"
    assert form_url(consultation) not in client.get(consultation.url).content.decode()

    response = send(client, consultation, question_2="Sent in anyway.")
    assert response.status_code == 403
    assert not InputAnswer.objects.exists()


def test_unpublished_minutes_leave_open_input_open(client, consultation, period):
    MinutesPageFactory(parent=consultation, publish=False)
    assert 'name="question_1"' in client.get(form_url(consultation)).content.decode()
    assert send(client, consultation).status_code == 302
    assert InputAnswer.objects.count() == 1
