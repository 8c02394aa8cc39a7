"""An organiser who saves an impossible consultation is told why, in the language of the interface."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from consultations.models import ConsultationPage
from consultations.models.page import EventFormat
from tests.factories import ConsultationPageFactory, DiscussionQuestionFactory

pytestmark = pytest.mark.django_db


def _aware(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _errors(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def _assert_said(page, field: str, swedish: str, english: str):
    """The message is in the interface's language only: Swedish by default, English under /en/."""
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    messages = caught.value.error_dict[field]
    for language, expected, other in (("sv", swedish, english), ("en", english, swedish)):
        with translation.override(language):
            said = [text for error in messages for text in ValidationError(error).messages]
        assert any(expected in text for text in said), (language, said)
        assert not any(other in text for text in said), (language, said)


@pytest.fixture
def consultation(index):
    return ConsultationPageFactory(parent=index)


def test_a_valid_consultation_passes(consultation):
    consultation.full_clean()


@pytest.mark.parametrize(
    "end_time", [dt.time(9, 0), dt.time(9, 30)], ids=["end-before-start", "end-equals-start"]
)
def test_end_time_must_be_after_start_time(consultation, end_time):
    consultation.start_time = dt.time(9, 30)
    consultation.end_time = end_time
    _assert_said(consultation, "end_time", "Sluttiden måste vara efter starttiden", "end time must be after")


@pytest.mark.parametrize("event_format", [EventFormat.HYBRID, EventFormat.DIGITAL])
def test_hybrid_and_digital_events_need_an_online_link(consultation, event_format):
    consultation.format = event_format
    consultation.online_link = ""
    _assert_said(consultation, "online_link", "behöver en länk", "needs an online link")

    consultation.online_link = "https://meet.example.org/sakrad"
    consultation.full_clean()


@pytest.mark.parametrize("event_format", [EventFormat.IN_PERSON, EventFormat.HYBRID])
def test_events_in_a_room_need_an_address(consultation, event_format):
    consultation.format = event_format
    consultation.online_link = "https://meet.example.org/sakrad"
    consultation.venue_address = ""
    _assert_said(consultation, "venue_address", "Ett fysiskt möte behöver en adress", "needs a venue address")


def test_a_digital_event_needs_no_address(consultation):
    consultation.format = EventFormat.DIGITAL
    consultation.online_link = "https://meet.example.org/sakrad"
    consultation.venue_address = ""
    consultation.full_clean()


def test_rsvp_deadline_after_the_day_is_refused(consultation):
    consultation.rsvp_deadline = _aware(consultation.date + dt.timedelta(days=1), 9)
    _assert_said(consultation, "rsvp_deadline", "Sista svarsdag", "RSVP deadline must be on or before")


def test_rsvp_deadline_on_the_day_itself_is_accepted(consultation):
    consultation.rsvp_deadline = _aware(consultation.date, 8)
    consultation.full_clean()


@pytest.mark.parametrize("zone", [dt.UTC, timezone.get_default_timezone()], ids=["utc", "stockholm"])
def test_the_deadlines_day_is_stockholms_whichever_zone_the_time_came_in(consultation, zone):
    """The same moment is the same deadline whether a form (Stockholm) or code (UTC) set it: half past
    midnight in Stockholm the day after is after the day, 23:30 on the day is not."""
    late = _aware(consultation.date + dt.timedelta(days=1), 0) + dt.timedelta(minutes=30)
    consultation.rsvp_deadline = late.astimezone(zone)
    _assert_said(consultation, "rsvp_deadline", "Sista svarsdag", "RSVP deadline must be on or before")
    consultation.rsvp_deadline = (late - dt.timedelta(hours=1)).astimezone(zone)
    consultation.full_clean()


@pytest.mark.parametrize("hours_after_deadline", [0, 24], ids=["same-moment", "day-after"])
def test_registration_must_open_before_the_deadline(consultation, hours_after_deadline):
    deadline = _aware(consultation.date - dt.timedelta(days=7), 12)
    consultation.rsvp_deadline = deadline
    consultation.registration_opens = deadline + dt.timedelta(hours=hours_after_deadline)
    _assert_said(
        consultation, "registration_opens", "Anmälan måste öppna", "Registration must open before the RSVP"
    )


