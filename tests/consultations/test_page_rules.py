"""Where each page type may be created: the admin offers only what these rules allow."""

import pytest
from wagtail.models import Page

from consultations.models import ConsultationIndexPage, ConsultationPage
from cycle.models import AnnualCyclePage
from home.models import HomePage, StandardPage
from minutes.models import MinutesPage
from tests.factories import ConsultationPageFactory, MinutesPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_created_only_once_at_the_root(home):
    root = Page.get_first_root_node()
    assert HomePage.can_exist_under(root)
    assert not HomePage.can_create_at(root), "a second home page must not be offered"
    assert not HomePage.can_create_at(home)


def test_home_page_may_be_created_at_the_root_while_there_is_none(db):
    assert not HomePage.objects.exists()
    assert HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_offers_only_the_index_the_annual_cycle_and_standard_pages(home):
    assert set(home.specific_class.allowed_subpage_models()) == {
        ConsultationIndexPage, StandardPage, AnnualCyclePage
    }


def test_consultation_index_lives_only_under_the_home_page(home, index):
    assert ConsultationIndexPage.can_exist_under(home)
    assert not ConsultationIndexPage.can_exist_under(Page.get_first_root_node())
    assert not ConsultationIndexPage.can_exist_under(StandardPageFactory())
    assert not ConsultationIndexPage.can_exist_under(ConsultationPageFactory(parent=index))


def test_only_one_consultation_index(home, index):
    assert not ConsultationIndexPage.can_create_at(home)


def test_consultation_pages_live_only_under_the_index(home, index):
    assert ConsultationPage.can_create_at(index)
    consultation = ConsultationPageFactory(parent=index)
    for parent in (home, StandardPageFactory(), consultation, Page.get_first_root_node()):
        assert not ConsultationPage.can_create_at(parent), parent
    assert index.specific_class.allowed_subpage_models() == [ConsultationPage]


def test_minutes_live_only_under_a_consultation(home, index):
    consultation = ConsultationPageFactory(parent=index)
    assert MinutesPage.can_create_at(consultation)
    for parent in (home, index, StandardPageFactory(), Page.get_first_root_node()):
        assert not MinutesPage.can_create_at(parent), parent
    assert consultation.specific_class.allowed_subpage_models() == [MinutesPage]


def test_at_most_one_minutes_page_per_consultation(index):
    with_minutes = ConsultationPageFactory(parent=index)
    without_minutes = ConsultationPageFactory(parent=index)
    MinutesPageFactory(parent=with_minutes)

    assert not MinutesPage.can_create_at(with_minutes)
    assert MinutesPage.can_create_at(without_minutes), "the limit is per consultation, not site-wide"


def test_a_draft_minutes_page_also_counts(index):
    consultation = ConsultationPageFactory(parent=index)
    MinutesPageFactory(parent=consultation, publish=False)
    assert not MinutesPage.can_create_at(consultation)


def test_minutes_have_no_children(index):
    minutes = MinutesPageFactory(parent=ConsultationPageFactory(parent=index))
    assert minutes.specific_class.allowed_subpage_models() == []


def test_standard_pages_nest_under_home_and_each_other(home):
    about = StandardPageFactory(parent=home)
    assert StandardPage.can_create_at(home)
    assert StandardPage.can_create_at(about)
    assert about.specific_class.allowed_subpage_models() == [StandardPage]


def test_standard_pages_are_not_offered_inside_consultations(index):
    consultation = ConsultationPageFactory(parent=index)
    assert not StandardPage.can_create_at(index)
    assert not StandardPage.can_create_at(consultation)
