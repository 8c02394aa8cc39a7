"""/granska/<minutes id>/: the attendees' review page: who sees it, what it shows, what it takes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from corrections.models import CorrectionSuggestion, SuggestionStatus
from corrections.services import correction_decline, correction_suggest
from minutes.models import MinutesPage
from tests.corrections.conftest import logged_in, review_url
from tests.factories import ConsultationPageFactory, OrganisationFactory, UserFactory
from tests.minutes.conftest import invite
from tests.minutes.workflow_helpers import publish

pytestmark = pytest.mark.django_db

TAKEAWAY = "Question 1, takeaway 1"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def english_url(minutes) -> str:
    return review_url(minutes)  # reversed under the English override: /en/granska/<id>/


def post(client, draft, text, label=TAKEAWAY):
    return client.post(english_url(draft.minutes), {"passage": draft.passage(label).key, "text": text})


# --- who sees it -----------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(review, draft, client):
    response = client.get(english_url(draft.minutes))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.post(english_url(draft.minutes), {"text": "x"}).status_code == 302
    assert not CorrectionSuggestion.objects.exists()


def test_a_participant_of_the_same_organisation_who_was_not_there_gets_404(review, draft):
    colleague = UserFactory(organisation=draft.held.attended[0])
    assert logged_in(colleague).get(english_url(draft.minutes)).status_code == 404


def test_named_but_never_checked_in_gets_404(review, draft):
    absent = UserFactory(organisation=draft.held.absent[0])
    invite(draft.held.consultation, draft.held.absent[0], user=absent)
    assert logged_in(absent).get(english_url(draft.minutes)).status_code == 404


def test_an_attendee_of_another_consultation_gets_404(review, draft, index):
    other = ConsultationPageFactory(parent=index, title="Ett annat sakråd")
    client = logged_in(invite(other, OrganisationFactory(name="Annan förening"), checked_in=True))
    assert client.get(english_url(draft.minutes)).status_code == 404
    response = client.post(english_url(draft.minutes), {"passage": draft.passage(TAKEAWAY).key, "text": "x"})
    assert response.status_code == 404
    assert not CorrectionSuggestion.objects.exists()


def test_no_review_no_page_even_for_attendees(draft):
    assert logged_in(draft.attendees[0]).get(english_url(draft.minutes)).status_code == 404


def test_unknown_minutes_are_404(review, draft):
    assert logged_in(draft.attendees[0]).get(f"/en/granska/{draft.minutes.pk + 999}/").status_code == 404


def test_staff_with_rights_may_look_but_not_suggest(review, draft, organiser):
    response = logged_in(organiser).get(english_url(draft.minutes))
    assert response.status_code == 200
    assert "Fler mötesplatser på kvällstid" in response.content.decode()
    assert "<form" not in response.content.decode().split('id="draft-heading"')[1]


# --- what it shows ---------------------------------------------------------------------------


def test_an_attendee_sees_the_latest_draft_with_a_form_per_passage(review, draft, organiser):
    page = MinutesPage.objects.get(pk=draft.minutes.pk).get_latest_revision_as_object()
    page.title = "Utkast med ändrad rubrik"
    page.save_revision(user=organiser)  # a newer revision than the compiled one; nothing is live anyway

    response = logged_in(draft.attendees[0]).get(english_url(draft.minutes))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Utkast med ändrad rubrik" in html
    assert "1. Hur når vi fler unga?" in html and "2. Vad behöver föreningarna av staten?" in html
    for text in (
        "Fler mötesplatser på kvällstid",
        "Bidragen är för kortsiktiga",
        "Enklare ansökningar till staten",
    ):
        assert text in html
    assert "Your correction to Question 1, takeaway 1" in html
    assert html.count("<details") == len(response.context["review"].passages)
    deadline = timezone.localtime(review.deadline)
    assert (
        f"Suggestions can be sent until {deadline:%-d} {deadline:%B} {deadline:%Y} at {deadline:%H:%M}"
        in html
    )


def test_after_the_deadline_the_page_is_read_only(review, draft, freeze_now):
    freeze_now(review.deadline + dt.timedelta(minutes=1))
    response = logged_in(draft.attendees[0]).get(english_url(draft.minutes))
    html = response.content.decode()
    assert response.status_code == 200
    assert "The review closed on" in html
    assert "<details" not in html and "Fler mötesplatser på kvällstid" in html


def test_published_minutes_say_so_and_take_nothing(review, draft, organiser):
    publish(draft.minutes, organiser)
    client = logged_in(draft.attendees[0])
    html = client.get(english_url(draft.minutes)).content.decode()
    assert "These minutes are published" in html and "<details" not in html
    response = post(client, draft, "Ny text")
    assert response.status_code == 400
    assert not CorrectionSuggestion.objects.exists()


def test_own_suggestions_are_listed_never_others(review, draft, organiser):
    key = draft.passage(TAKEAWAY).key
    mine = correction_suggest(
        minutes=draft.minutes, user=draft.attendees[0], passage_key=key, text="Min rättelse"
    )
    correction_suggest(
        minutes=draft.minutes, user=draft.attendees[1], passage_key=key, text="Någon annans rättelse"
    )
    correction_decline(suggestion=mine, user=organiser, note="Så sades det")
    html = logged_in(draft.attendees[0]).get(english_url(draft.minutes)).content.decode()
    assert "Min rättelse" in html and "Declined" in html and "Så sades det" in html
    assert "Någon annans rättelse" not in html


# --- what it takes ---------------------------------------------------------------------------


def test_a_suggestion_is_stored_and_the_attendee_sent_back(review, draft):
    client = logged_in(draft.attendees[0])
    response = post(client, draft, "Fler mötesplatser på kvällar")
    assert response.status_code == 302 and response["Location"] == english_url(draft.minutes)
    suggestion = CorrectionSuggestion.objects.get()
    assert suggestion.status == SuggestionStatus.PENDING and suggestion.author == draft.attendees[0]
    page = client.get(english_url(draft.minutes)).content.decode()
    assert "Your correction has been sent" in page and "Fler mötesplatser på kvällar" in page


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write the passage as it should read."), ("x" * 1001, "at most 1000 characters")],
)
def test_bad_text_re_renders_with_an_error_summary(review, draft, text, message):
    response = post(logged_in(draft.attendees[0]), draft, text)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html and message in html
    assert re.search(r'<details class="correction-passage__suggest" open>', html)
    assert not CorrectionSuggestion.objects.exists()


def test_after_the_deadline_a_post_is_refused_and_nothing_stored(review, draft, freeze_now):
    client = logged_in(draft.attendees[0])
    freeze_now(review.deadline + dt.timedelta(seconds=1))  # the form was loaded before; sent after
    response = post(client, draft, "För sent")
    assert response.status_code == 400
    assert "The review closed on" in response.content.decode()
    assert not CorrectionSuggestion.objects.exists()


def test_an_unknown_passage_is_refused(review, draft):
    response = logged_in(draft.attendees[0]).post(
        english_url(draft.minutes), {"passage": "nope", "text": "x"}
    )
    assert response.status_code == 400
    assert "Choose a passage of the draft to correct." in response.content.decode()
    assert not CorrectionSuggestion.objects.exists()


def test_a_script_is_shown_escaped(review, draft):
    payload = "<script>alert(1)</script>"
    client = logged_in(draft.attendees[0])
    post(client, draft, payload)
    html = client.get(english_url(draft.minutes)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and payload not in html


# --- cost ------------------------------------------------------------------------------------


def test_the_page_takes_a_fixed_number_of_queries(review, draft, index, organiser, django_assert_num_queries):
    key = draft.passage(TAKEAWAY).key
    for text in ("Ett", "Två", "Tre"):
        correction_suggest(minutes=draft.minutes, user=draft.attendees[0], passage_key=key, text=text)
    client = logged_in(draft.attendees[0])
    client.get(english_url(draft.minutes))  # warm the site caches
    with django_assert_num_queries(QUERIES):
        assert client.get(english_url(draft.minutes)).status_code == 200


# Session, user, round, attendee check, the latest revision turned into a page (Wagtail loads its
# owner, locale, comments, organisations, tree; the takeaways' statuses, kept outside the revisions),
# own suggestions, the site chrome. Not per passage.
QUERIES = 21
