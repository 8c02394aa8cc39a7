"""Staff mark each takeaway open, in progress or answered on the minutes' follow-up screen, outside the
page's revisions; the public minutes say which, in words."""

import pytest

from minutes.models import MinutesPage
from minutes.models.takeaway import TakeawayStatus
from minutes.services.follow_up import takeaway_statuses_set
from tests.carry_over.conftest import takeaway, with_takeaways
from tests.factories import ConsultationPageFactory
from tests.utils import html, text_of, url_in

pytestmark = pytest.mark.django_db


def test_a_new_takeaway_is_open(index):
    minutes = with_takeaways(ConsultationPageFactory(parent=index), [TakeawayStatus.OPEN])
    assert minutes.takeaways.get().status == TakeawayStatus.OPEN


def test_the_editor_has_the_text_but_not_the_status(cycle, organiser):
    """The status is set on its own screen: an edit in the page editor would send published minutes
    through approval again."""
    form_class = MinutesPage.get_edit_handler().get_form_class()
    form = form_class(instance=cycle.minutes, for_user=organiser)
    fields = form.formsets["takeaways"].forms[0].fields
    assert "text" in fields and "status" not in fields
    assert "follow_ups" not in form.formsets


def test_publishing_a_revision_never_turns_a_status_back(cycle, organiser):
    older = cycle.minutes.get_latest_revision()
    takeaway_statuses_set(
        minutes=cycle.minutes, statuses={cycle.open.pk: TakeawayStatus.ANSWERED}, user=organiser
    )
    older.publish()
    draft = MinutesPage.objects.get(pk=cycle.minutes.pk).get_latest_revision_as_object()
    draft.save_revision().publish()
    statuses = set(cycle.minutes.takeaways.values_list("status", flat=True))
    assert statuses == {TakeawayStatus.ANSWERED, TakeawayStatus.IN_PROGRESS}
    assert {row.status for row in draft.takeaways.all()} == statuses, "the editor reads the status as it is"


def test_the_public_minutes_show_each_status_in_words(client, cycle):
    document = html(client.get(url_in(cycle.minutes, "en")))
    for status, words in [
        (TakeawayStatus.OPEN, "Open"),
        (TakeawayStatus.IN_PROGRESS, "In progress"),
        (TakeawayStatus.ANSWERED, "Has been answered"),
    ]:
        item = document.find(id=f"medskick-{takeaway(cycle.minutes, status).pk}")
        assert f"Status: {words}" in text_of(item)
