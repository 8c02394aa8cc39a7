"""Compiling the minutes draft from a held consultation's closed notes (minutes/services/compile.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry, WorkflowPage

from breakouts.models import NoteTaking
from consultations.models import DiscussionQuestion
from minutes.log_actions import MINUTES_COMPILE
from minutes.models import MinutesPage
from minutes.reading import ordered_takeaways
from minutes.selectors import attended_organisations, note_points_by_question
from minutes.services.compile import MinutesCompileError, body_fingerprint, minutes_compile
from tests.minutes.conftest import invite, make_held
from tests.utils import html, text_of

pytestmark = pytest.mark.django_db


def in_swedish(msgid: str) -> str:
    """What the catalogue makes of a msgid in the site's language (English until it is translated)."""
    with translation.override("sv"):
        return gettext(msgid)


def blocks_of(page, kind):
    return [block.value for block in page.body if block.block_type == kind]


def records(page) -> dict:
    return {record["number"]: record for record in blocks_of(page, "question_record")}


def html_list(items) -> list[str]:
    return [item.source for item in items]


def body_json(page) -> str:
    return json.dumps(page.body.get_prep_value(), ensure_ascii=False)


def latest(page) -> MinutesPage:
    return MinutesPage.objects.get(pk=page.pk).get_latest_revision_as_object()


# --- what the draft holds ---------------------------------------------------------------------


def test_compile_creates_an_unpublished_draft_with_the_meeting(held, organiser):
    page = minutes_compile(consultation=held.consultation, user=organiser)

    assert page.get_parent().pk == held.consultation.pk
    assert not page.live and page.has_unpublished_changes
    assert page.title == in_swedish("Minutes: %(title)s") % {"title": held.consultation.title}
    assert page.held_on == held.consultation.date
    assert page.organiser == "Kulturdepartementet, Enheten för civila samhället"
    assert {org.name for org in page.participating_organisations.all()} == {
        "Ungdomsförbundet Norrsken",
        "Föreningen Bryggan",
    }
    assert page.compiled_at is not None
    assert page.compiled_fingerprint == body_fingerprint(page.body, ordered_takeaways(page))
    assert len(page.compiled_fingerprint) == 64
    assert page.get_latest_revision() is not None and page.get_latest_revision().user == organiser
    assert WorkflowPage.objects.filter(page=page).exists()  # under the approval workflow
    entry = PageLogEntry.objects.get(page=page, action=MINUTES_COMPILE)
    assert entry.user == organiser and entry.data["created"] is True
    assert entry.label  # the action is registered with a label


def test_the_title_is_in_the_site_language_whatever_the_admin_language(held, organiser):
    with translation.override("en"):
        page = minutes_compile(consultation=held.consultation, user=organiser)
    assert page.title == in_swedish("Minutes: %(title)s") % {"title": held.consultation.title}


def test_participating_organisations_fall_back_to_accepted_attendees(index, organiser):
    held = make_held(index)
    from invitations.models import Attendee

    Attendee.objects.update(checked_in_at=None)  # attendance not taken on the day
    page = minutes_compile(consultation=held.consultation, user=organiser)
    names = {org.name for org in page.participating_organisations.all()}
    assert names == {"Ungdomsförbundet Norrsken", "Föreningen Bryggan", "Riksförbundet Frånvaro"}
    assert held.declined.name not in names


def test_presentations_come_from_agenda_items_with_speakers(held, organiser):
    page = minutes_compile(consultation=held.consultation, user=organiser)
    presentations = blocks_of(page, "presentation")
    assert [p["title"] for p in presentations] == ["Inledning", "Vad säger forskningen?"]  # no coffee
    assert presentations[0]["presenters"] == "Statssekreterare Stina Öppnare (Departementet)"
    assert presentations[0]["summary"].source == "<p>Välkommen &amp; syfte</p>"
    # The presentations come first, then the questions.
    kinds = [block.block_type for block in page.body]
    assert kinds == ["presentation", "presentation", "question_record", "question_record"]