def test_two_questions_with_the_same_number_are_refused(consultation):
    consultation.questions = [
        DiscussionQuestionFactory.build(number=1),
        DiscussionQuestionFactory.build(number=1),
    ]
    _assert_said(consultation, "title", "samma nummer", "same number")


def test_questions_with_distinct_numbers_are_accepted(consultation):
    consultation.questions = [
        DiscussionQuestionFactory.build(number=1),
        DiscussionQuestionFactory.build(number=2),
    ]
    consultation.full_clean()


def test_several_problems_are_reported_together(consultation):
    consultation.end_time = dt.time(8, 0)
    consultation.venue_address = ""
    assert {"end_time", "venue_address"} <= set(_errors(consultation))


def test_an_invalid_consultation_is_not_saved(index):
    """Saving (as the admin does) runs the same checks: nothing reaches the database."""
    page = ConsultationPageFactory.build(end_time=dt.time(8, 0))
    with pytest.raises(ValidationError):
        index.add_child(instance=page)
    assert not ConsultationPage.objects.filter(title=page.title).exists()


# --- the same rules, as the organiser meets them in the Wagtail admin ---------------------------


def _edit_form(page, **changes):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "ministry": page.ministry,
        "unit": page.unit,
        "date": page.date.isoformat(),
        "start_time": page.start_time.strftime("%H:%M"),
        "end_time": page.end_time.strftime("%H:%M"),
        "format": page.format,
        "venue_name": page.venue_name,
        "venue_address": page.venue_address,
        "online_link": page.online_link,
        "introduction": page.introduction,
        "seats_per_organisation": str(page.seats_per_organisation),
        "body": streamfield([]),
        "agenda": streamfield([]),
        "recordings": streamfield([]),
        "speakers": inline_formset([]),
        "questions": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def _question_form(number: int, text: str):
    from wagtail.test.utils.form_data import streamfield

    return {"number": str(number), "text": text, "sub_questions": streamfield([])}


@pytest.fixture
def admin_client(client, consultation):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_admin_shows_the_bilingual_error_and_keeps_the_page(admin_client, consultation):
    from bs4 import BeautifulSoup

    original_end = consultation.end_time
    response = admin_client.post(
        f"/admin/pages/{consultation.pk}/edit/",
        _edit_form(consultation, start_time="10:00", end_time="09:00"),
    )
    assert response.status_code == 200
    page_text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert "Sluttiden måste vara efter starttiden" in page_text
    assert "end time must be after" not in page_text
    consultation.refresh_from_db()
    assert consultation.end_time == original_end
    assert not consultation.has_unpublished_changes




@pytest.mark.parametrize("action", ["save-draft", "publish"])
def test_admin_refuses_duplicate_question_numbers(admin_client, consultation, action):
    from wagtail.test.utils.form_data import inline_formset

    questions = inline_formset([_question_form(1, "Vad fungerar?"), _question_form(1, "Vad saknas?")])
    data = _edit_form(consultation, questions=questions)
    if action == "publish":
        data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/pages/{consultation.pk}/edit/", data)
    assert response.status_code == 200
    assert "Två diskussionsfrågor har samma nummer" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.get_latest_revision().content.get("questions", []) == []


def test_admin_saves_a_valid_edit(admin_client, consultation):
    from wagtail.test.utils.form_data import inline_formset

    questions = inline_formset([_question_form(1, "Vad fungerar?"), _question_form(2, "Vad saknas?")])
    response = admin_client.post(
        f"/admin/pages/{consultation.pk}/edit/",
        _edit_form(consultation, end_time="12:30", questions=questions),
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    draft = consultation.get_latest_revision_as_object()
    assert draft.end_time == dt.time(12, 30)
    assert [question.number for question in draft.questions.all()] == [1, 2]
