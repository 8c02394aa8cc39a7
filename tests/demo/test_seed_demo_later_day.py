"""Running the demo again on a later day leaves the consultation held "today" as it was.

Its own module: tests/demo/test_seed_demo.py seeds once for all its tests, on the real date."""

import datetime as dt

import pytest

from consultations.models import ConsultationPage
from demo.content.today import TODAY
from demo.services import demo_seed
from notes.models import NoteUpdate
from tests.demo.test_seed_demo import _groups

pytestmark = pytest.mark.django_db


def test_a_run_on_a_later_day_keeps_the_day_and_the_groups(db):
    held_on = dt.date(2026, 3, 10)
    demo_seed(today=held_on)
    groups, points = _groups(), NoteUpdate.objects.count()
    demo_seed(today=held_on + dt.timedelta(days=9))
    assert ConsultationPage.objects.get(slug=TODAY["slug"]).date == held_on
    assert _groups() == groups
    assert NoteUpdate.objects.count() == points