def test_questions_with_sub_questions_and_takeaways_first(held, organiser):
    first, second = held.groups
    held.point(second, "Mälarens punkt", question=1, order=0)
    held.point(first, "Vätterns punkt B", question=1, order=2)
    held.point(first, "Vätterns punkt A", question=1, order=1)
    held.point(second, "Mälarens medskick", question=1, takeaway=True, order=1)
    held.point(first, "Vätterns medskick", question=1, takeaway=True, order=3)
    held.point(first, "Om staten", question=2, order=4)
    held.point(first, "   ", question=2, order=5)  # empty: skipped
    held.point(second, "Utan fråga", question=None, order=2)
    held.point(second, "Okänd fråga", question=9, takeaway=True, order=3)

    page = minutes_compile(consultation=held.consultation, user=organiser)
    by_number = records(page)
    assert list(by_number) == [1, 2, 0]  # the unplaced points last
    one = by_number[1]
    assert one["question"] == "Hur når vi fler unga?"
    assert list(one["sub_questions"]) == ["Vilka hinder finns?", "Vad fungerar?"]
    # The takeaways are not copied into the body: their one record is the Takeaway rows (below).
    assert "takeaways" not in one
    assert html_list(one["points"]) == [
        "<p>Vätterns punkt A</p>",
        "<p>Vätterns punkt B</p>",
        "<p>Mälarens punkt</p>",
    ]
    assert html_list(by_number[2]["points"]) == ["<p>Om staten</p>"]
    assert list(by_number[2]["sub_questions"]) == []
    other = by_number[0]
    assert other["question"] == in_swedish("Other points raised")
    assert html_list(other["points"]) == ["<p>Utan fråga</p>"]

    # Group order (Vättern before Mälaren), then point order; the unplaced ones under "Other points".
    takeaways = [(t.question_number, t.text) for t in page.takeaways.order_by("sort_order", "pk")]
    assert takeaways == [(1, "Vätterns medskick"), (1, "Mälarens medskick"), (None, "Okänd fråga")]
    assert "medskick" not in body_json(page)


def test_questions_made_without_a_sort_order_follow_their_numbers(held, organiser):
    """Questions made in code (the demo, an import) carry no sort order; PostgreSQL returned such ties
    in any order, so the minutes could list question 2 first. Stored here with 2 before 1."""
    questions = list(held.consultation.questions.all())
    DiscussionQuestion.objects.filter(pk__in=[q.pk for q in questions]).delete()
    for question in sorted(questions, key=lambda q: -q.number):
        question.pk, question.sort_order = None, None
        question.save()
    held.point(held.groups[0], "Om staten", question=2, takeaway=True)
    held.point(held.groups[0], "Om unga", question=1, takeaway=True)

    page = minutes_compile(consultation=held.consultation, user=organiser)

    assert list(records(page)) == [1, 2]
    assert [t.text for t in page.takeaways.all()] == ["Om unga", "Om staten"]


def test_the_draft_shows_each_takeaway_under_its_question(held, organiser, client):
    held.point(held.groups[0], "Vätterns medskick", question=1, takeaway=True)
    held.point(held.groups[1], "Okänd fråga", question=9, takeaway=True)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    client.force_login(organiser)
    document = html(client.get(f"/admin/pages/{page.pk}/view_draft/"))
    question = document.find(id="fraga-1")
    assert "Vätterns medskick" in text_of(question.find(class_="minutes-question__takeaways"))
    assert "Okänd fråga" in text_of(document.find(id="fraga-0"))


def test_the_draft_renders_in_the_preview(held, organiser, client):
    held.point(held.groups[0], "En punkt\nsom fortsätter", question=1)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    assert "<p>En punkt<br>som fortsätter</p>" in body_json(page)
    client.force_login(organiser)
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert "som fortsätter" in response.content.decode()


# --- de-attribution and sanitising ---------------------------------------------------------------


