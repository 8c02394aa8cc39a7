"""The next consultation on a theme is offered the takeaways not yet answered in the published
minutes of earlier consultations on that theme, and nothing else."""

import datetime as dt

import pytest
from django.urls import reverse

from consultations.models import ConsultationPage
from cycle.carry_over import takeaway_choices, takeaways_to_offer
from cycle.consultation_extensions import CARRY_OVER_NO_THEMES
from minutes.models.takeaway import TakeawayStatus
from tests.carry_over.conftest import logged_in, next_consultation
from tests.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db


def test_open_and_in_progress_of_published_minutes_on_a_shared_theme(index, cycle):
    page = next_consultation(index, cycle.theme)
    offered = set(takeaways_to_offer(consultation=page))
    assert offered == {cycle.open, cycle.in_progress}
    assert cycle.answered not in offered
    assert not offered & set(cycle.draft_minutes.takeaways.all()), "a draft's takeaways are not offered"
    assert not offered & set(cycle.elsewhere_minutes.takeaways.all()), "another theme's are not offered"


def test_each_offer_names_its_consultation(index, cycle):
    page = next_consultation(index, cycle.theme)
    row = takeaways_to_offer(consultation=page).get(pk=cycle.open.pk)
    assert row.consultation_title == cycle.earlier.title
    assert row.consultation_date == cycle.earlier.date


def test_only_earlier_consultations(index, cycle):
    before = next_consultation(index, cycle.theme, date=cycle.earlier.date - dt.timedelta(days=30))
    assert not takeaways_to_offer(consultation=before).exists()


def test_no_theme_no_offer(index, cycle):
    page = ConsultationPageFactory(parent=index, themes=[])
    assert not takeaways_to_offer(consultation=page).exists()


def test_a_choice_made_is_kept_after_it_is_answered(index, cycle):
    chosen = cycle.open
    page = next_consultation(index, cycle.theme, carried=[chosen])
    chosen.__class__.objects.filter(pk=chosen.pk).update(status=TakeawayStatus.ANSWERED)
    assert chosen in set(takeaway_choices(consultation=page))
    assert chosen not in set(takeaways_to_offer(consultation=page))


def test_the_editor_offers_them_as_checkboxes(index, cycle, organiser):
    page = next_consultation(index, cycle.theme)
    response = logged_in(organiser).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'name="carried_takeaways" value="{cycle.open.pk}"' in content
    assert f'name="carried_takeaways" value="{cycle.in_progress.pk}"' in content
    assert cycle.earlier.title in content
    offered_values = {
        int(chunk.split('"', 1)[0]) for chunk in content.split('name="carried_takeaways" value="')[1:]
    }
    assert offered_values == {cycle.open.pk, cycle.in_progress.pk}


def test_a_new_page_explains_to_pick_themes_first(index, cycle, organiser):
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk])
    response = logged_in(organiser).get(url)
    assert response.status_code == 200
    assert 'name="carried_takeaways" value=' not in response.content.decode()
    form_class = ConsultationPage.get_edit_handler().get_form_class()
    form = form_class(instance=ConsultationPage(), for_user=organiser, parent_page=index)
    assert form.fields["carried_takeaways"].help_text == CARRY_OVER_NO_THEMES


def test_the_form_field_offers_the_same(index, cycle, organiser):
    page = next_consultation(index, cycle.theme, publish=False)
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, for_user=organiser, parent_page=index)
    assert set(form.fields["carried_takeaways"].queryset) == {cycle.open, cycle.in_progress}
