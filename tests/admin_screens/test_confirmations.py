"""The irreversible actions ask first, without JavaScript: a box to tick in the same form. Without it
nothing changes and the organiser is told why; with it the action is done. Removing a whole open-input
answer has a gentler sibling: blank out the name or contact detail and keep the answer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from breakouts.models import GroupMembership
from breakouts.selectors import note_taking_is_open
from open_input.log_actions import OPEN_INPUT_MODERATE
from open_input.models import AnswerStatus, InputAnswer
from tests.utils import html
from tests.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module: each test still runs in its own savepoint and changes nothing lasting."""
    return shared_world


def _errors(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level_tag == "error"]


def _confirm_box(page, form_button_value: str):
    button = page.find("button", attrs={"value": form_button_value})
    return button.find_parent("form").find("input", attrs={"name": "confirm", "type": "checkbox"})


# --- Close note-taking ----------------------------------------------------------------------------


def test_closing_note_taking_without_the_box_changes_nothing(world: World, organiser):
    url = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    box = _confirm_box(html(organiser.get(url)), "close")
    assert box is not None and box.has_attr("required")

    for data in (
        {"action": "close"},
        {"action": "close", "confirm": "on"},
        {"action": "close", "confirm": ""},
    ):
        response = organiser.post(url, data, follow=True)
        assert note_taking_is_open(consultation_id=world.consultation.pk), data
        assert _errors(response), data


def test_closing_note_taking_with_the_box_closes_it(world: World, organiser):
    url = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    response = organiser.post(url, {"action": "close", "confirm": "1"}, follow=True)
    assert not note_taking_is_open(consultation_id=world.consultation.pk)
    assert not _errors(response)


# --- Deal the groups anew -------------------------------------------------------------------------


def test_dealing_groups_that_have_members_asks_first(world: World, organiser):
    url = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    box = _confirm_box(html(organiser.get(url)), "assign")
    assert box is not None and box.has_attr("required")

    before = list(GroupMembership.objects.filter(group__consultation=world.consultation).values_list("pk"))
    response = organiser.post(url, {"action": "assign", "n_groups": 2, "source": "accepted"}, follow=True)
    assert _errors(response)
    after = list(GroupMembership.objects.filter(group__consultation=world.consultation).values_list("pk"))
    assert after == before, "the members made by hand are still there"


def test_dealing_groups_with_the_box_replaces_the_members(world: World, organiser):
    """Before: "Grupp 1" holds one member put there by hand. Dealt into two groups, the organisation's
    two people sit in one group each."""
    url = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    data = {"action": "assign", "n_groups": 2, "source": "accepted", "confirm": "1"}
    response = organiser.post(url, data, follow=True)
    assert not _errors(response)
    members = GroupMembership.objects.filter(group__consultation=world.consultation)
    assert sorted(members.values_list("user__email", flat=True)) == sorted(
        [world.user("participant").email, world.user("group_member").email]
    )
    assert members.values("group").distinct().count() == 2


def test_the_first_dealing_needs_no_box(world: World, organiser):
    GroupMembership.objects.filter(group__consultation=world.consultation).delete()
    url = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    assert _confirm_box(html(organiser.get(url)), "assign") is None
    response = organiser.post(url, {"action": "assign", "n_groups": 1, "source": "accepted"}, follow=True)
    assert not any("Tick" in e or "Kryssa" in e for e in _errors(response))


# --- Open input: remove for good, or blank out a name ---------------------------------------------


@pytest.fixture
def answer(world: World) -> InputAnswer:
    return InputAnswer.objects.create(
        consultation=world.other_consultation,
        question_number=1,
        text="Ring mig, Anna Berg, på 070-123 45 67. Vi behöver  anna  berg-lika  lokaler.",
        organisation_name="Annas förening",
        created_at=timezone.now() - dt.timedelta(hours=1),
    )


def _moderate(client, answer, **data):
    url = reverse("open_input_admin:moderate", args=[answer.consultation_id])
    return client.post(url, {"answer": answer.pk, **data}, follow=True)


def test_removing_an_answer_without_the_box_keeps_it(world: World, organiser, answer):
    page = html(organiser.get(reverse("open_input_admin:index", args=[world.other_consultation.pk])))
    box = _confirm_box(page, "remove")
    assert box is not None and box.has_attr("required")
    approve = page.find("button", attrs={"value": "approve"}).find_parent("form")
    assert approve.find("input", attrs={"name": "confirm"}) is None, "approving needs no box"

    response = _moderate(organiser, answer, decision="remove")
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.PENDING and "Anna Berg" in answer.text
    assert _errors(response)


def test_removing_an_answer_with_the_box_erases_it(world: World, organiser, answer):
    _moderate(organiser, answer, decision="remove", confirm="1")
    answer.refresh_from_db()
    assert (answer.status, answer.text, answer.organisation_name) == (AnswerStatus.REMOVED, "", "")


def test_blanking_out_a_name_keeps_the_answer_and_its_status(world: World, organiser, answer):
    _moderate(organiser, answer, decision="approve")
    response = _moderate(organiser, answer, decision="redact", phrase="  anna   BERG ")
    answer.refresh_from_db()
    assert not _errors(response)
    assert answer.status == AnswerStatus.APPROVED
    assert "Anna" not in answer.text and "anna" not in answer.text
    assert answer.text.startswith("Ring mig, […], på 070-123 45 67.")
    assert "Vi behöver  […]-lika  lokaler." in answer.text, "every occurrence, any case or spacing"
    assert answer.organisation_name == "Annas förening", "the organisation only when ticked"

    _moderate(organiser, answer, decision="redact", phrase="070-123 45 67", organisation="1")
    answer.refresh_from_db()
    assert "070" not in answer.text and answer.organisation_name == ""
    entries = PageLogEntry.objects.filter(page=world.other_consultation, action=OPEN_INPUT_MODERATE)
    assert [e.data["decision"] for e in entries.order_by("timestamp")][-2:] == ["redact", "redact"]
    assert all("Anna" not in str(e.data) for e in entries), "the log holds no words of the answer"


@pytest.mark.parametrize(
    "phrase",
    ["", "   ", "Bertil", ".*", "[a-z]+", "(?i)anna", "x" * 201, "<script>alert(1)</script>"],
)
def test_blanking_out_what_is_not_there_changes_nothing(world: World, organiser, answer, phrase):
    text = answer.text
    response = _moderate(organiser, answer, decision="redact", phrase=phrase)
    answer.refresh_from_db()
    assert answer.text == text and answer.organisation_name == "Annas förening"
    assert _errors(response)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_removed_answer_cannot_be_blanked_out(world: World, organiser, answer):
    _moderate(organiser, answer, decision="remove", confirm="1")
    response = _moderate(organiser, answer, decision="redact", phrase="Anna")
    assert _errors(response)


def test_another_consultations_organiser_form_cannot_reach_the_answer(world: World, organiser, answer):
    url = reverse("open_input_admin:moderate", args=[world.consultation.pk])
    response = organiser.post(url, {"answer": answer.pk, "decision": "redact", "phrase": "Anna"})
    assert response.status_code == 404
    answer.refresh_from_db()
    assert "Anna Berg" in answer.text
