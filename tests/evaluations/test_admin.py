"""The organisers' screens: send from the consultation's ⋯ menu once it is held, see the results as
bars with their table and the comments (escaped), the year side by side, and the CSV files."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluations.models import Evaluation, EvaluationAnswer
from outbox.models import OutboxMail

from .conftest import closes_in, logged_in, make_held, send

pytestmark = pytest.mark.django_db


def screen(consultation, name="consultation"):
    return reverse(f"evaluations_admin:{name}", args=[consultation.pk])


def answers(evaluation, rows):
    for could_say, in_time, accessible, again, comment in rows:
        EvaluationAnswer.objects.create(
            evaluation=evaluation,
            could_say=could_say,
            material_in_time=in_time,
            material_accessible=accessible,
            would_return=again,
            comment=comment,
        )


@pytest.fixture
def answered(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    evaluation = Evaluation.objects.get(consultation=held.consultation)
    answers(
        evaluation,
        [
            (5, 4, None, 5, "<script>alert('x')</script><b>fet</b>"),
            (4, 2, 3, 5, '=HYPERLINK("http://example.com","klicka")'),
            (2, 1, 4, 4, ""),
        ],
    )
    return evaluation


def test_the_organiser_sends_it_from_the_screen(held, organiser):
    client = logged_in(organiser)
    page = client.get(screen(held.consultation))
    assert page.status_code == 200
    assert "Send the evaluation" in page.content.decode() or "evaluation" in page.content.decode()

    day = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = client.post(screen(held.consultation, "send"), {"closes_on": day})

    assert response.status_code == 302
    assert OutboxMail.objects.filter(purpose="evaluation").count() == 4
    evaluation = Evaluation.objects.get()
    assert timezone.localtime(evaluation.closes_at).date() == timezone.localdate() + dt.timedelta(days=11)


def test_a_wrong_closing_date_shows_the_screen_again_with_the_error(held, organiser):
    response = logged_in(organiser).post(screen(held.consultation, "send"), {"closes_on": "2001-01-01"})
    assert response.status_code == 400
    assert not OutboxMail.objects.exists()


def test_before_the_consultation_is_held_it_says_so_and_sends_nothing(upcoming, organiser):
    client = logged_in(organiser)
    page = client.get(screen(upcoming)).content.decode()
    assert 'action="' + screen(upcoming, "send") not in page

    day = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    response = client.post(screen(upcoming, "send"), {"closes_on": day}, follow=True)
    assert response.status_code == 200
    assert not OutboxMail.objects.exists()
    assert not Evaluation.objects.exists()


def test_the_approver_gets_a_real_403_everywhere(held, approver, answered):
    client = logged_in(approver)
    for name in ("consultation", "csv"):
        assert client.get(screen(held.consultation, name)).status_code == 403
    assert client.post(screen(held.consultation, "send"), {"closes_on": "2030-01-01"}).status_code == 403
    assert client.post(screen(held.consultation, "remind")).status_code == 403
    assert (
        client.get(reverse("evaluations_admin:year", args=[held.consultation.date.year])).status_code == 403
    )


def test_the_results_show_counts_bars_and_escaped_comments(held, organiser, answered):
    html = logged_in(organiser).get(screen(held.consultation)).content.decode()

    assert "3 av 4 har svarat (75 %)" in html  # the admin in Swedish, its default
    assert re.search(r"Medelvärde 3[.,]7 av 5", html)  # (5 + 4 + 2) / 3, in the screen's number format
    assert html.count('class="evaluation-chart__bar') == 4 * 6  # a bar per answer of each question
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;fet&lt;/b&gt;" in html
    assert "<script>alert" not in html and "<b>fet</b>" not in html


def test_with_fewer_than_three_answers_nothing_is_shown_or_exported(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    evaluation = Evaluation.objects.get()
    answers(evaluation, [(5, 5, 5, 5, "Bara jag svarade"), (1, 1, 1, 1, "")])
    client = logged_in(organiser)

    html = client.get(screen(held.consultation)).content.decode()
    assert "Bara jag svarade" not in html
    assert "2 svar hittills" in html
    assert client.get(screen(held.consultation, "csv")).status_code == 404


def test_the_csv_is_safe_to_open_in_a_spreadsheet(held, organiser, answered):
    response = logged_in(organiser).get(screen(held.consultation, "csv"))

    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert text.startswith("\ufeff")
    assert "Jag fick sagt det jag kom för att säga.;" in text
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text
    assert len(text.strip().splitlines()) == 4  # header and three answers


def test_the_year_shows_every_evaluated_consultation_side_by_side(
    index, held, organiser, answered, mailoutbox
):
    other = make_held(index, title="Sakråd om idrottens roll", days_ago=40)
    if other.consultation.date.year != held.consultation.date.year:
        pytest.skip("the two consultations fall in different years today")
    send(other.consultation, organiser, mailoutbox)
    client = logged_in(organiser)

    html = client.get(reverse("evaluations_admin:year", args=[held.consultation.date.year])).content.decode()
    assert "Sakråd om föreningslivets villkor" in html and "Sakråd om idrottens roll" in html
    assert "för få svar" in html
    assert "3 / 4" in html and "0 / 4" in html

    index_page = client.get(reverse("evaluations_admin:index")).content.decode()
    assert str(held.consultation.date.year) in index_page

    csv = client.get(reverse("evaluations_admin:year_csv", args=[held.consultation.date.year]))
    lines = csv.content.decode().strip().splitlines()
    assert len(lines) == 3
    assert "3,7" in lines[1] or "3,7" in lines[2]


def test_the_consultation_menu_offers_it_to_organisers_only(held, organiser, approver):
    edit = reverse("wagtailadmin_pages:edit", args=[held.consultation.pk])
    assert screen(held.consultation) in logged_in(organiser).get(edit).content.decode()


def test_the_reminder_button_sends_once(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    client = logged_in(organiser)
    client.post(screen(held.consultation, "remind"))
    client.post(screen(held.consultation, "remind"))

    assert OutboxMail.objects.filter(key__startswith="evaluation-reminder:").count() == 4
    assert Evaluation.objects.get().reminded_at is not None


def test_a_closing_date_may_be_moved_by_sending_again(held, organiser, mailoutbox):
    evaluation_closes = closes_in(3)
    send(held.consultation, organiser, mailoutbox, closes_at=evaluation_closes)
    day = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    logged_in(organiser).post(screen(held.consultation, "send"), {"closes_on": day})

    assert Evaluation.objects.get().closes_at > evaluation_closes
    assert len(mailoutbox) == 4


def test_the_screens_take_the_same_number_of_queries_for_more_answers_and_consultations(
    index, held, organiser, answered, mailoutbox
):
    client = logged_in(organiser)
    year = reverse("evaluations_admin:year", args=[held.consultation.date.year])

    def counted(url) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = (counted(screen(held.consultation)), counted(year))
    answers(answered, [(3, 3, 3, 3, f"Kommentar {n}") for n in range(30)])
    for number in range(3):
        other = make_held(index, title=f"Sakråd nummer {number}", days_ago=3)
        send(other.consultation, organiser, mailoutbox)
    assert (counted(screen(held.consultation)), counted(year)) == before
