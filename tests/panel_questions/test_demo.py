"""The demo's questions: 2024's closed (answered, follow-ups, one answered in writing), an open queue
today; a second run changes nothing."""

import pytest

from demo.services import demo_seed
from panel_questions.models import PanelQuestion, QuestionQueue, QuestionStatus

pytestmark = pytest.mark.django_db


def test_the_demo_shows_both_consultations_questions_and_runs_twice(client):
    demo_seed()
    closed, live = QuestionQueue.objects.order_by("consultation__date")
    assert not closed.is_open and live.is_open
    past = PanelQuestion.objects.filter(consultation=closed.consultation)
    assert past.filter(status=QuestionStatus.FOLLOW_UP).count() == 1
    assert past.filter(status=QuestionStatus.ANSWERED).exclude(answer="").count() == 1
    assert (
        PanelQuestion.objects.filter(consultation=live.consultation, status=QuestionStatus.APPROVED).count()
        == 3
    )
    count = PanelQuestion.objects.count()
    assert demo_seed().get("panel question", {}).get("created", 0) == 0
    assert PanelQuestion.objects.count() == count
