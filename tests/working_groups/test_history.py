"""How a question changed between versions: read from the revisions, diffed word by word, escaped."""

from __future__ import annotations

import pytest
from django.urls import reverse

from working_groups.diff import list_diff, word_diff
from working_groups.selectors import question_histories, question_history

from .conftest import FIRST_TEXT, add_question, edit_question, logged_in

pytestmark = pytest.mark.django_db

NEW_TEXT = "Hur når vi unga som inte är med i en förening eller ett nätverk?"


def test_the_history_lists_the_versions_where_the_question_changed(drafts, organiser):
    edit_question(drafts.a, number=1, text=NEW_TEXT, user=organiser)
    add_question(drafts.a, number=3, text="En tredje fråga")  # question 1 unchanged in this revision
    versions = question_history(consultation=drafts.a, number=1)
    assert [v.text for v in versions] == [FIRST_TEXT, NEW_TEXT]
    assert versions[1].user == organiser
    assert versions[0].sub_questions == ["Vilka hinder finns?"]
    diff = str(versions[1].text_diff)
    assert "<del>någon förening?</del>" in diff
    assert "<ins>en förening eller ett nätverk?</ins>" in diff
    assert [v.text for v in question_history(consultation=drafts.a, number=2)]  # added later, one version


def test_the_history_reads_the_revisions_in_one_query(drafts, django_assert_num_queries):
    for round_ in range(3):
        edit_question(drafts.a, number=1, text=f"{FIRST_TEXT} {round_}")
    with django_assert_num_queries(1):
        histories = question_histories(consultation=drafts.a)
    assert len(histories[1]) == 4


def test_sub_question_changes_are_shown(drafts):
    edit_question(drafts.a, number=1, text=FIRST_TEXT, subs=["Vilka hinder finns idag?", "Vad fungerar?"])
    versions = question_history(consultation=drafts.a, number=1)
    assert len(versions) == 2
    lines = [str(line) for line in versions[1].sub_questions_diff]
    assert lines == ["Vilka hinder <del>finns?</del> <ins>finns idag?</ins>", "<ins>Vad fungerar?</ins>"]


def test_the_diff_escapes_everything_but_its_marks():
    diff = str(word_diff("<b>gammal</b> text", '<script>alert("x")</script> text'))
    assert "<script>" not in diff and "<b>" not in diff
    removed = "<del>&lt;b&gt;gammal&lt;/b&gt;</del>"
    added = "<ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>"
    assert diff == f"{removed} {added} text"
    assert [str(line) for line in list_diff(["<i>a</i>"], [])] == ["<del>&lt;i&gt;a&lt;/i&gt;</del>"]


def test_the_staff_view_shows_old_and_new_text_with_marks(drafts, organiser):
    edit_question(drafts.a, number=1, text=NEW_TEXT, user=organiser)
    url = reverse("working_groups_admin:index", args=[drafts.a.pk])
    content = logged_in(organiser).get(url).content.decode()
    assert FIRST_TEXT in content
    assert "<del>någon förening?</del>" in content and "<ins>en förening eller ett nätverk?</ins>" in content
