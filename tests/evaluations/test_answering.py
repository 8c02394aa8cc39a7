"""The attendee's form: answers once, in Swedish or English, without JavaScript; every hostile or
mistaken input gets a clear page and changes nothing."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from evaluations.models import Evaluation, EvaluationAnswer, EvaluationLink
from evaluations.services import LinkInvalid, evaluation_answer

from .conftest import answer_data, answer_url, make_held, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def links(held, organiser, mailoutbox):
    return send(held.consultation, organiser, mailoutbox)


@pytest.fixture
def link(links, held):
    return links[held.checked_in[0].email]


def test_the_form_shows_the_statements_and_a_scale_with_dont_know(client, link):
    response = client.get(answer_url(link))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="sv"' in html
    assert "Sakråd om föreningslivets villkor" in html
    assert html.count('type="radio"') == 4 * 6  # four statements, five steps and "don't know"
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]  # a plain form
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_an_answer_is_stored_and_the_link_then_refuses(client, link, held):
    response = client.post(answer_url(link), answer_data(comment="Bra grupper, men för kort tid."))

    assert response.status_code == 302
    assert response["Location"].endswith(f"/utvardering/{held.consultation.pk}/tack/")
    answer = EvaluationAnswer.objects.get()
    assert (answer.could_say, answer.material_in_time, answer.material_accessible, answer.would_return) == (
        4,
        2,
        None,
        5,
    )
    assert answer.comment == "Bra grupper, men för kort tid."
    assert EvaluationLink.objects.filter(attendee=held.checked_in[0]).count() == 0

    again = client.get(answer_url(link))
    assert again.status_code == 404
    with translation.override("sv"):
        assert gettext("This link does not work") in again.content.decode()
    replay = client.post(answer_url(link), answer_data(could_say="1"))
    assert replay.status_code == 404
    assert EvaluationAnswer.objects.count() == 1


def test_in_english(client, link):
    page = client.get(answer_url(link, "en"))
    assert page.status_code == 200 and 'lang="en"' in page.content.decode()
    assert "I could say what I came to say." in page.content.decode()

    response = client.post(answer_url(link, "en"), answer_data())
    assert response.status_code == 302 and "/utvardering/" in response["Location"]
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and 'lang="en"' in thanks.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "A" * 43,  # well formed, not ours
        "short",
        "A" * 44,
        "%3Cscript%3E" + "A" * 31,
        "../../admin" + "A" * 32,
    ],
)
def test_a_forged_token_gets_the_same_page_as_a_used_one(client, links, held, token):
    response = client.get(f"/utvardering/{held.consultation.pk}/{token}/")
    assert response.status_code == 404
    posted = client.post(f"/utvardering/{held.consultation.pk}/{token}/", answer_data())
    assert posted.status_code == 404
    assert not EvaluationAnswer.objects.exists()


def test_a_token_for_another_consultation_is_refused(client, index, organiser, mailoutbox, link):
    other = make_held(index, title="Ett annat sakråd", days_ago=5)
    send(other.consultation, organiser, mailoutbox)

    url = f"/utvardering/{other.consultation.pk}/{link[1]}/"
    assert client.get(url).status_code == 404
    assert client.post(url, answer_data()).status_code == 404
    assert not EvaluationAnswer.objects.exists()
    assert client.get(answer_url(link)).status_code == 200  # still works where it belongs


def test_after_the_closing_date_the_link_says_the_evaluation_is_closed(client, link, held):
    Evaluation.objects.update(closes_at=timezone.now() - dt.timedelta(minutes=1))

    response = client.get(answer_url(link))
    assert response.status_code == 410
    with translation.override("sv"):
        assert gettext("The evaluation is closed") in response.content.decode()
    assert client.post(answer_url(link), answer_data()).status_code == 410
    assert not EvaluationAnswer.objects.exists()
    # Even a made-up link to a closed evaluation says so: the consultation is in the address anyway.
    assert client.get(f"/utvardering/{held.consultation.pk}/{'B' * 43}/").status_code == 410


@pytest.mark.parametrize(
    "overrides",
    [
        {"could_say": "6"},
        {"could_say": "0"},
        {"material_in_time": "-1"},
        {"material_accessible": "3.5"},
        {"would_return": "<b>5</b>"},
        {"would_return": ""},
        {"comment": "x" * 3001},
        {"comment": "nul \x00 byte"},
    ],
)
def test_out_of_range_answers_are_refused_with_a_clear_error_and_the_link_still_works(
    client, link, overrides
):
    response = client.post(answer_url(link), answer_data(**overrides))

    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and 'aria-invalid="true"' in html or "form-field--error" in html
    assert not EvaluationAnswer.objects.exists()
    assert client.get(answer_url(link)).status_code == 200


def test_a_missing_field_is_named_in_the_error(client, link):
    data = answer_data()
    del data["material_in_time"]
    response = client.post(answer_url(link), data)

    assert response.status_code == 400
    with translation.override("sv"):
        assert escape(gettext("Choose an answer, or “Don't know”.")) in response.content.decode()


def test_markup_is_stored_as_plain_text_and_control_characters_are_dropped(client, link):
    comment = '<script>alert(1)</script><img src=x onerror=alert(2)> "citat" & \x07klocka'
    client.post(answer_url(link), answer_data(comment=comment))

    assert (
        EvaluationAnswer.objects.get().comment
        == '<script>alert(1)</script><img src=x onerror=alert(2)> "citat" & klocka'
    )


def test_the_service_checks_the_scale_again(link):
    with pytest.raises(ValueError):
        evaluation_answer(consultation_id=link[0], token=link[1], answers={"could_say": 9}, comment="")
    assert not EvaluationAnswer.objects.exists()
    with pytest.raises(LinkInvalid):
        evaluation_answer(consultation_id=link[0], token="nope", answers={}, comment="")


def test_two_submissions_of_one_link_store_one_answer(link):
    evaluation_answer(consultation_id=link[0], token=link[1], answers={"could_say": 3}, comment="")
    with pytest.raises(LinkInvalid):
        evaluation_answer(consultation_id=link[0], token=link[1], answers={"could_say": 3}, comment="")
    assert EvaluationAnswer.objects.count() == 1


def test_the_thanks_page_tells_nothing(client, held):
    response = client.get(f"/utvardering/{held.consultation.pk}/tack/")
    assert response.status_code == 200
    assert "Sakråd om föreningslivets villkor" not in response.content.decode()
