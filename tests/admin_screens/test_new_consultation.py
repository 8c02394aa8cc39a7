"""Creating a consultation as the organiser: an ASCII slug the admin proposes from the title, saving a
draft then publishing it (the flow autosave broke), and boxes to tick for themes and organisations."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from consultations.models import ConsultationPage, Theme
from minutes.models import MinutesPage
from tests.utils import html
from tests.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module: each test still runs in its own savepoint and changes nothing lasting."""
    return shared_world


def _add_url(world: World) -> str:
    return reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", world.index.pk])


def _form(**changes) -> dict:
    data = {
        "title": "Sakråd om äldre",
        "slug": "",
        "kind": "consultation",
        "ministry": "Socialdepartementet",
        "unit": "",
        "date": "2031-05-14",
        "start_time": "09:00",
        "end_time": "12:00",
        "format": "in_person",
        "venue_name": "Rosenbad",
        "venue_address": "Rosenbad 4, Stockholm",
        "online_link": "",
        "introduction": "",
        "seats_per_organisation": "2",
        "body": streamfield([]),
        "agenda": streamfield([]),
        "recordings": streamfield([]),
        "speakers": inline_formset([]),
        "questions": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_the_slug_field_proposes_no_a_ring_or_umlauts(world: World, organiser):
    """The admin's script proposes the slug from the title, keeping å/ä/ö only where the widget says so
    (Django leaves a false boolean attribute out)."""
    slug = html(organiser.get(_add_url(world))).find("input", attrs={"name": "slug"})
    assert slug["data-controller"] == "w-slug"
    assert not slug.has_attr("data-w-slug-allow-unicode-value")


def test_a_page_made_without_a_slug_gets_one_in_plain_letters(world: World):
    page = world.index.add_child(instance=ConsultationPage(title="Sakråd om äldre", **_required()))
    assert page.slug == "sakrad-om-aldre"


def _required() -> dict:
    import datetime as dt

    return {
        "ministry": "Socialdepartementet",
        "date": dt.date(2031, 5, 14),
        "start_time": dt.time(9),
        "end_time": dt.time(12),
        "venue_address": "Rosenbad 4, Stockholm",
    }


@pytest.mark.parametrize("slug", ["a b", "../x", "<script>", "sakrad/../../admin"])
def test_a_slug_that_is_no_slug_is_refused(world: World, organiser, slug):
    response = organiser.post(_add_url(world), _form(slug=slug))
    assert response.status_code == 200  # the form again, with its error
    assert not ConsultationPage.objects.filter(title="Sakråd om äldre").exists()
    assert response.context["form"].errors["slug"]


@pytest.mark.parametrize(("typed", "kept"), [("sakråd-om-äldre", "sakrad-om-aldre"), ("ÖL", "ol")])
def test_a_slug_typed_with_a_ring_or_umlauts_is_kept_in_plain_letters(world: World, organiser, typed, kept):
    organiser.post(_add_url(world), _form(slug=typed))
    assert ConsultationPage.objects.get(title="Sakråd om äldre").slug == kept


def test_the_editors_do_not_autosave(world: World, organiser):
    """Autosave made the page on the first pause in typing; "Publish" then posted the new-page form
    again and failed on its own slug. Without it, a new page is saved once, then edited."""
    for url in (_add_url(world), reverse("wagtailadmin_pages:edit", args=[world.consultation.pk])):
        form = html(organiser.get(url)).find("form", attrs={"data-controller": True})
        assert "w-autosave" not in form["data-controller"], url
        assert not form.has_attr("data-w-autosave-interval-value"), url


def test_saving_a_draft_then_publishing_it_works(world: World, organiser):
    response = organiser.post(_add_url(world), _form(slug="sakrad-om-aldre"))
    page = ConsultationPage.objects.get(slug="sakrad-om-aldre")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert response["Location"] == edit
    data = _form(slug="sakrad-om-aldre", **{"action-publish": "action-publish"})
    response = organiser.post(edit, data, follow=True)
    page.refresh_from_db()
    assert page.live, response.context.get("form") and response.context["form"].errors
    assert ConsultationPage.objects.filter(slug="sakrad-om-aldre").count() == 1


def test_themes_and_organisations_are_boxes_to_tick(world: World, organiser):
    Theme.objects.create(name="Äldre", slug="aldre")
    Theme.objects.create(name="Unga", slug="unga")
    edit = html(organiser.get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk])))
    assert edit.find("select", attrs={"name": "themes"}) is None
    assert len(edit.find_all("input", attrs={"type": "checkbox", "name": "themes"})) == 2

    minutes = MinutesPage.objects.child_of(world.held_consultation).first()
    page = html(organiser.get(reverse("wagtailadmin_pages:edit", args=[minutes.pk])))
    assert page.find("select", attrs={"name": "participating_organisations"}) is None
    boxes = page.find_all("input", attrs={"type": "checkbox", "name": "participating_organisations"})
    assert len(boxes) >= 2


def test_every_page_type_of_ours_keeps_a_typed_slug_in_plain_letters(world: World, organiser):
    """The same rule on the other page types an organiser adds (a standard page under the home page)."""
    from home.models import StandardPage

    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", world.home.pk])
    data = nested_form_data(
        {
            "title": "Om sakråd",
            "slug": "om-sakråd",
            "introduction": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = organiser.post(add, data)
    assert response.status_code in (200, 302)
    assert StandardPage.objects.get(title="Om sakråd").slug == "om-sakrad"
