"""The phone page: attendees ask and support through plain forms; everyone else is refused; hostile
text is stored clean and shown escaped; nobody's name reaches another participant."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from breakouts.models import BreakoutGroup
from panel_questions.models import PanelQuestion, QuestionStatus, QuestionSupport
from panel_questions.services import panel_queue_close
from tests.factories import ConsultationPageFactory

from .conftest import SCRIPT, logged_in, phone_url, question, support_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["asker", "remote", "member"])
def test_every_kind_of_attendee_asks_and_the_question_waits(room, who):
    client = logged_in(getattr(room, who))
    response = client.post(phone_url(room.consultation), {"text": "Vad gör regeringen för unga?"})
    assert response.status_code == 302
    asked = PanelQuestion.objects.get()
    assert (asked.status, asked.asked_by) == (QuestionStatus.PENDING, getattr(room, who))
    page = client.get(phone_url(room.consultation)).content.decode()
    assert "Your questions" in page or "Dina frågor" in page
    assert "Vad gör regeringen för unga?" in page


def test_a_waiting_question_is_seen_by_its_asker_only(room):
    logged_in(room.asker).post(phone_url(room.consultation), {"text": "Hemlig tills den godkänts?"})
    other = logged_in(room.remote).get(phone_url(room.consultation)).content.decode()
    assert "Hemlig tills den godkänts?" not in other


def test_outsiders_and_anonymous_visitors_are_refused(room):
    assert logged_in(room.outsider).get(phone_url(room.consultation)).status_code == 403
    assert (
        logged_in(room.outsider).post(phone_url(room.consultation), {"text": "Får jag?"}).status_code == 403
    )
    assert logged_in(room.outsider).post(support_url(room.consultation), {"question": "1"}).status_code == 403
    anonymous = Client()
    assert anonymous.get(phone_url(room.consultation)).status_code == 302
    assert not PanelQuestion.objects.exists()


def test_the_organiser_follows_the_page_but_asks_nothing(room):
    client = logged_in(room.organiser)
    assert client.get(phone_url(room.consultation)).status_code == 200
    assert client.post(phone_url(room.consultation), {"text": "Personalens fråga"}).status_code == 403


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write your question."), ("   \n\t ", "Write your question."), ("x" * 501, "at most 500")],
)
def test_empty_and_huge_questions_get_a_clear_error(room, text, message):
    response = logged_in(room.asker).post(
        phone_url(room.consultation), {"text": text}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PanelQuestion.objects.exists()


def test_control_characters_are_dropped_and_markup_is_shown_as_text(room):
    client = logged_in(room.asker)
    # NUL (which PostgreSQL cannot store) is refused by the form itself, with its own message.
    assert client.post(phone_url(room.consultation), {"text": "Nul\x00"}).status_code == 400
    client.post(phone_url(room.consultation), {"text": f"Rad ett\x07\u202e\x1b\r\nrad två {SCRIPT}"})
    asked = PanelQuestion.objects.get()
    assert asked.text == f"Rad ett rad två {SCRIPT}"
    asked.status = QuestionStatus.APPROVED
    asked.save()
    page = logged_in(room.remote).get(phone_url(room.consultation)).content.decode()
    assert "<script>alert" not in page and 'onerror="x()"' not in page
    assert "&lt;script&gt;alert(&quot;panel&quot;)&lt;/script&gt;" in page


def test_a_closed_queue_takes_no_questions_and_no_support(room):
    approved = question(room.consultation)
    panel_queue_close(consultation=room.consultation, user=room.organiser)
    client = logged_in(room.asker)
    response = client.get(phone_url(room.consultation))
    assert 'name="text"' not in response.content.decode()
    assert client.post(phone_url(room.consultation), {"text": "Sent påkommen"}).status_code == 400
    client.post(support_url(room.consultation), {"question": approved.pk})
    assert PanelQuestion.objects.count() == 1 and not QuestionSupport.objects.exists()


def test_a_flood_is_refused_with_a_clear_message_and_others_go_on(room, settings):
    settings.PANEL_QUESTIONS_ASK_RATE = (3, 600)
    cache.clear()
    client = logged_in(room.asker)
    statuses = [
        client.post(phone_url(room.consultation), {"text": f"Fråga {n}"}).status_code for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    refused = client.post(phone_url(room.consultation), {"text": "En till"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Wait a few minutes" in refused.content.decode()
    assert logged_in(room.remote).post(phone_url(room.consultation), {"text": "Min fråga"}).status_code == 302
    assert PanelQuestion.objects.count() == 4


def test_support_toggles_once_per_person(room):
    approved = question(room.consultation, asked_by=room.asker)
    client = logged_in(room.remote)
    client.post(support_url(room.consultation), {"question": approved.pk})
    client.post(support_url(room.consultation), {"question": approved.pk})
    assert not QuestionSupport.objects.exists()
    client.post(support_url(room.consultation), {"question": approved.pk})
    assert QuestionSupport.objects.get().user == room.remote
    page = logged_in(room.member).get(phone_url(room.consultation)).content.decode()
    assert "1 support" in page or "1 stöd" in page or "1 st" in page


@pytest.mark.parametrize("status", [QuestionStatus.PENDING, QuestionStatus.HIDDEN, QuestionStatus.MERGED])
def test_a_question_the_room_cannot_see_cannot_be_supported(room, status):
    unseen = question(room.consultation, status=status)
    logged_in(room.remote).post(support_url(room.consultation), {"question": unseen.pk})
    assert not QuestionSupport.objects.exists()


def test_ones_own_question_cannot_be_supported(room):
    mine = question(room.consultation, asked_by=room.asker)
    logged_in(room.asker).post(support_url(room.consultation), {"question": mine.pk})
    assert not QuestionSupport.objects.exists()


def test_a_question_of_another_consultation_is_not_found(room, index):
    elsewhere = question(ConsultationPageFactory(parent=index))
    client = logged_in(room.remote)
    assert client.post(support_url(room.consultation), {"question": elsewhere.pk}).status_code == 404
    for bad in ["", "abc", "-1", "9" * 40, "1 OR 1=1"]:
        assert client.post(support_url(room.consultation), {"question": bad}).status_code == 404
    assert not QuestionSupport.objects.exists()


def test_no_name_is_shown_to_the_room(room):
    question(room.consultation, text="Godkänd fråga", asked_by=room.asker)
    page = logged_in(room.remote).get(phone_url(room.consultation)).content.decode()
    assert "Godkänd fråga" in page
    assert "Åsa" not in page and "Frågvis" not in page and room.asker.email not in page


def test_the_group_page_and_my_page_lead_to_the_phone_page(room):
    group = BreakoutGroup.objects.get(consultation=room.consultation)
    client = logged_in(room.member)
    group_page = reverse("breakouts:group", args=[group.pk])
    my_page = reverse("accounts:my_page")
    assert phone_url(room.consultation) in client.get(group_page).content.decode()
    assert phone_url(room.consultation) in logged_in(room.asker).get(my_page).content.decode()
    assert phone_url(room.consultation) not in logged_in(room.outsider).get(my_page).content.decode()


def test_the_phone_page_costs_the_same_queries_for_few_and_many_questions(
    room, django_assert_max_num_queries
):
    client = logged_in(room.remote)
    for number in range(3):
        question(room.consultation, f"Fråga {number}")
    with django_assert_max_num_queries(40) as few:
        client.get(phone_url(room.consultation))
    for number in range(40):
        supported = question(room.consultation, f"Fler {number}")
        QuestionSupport.objects.create(question=supported, user=room.member)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(phone_url(room.consultation))


def test_the_script_fetches_only_the_live_parts(room):
    """A room of a hundred phones fetches after every decision: the parts that change, not the whole
    page, at no more queries; and no one-time message is used up by a fetch in the background."""
    client = logged_in(room.remote)
    question(room.consultation, "Vad händer sen?")
    with CaptureQueriesContext(connection) as whole:
        page = client.get(phone_url(room.consultation))
    client.post(phone_url(room.consultation), {"text": "Min fråga"})
    with CaptureQueriesContext(connection) as fetched:
        parts = client.get(phone_url(room.consultation), headers={"X-Requested-With": "fetch"})
    assert len(fetched.captured_queries) <= len(whole.captured_queries)
    assert len(parts.content) * 4 < len(page.content)
    html = parts.content.decode()
    assert "data-panel-live" in html and "data-panel-list" in html and "Vad händer sen?" in html
    assert "<html" not in html and "Min fråga" not in html  # neither the page nor the asker's own list
    assert "X-Requested-With" in parts["Vary"]
    page = client.get(phone_url(room.consultation)).content.decode()
    assert "Min fråga" in page and "message--success" in page  # the message waited for the page


def test_after_closing_the_room_sees_the_follow_ups_and_their_written_answers(room):
    left = question(room.consultation, "Hanns inte med", status=QuestionStatus.FOLLOW_UP)
    answered = question(room.consultation, "Besvarad skriftligt", status=QuestionStatus.ANSWERED)
    answered.answer = "Svaret kommer här."
    answered.save()
    panel_queue_close(consultation=room.consultation, user=room.organiser)
    page = (
        logged_in(room.remote).get(phone_url(room.consultation), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )
    assert left.text in page and "Svaret kommer här." in page
    assert 'name="question"' not in page  # nothing to support once closed
