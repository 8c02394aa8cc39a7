"""The year's page under the home page, and consultations placed on known days around FIXED_NOW
(Wednesday 12 March 2025, 14:00 in Stockholm)."""

import datetime as dt

import factory
import pytest
from wagtail.models import PageViewRestriction

from cycle.models import AnnualCyclePage
from tests.factories import ConsultationPageFactory, PageFactory, _default_home


class AnnualCyclePageFactory(PageFactory):
    class Meta:
        model = AnnualCyclePage

    parent = factory.LazyFunction(_default_home)
    title = "Årscykel"
    slug = "arscykel"
    introduction = "Årets sakråd, månad för månad."


@pytest.fixture
def cycle_page(home, now):
    return AnnualCyclePageFactory(parent=home)


@pytest.fixture
def add(index, now):
    """add(day, **fields) -> a live consultation on that day (a dt.date)."""

    def make(day: dt.date, **fields):
        return ConsultationPageFactory(parent=index, date=day, **fields)

    return make


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page