def test_statements_are_never_attributed(held, organiser):
    first, second = held.groups
    held.point(first, "Vi behöver lokaler på kvällstid", question=1, takeaway=True)
    held.point(second, "Långsiktig finansiering", question=2)
    # A participant may name themselves: that is their own text, kept as typed.
    held.point(second, "Som Föreningen Bryggan ser vi ett behov", question=2)

    page = minutes_compile(consultation=held.consultation, user=organiser)
    body = body_json(page) + " ".join(t.text for t in page.takeaways.all())
    forbidden = ["Grupp Vättern", "Grupp Mälaren", organiser.email]
    for member in held.members:
        forbidden += [member.first_name, member.last_name, member.email, member.get_full_name()]
    forbidden.append(held.attended[0].name)  # the first member's organisation, typed by nobody
    for word in forbidden:
        assert word not in body, f"{word!r} appears in the compiled minutes"
    assert "Som Föreningen Bryggan ser vi ett behov" in body


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ('"><svg onload=alert(1)>', "<p>&quot;&gt;&lt;svg onload=alert(1)&gt;</p>"),
        ("a & b <b>fet</b>", "<p>a &amp; b &lt;b&gt;fet&lt;/b&gt;</p>"),
    ],
)
def test_participant_text_is_stored_escaped_and_inert(held, organiser, typed, stored):
    held.point(held.groups[0], typed, question=1)
    held.point(held.groups[0], typed, question=1, takeaway=True)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    record = records(page)[1]
    assert html_list(record["points"]) == [stored]
    assert page.takeaways.get().text == typed  # plain text, escaped wherever a template shows it
    raw = body_json(page)
    assert "<script" not in raw and "<img" not in raw and "<svg" not in raw


# --- refusals ------------------------------------------------------------------------------------


