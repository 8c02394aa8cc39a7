"""Staff mark each takeaway open, in progress or answered; the public minutes say which, in words."""

import pytest

from minutes.models import MinutesPage
from minutes.models.takeaway import TakeawayStatus
from tests.carry_over.conftest import takeaway, with_takeaways
from tests.factories import ConsultationPageFactory
from tests.utils import html, text_of, url_in

pytestmark = pytest.mark.django_db


def test_a_new_takeaway_is_open(index):
    minutes = with_takeaways(ConsultationPageFactory(parent=index), [TakeawayStatus.OPEN])
    assert minutes.takeaways.get().status == TakeawayStatus.OPEN


def test_the_status_is_edited_with_the_takeaways(cycle, organiser):
    form_class = MinutesPage.get_edit_handler().get_form_class()
    form = form_class(instance=cycle.minutes, for_user=organiser)
    field = form.formsets["takeaways"].forms[0].fields["status"]
    assert {value for value, _label in field.choices} >= {"open", "in_progress", "answered"}


def test_the_status_is_kept_in_the_revision_and_published(cycle):
    draft = cycle.minutes.get_latest_revision_as_object()
    rows = list(draft.takeaways.all())
    for row in rows:
        row.status = TakeawayStatus.ANSWERED
    draft.takeaways = rows
    draft.save_revision().publish()
    assert set(cycle.minutes.takeaways.values_list("status", flat=True)) == {TakeawayStatus.ANSWERED}


def test_the_public_minutes_show_each_status_in_words(client, cycle):
    document = html(client.get(url_in(cycle.minutes, "en")))
    for status, words in [
        (TakeawayStatus.OPEN, "Open"),
        (TakeawayStatus.IN_PROGRESS, "In progress"),
        (TakeawayStatus.ANSWERED, "Has been answered"),
    ]:
        item = document.find(id=f"medskick-{takeaway(cycle.minutes, status).pk}")
        assert f"Status: {words}" in text_of(item)
