"""Members comment on each draft question; the text is stored as written and always shown escaped."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.factories import UserFactory
from working_groups.log_actions import COMMENT_ADD
from working_groups.models import COMMENT_MAX_LENGTH, QuestionComment
from working_groups.services import WorkingGroupError, question_comment_add

from .conftest import ADDED_TEXT, logged_in

pytestmark = pytest.mark.django_db


def draft_url(page) -> str:
    return reverse("working_groups:draft", args=[page.pk])


def test_a_comment_is_saved_against_the_latest_revision_and_shown_under_its_question(drafts):
    client = logged_in(drafts.member_a)
    response = client.post(draft_url(drafts.a), {"number": "2", "text": "Fråga också om lokaler."})
    assert response.status_code == 302
    assert response["Location"].endswith("#question-2")
    comment = QuestionComment.objects.get()
    assert (comment.question_number, comment.question_text) == (2, ADDED_TEXT)
    assert comment.revision_id == drafts.a.revisions.order_by("-created_at", "-id").first().pk
    assert comment.author == drafts.member_a
    assert [str(m) for m in get_messages(response.wsgi_request)]

    page = client.get(response["Location"]).content.decode()
    question_2 = page[page.index('id="question-2"') :]
    assert "Fråga också om lokaler." in question_2
    assert "Maja Medlem" in question_2  # the author's name, never the email address
    assert drafts.member_a.email not in page


def test_entry_in_the_page_history_names_the_question_not_the_text(drafts):
    logged_in(drafts.member_a).post(draft_url(drafts.a), {"number": "1", "text": "Hemlig synpunkt"})
    entry = PageLogEntry.objects.get(page_id=drafts.a.pk, action=COMMENT_ADD)
    assert entry.user_id == drafts.member_a.pk
    assert entry.data["question_number"] == 1
    assert "Hemlig synpunkt" not in str(entry.data)


def test_a_script_is_stored_as_text_and_shown_escaped(drafts):
    client = logged_in(drafts.member_a)
    attack = '<script>alert("x")</script><b>fet</b>'
    client.post(draft_url(drafts.a), {"number": "1", "text": attack})
    assert QuestionComment.objects.get().text == attack
    page = client.get(draft_url(drafts.a)).content.decode()
    assert "<script>alert" not in page and "<b>fet</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("text", "expected"),
    [("   ", "Write a comment before you send it."), ("x" * (COMMENT_MAX_LENGTH + 1), "Write at most 2000")],
)
def test_an_empty_or_too_long_comment_is_refused_with_a_message(drafts, text, expected):
    client = logged_in(drafts.member_a)
    with_english = {"HTTP_ACCEPT_LANGUAGE": "en"}
    response = client.post("/en" + draft_url(drafts.a), {"number": "1", "text": text}, **with_english)
    assert response.status_code == 200
    content = response.content.decode()
    assert expected in content
    assert 'class="error-summary"' in content and 'href="#id_question_1_text"' in content
    assert 'aria-invalid="true"' in content
    assert not QuestionComment.objects.exists()


def test_the_service_refuses_empty_and_too_long_text_too(drafts):
    for text in ("", "x" * (COMMENT_MAX_LENGTH + 1)):
        with pytest.raises(WorkingGroupError):
            question_comment_add(consultation=drafts.a, number=1, text=text, author=drafts.member_a)
    assert not QuestionComment.objects.exists()


def test_a_comment_on_a_question_the_draft_does_not_have_is_refused(drafts):
    client = logged_in(drafts.member_a)
    response = client.post("/en" + draft_url(drafts.a), {"number": "7", "text": "Om fråga sju"})
    assert response.status_code == 200
    assert "The draft has no question 7." in response.content.decode()
    assert not QuestionComment.objects.exists()
    assert client.post(draft_url(drafts.a), {"number": "sju", "text": "x"}).status_code == 400


def test_only_members_and_organisers_may_comment(drafts, organiser):
    with pytest.raises(PermissionDenied):
        question_comment_add(consultation=drafts.a, number=1, text="Hej", author=UserFactory())
    with pytest.raises(PermissionDenied):
        question_comment_add(consultation=drafts.b, number=1, text="Hej", author=drafts.member_a)
    assert question_comment_add(consultation=drafts.a, number=1, text="Hej", author=organiser).pk


def test_an_erased_author_is_not_named(drafts):
    from privacy.services import person_erase

    question_comment_add(consultation=drafts.a, number=1, text="Min synpunkt", author=drafts.member_a)
    boss = UserFactory(is_superuser=True, is_staff=True)
    person_erase(person=drafts.member_a, user=boss, mode="pseudonymise")
    reader = UserFactory(first_name="Annan", last_name="Läsare")
    from working_groups.models import WorkingGroupMember

    WorkingGroupMember.objects.create(consultation=drafts.a, user=reader)
    page = logged_in(reader).get(draft_url(drafts.a)).content.decode()
    assert "Min synpunkt" in page and "Maja" not in page and "Föreningen Bryggan" not in page


def test_a_deleted_account_leaves_the_comment_without_a_name(drafts):
    from django.utils.translation import gettext

    question_comment_add(consultation=drafts.a, number=1, text="Kvar efter radering", author=drafts.member_a)
    drafts.member_a.delete()
    comment = QuestionComment.objects.get()
    assert comment.author is None
    reader = UserFactory()
    from working_groups.models import WorkingGroupMember

    WorkingGroupMember.objects.create(consultation=drafts.a, user=reader)
    page = logged_in(reader).get(draft_url(drafts.a)).content.decode()
    assert "Kvar efter radering" in page and gettext("Former member") in page and "Maja" not in page