def test_refused_before_the_consultation_is_held(index, organiser):
    held = make_held(index, date=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(MinutesCompileError) as error:
        minutes_compile(consultation=held.consultation, user=organiser)
    assert error.value.code == MinutesCompileError.NOT_HELD
    assert not MinutesPage.objects.exists()


def test_refused_while_note_taking_is_open(index, organiser):
    held = make_held(index, closed=False)
    with pytest.raises(MinutesCompileError) as error:
        minutes_compile(consultation=held.consultation, user=organiser)
    assert error.value.code == MinutesCompileError.NOTES_NOT_CLOSED
    assert not MinutesPage.objects.exists()


def test_refused_when_note_taking_never_opened(held, organiser):
    NoteTaking.objects.filter(consultation=held.consultation).delete()
    with pytest.raises(MinutesCompileError) as error:
        minutes_compile(consultation=held.consultation, user=organiser)
    assert error.value.code == MinutesCompileError.NOTES_NEVER_OPENED


def test_refused_when_the_minutes_are_published(held, organiser):
    page = minutes_compile(consultation=held.consultation, user=organiser)
    page.get_latest_revision().publish()
    revisions = page.revisions.count()
    with pytest.raises(MinutesCompileError) as error:
        minutes_compile(consultation=held.consultation, user=organiser, overwrite=True)
    assert error.value.code == MinutesCompileError.PUBLISHED
    assert MinutesPage.objects.get(pk=page.pk).revisions.count() == revisions


# --- compiling again -----------------------------------------------------------------------------


def test_recompiling_an_unedited_draft_updates_it_in_place(held, organiser):
    held.point(held.groups[0], "Första", question=1)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    held.point(held.groups[1], "Tillagd efteråt", question=2, takeaway=True)

    again = minutes_compile(consultation=held.consultation, user=organiser)
    assert again.pk == page.pk and MinutesPage.objects.count() == 1
    assert again.revisions.count() == 2
    draft = latest(again)
    assert [(t.question_number, t.text) for t in draft.takeaways.all()] == [(2, "Tillagd efteråt")]
    assert draft.compiled_fingerprint == body_fingerprint(draft.body, ordered_takeaways(draft))
    assert not again.live


def edit_draft(page, user):
    """Staff change the body in the editor: a new revision whose body is not what was compiled."""
    draft = latest(page)
    raw = draft.body.get_prep_value()
    raw.append({"type": "paragraph", "value": "<p>Redaktörens tillägg</p>"})
    draft.body = raw
    draft.save_revision(user=user)
    return draft


def test_recompiling_an_edited_draft_is_refused_without_overwrite(held, organiser):
    page = minutes_compile(consultation=held.consultation, user=organiser)
    edit_draft(page, organiser)
    with pytest.raises(MinutesCompileError) as error:
        minutes_compile(consultation=held.consultation, user=organiser)
    assert error.value.code == MinutesCompileError.EDITED
    assert "Redaktörens tillägg" in body_json(latest(page))


def test_an_edited_takeaway_counts_as_editing_the_draft(held, organiser):
    """A takeaway is part of what compiling wrote, though not in the body: changing it in the editor
    (or by an accepted correction) is an edit that compiling again must not overwrite unasked."""
    held.point(held.groups[0], "Från anteckningarna", question=1, takeaway=True)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    draft = latest(page)
    rows = list(draft.takeaways.all())
    rows[0].text = "Rättat av redaktören"
    draft.takeaways = rows
    draft.save_revision(user=organiser)
    with pytest.raises(MinutesCompileError) as error:
        minutes_compile(consultation=held.consultation, user=organiser)
    assert error.value.code == MinutesCompileError.EDITED
    assert [t.text for t in latest(page).takeaways.all()] == ["Rättat av redaktören"]


def test_summary_edits_do_not_count_as_editing_the_body(held, organiser):
    page = minutes_compile(consultation=held.consultation, user=organiser)
    draft = latest(page)
    draft.summary = "Sammanfattning av redaktören"
    draft.save_revision(user=organiser)
    again = latest(minutes_compile(consultation=held.consultation, user=organiser))
    assert again.summary == "Sammanfattning av redaktören"


def test_overwrite_replaces_an_edited_draft(held, organiser):
    held.point(held.groups[0], "Från anteckningarna", question=1)
    page = minutes_compile(consultation=held.consultation, user=organiser)
    edit_draft(page, organiser)

    replaced = minutes_compile(consultation=held.consultation, user=organiser, overwrite=True)
    assert replaced.pk == page.pk
    draft = latest(replaced)
    assert "Redaktörens tillägg" not in body_json(draft)
    assert "Från anteckningarna" in body_json(draft)
    assert draft.compiled_fingerprint == body_fingerprint(draft.body, ordered_takeaways(draft))
    entry = PageLogEntry.objects.filter(page=page, action=MINUTES_COMPILE).order_by("pk").last()
    assert entry.data["overwrite"] is True


# --- the reads -----------------------------------------------------------------------------------


def test_note_points_are_read_in_a_fixed_number_of_queries(held, django_assert_num_queries):
    for n in range(3):
        held.point(held.groups[n % 2], f"Punkt {n}", question=1 + n % 2, takeaway=n % 3 == 0)
    with django_assert_num_queries(1):
        few = note_points_by_question(consultation=held.consultation)
    for n in range(60):
        held.point(held.groups[n % 2], f"Fler {n}", question=[1, 2, None][n % 3], takeaway=n % 4 == 0)
    with django_assert_num_queries(1):
        many = note_points_by_question(consultation=held.consultation)
    assert sum(len(n.points) + len(n.takeaways) for n in few.values()) == 3
    assert sum(len(n.points) + len(n.takeaways) for n in many.values()) == 63


def test_attended_organisations_in_a_fixed_number_of_queries(held, django_assert_num_queries):
    with django_assert_num_queries(2):
        few = attended_organisations(consultation=held.consultation)
    from tests.factories import OrganisationFactory

    for _ in range(10):
        invite(held.consultation, OrganisationFactory(), checked_in=True)
    with django_assert_num_queries(2):
        many = attended_organisations(consultation=held.consultation)
    assert len(few) == 2 and len(many) == 12
