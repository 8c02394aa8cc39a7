"""Images on public pages come in sizes for ordinary and dense screens (srcset), with width and
height so the text does not jump when they arrive, and load lazily below the fold."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from home.models import StandardPage
from tests.factories import paragraph
from tests.reading.growth import image_block, photo
from tests.world import World

pytest_plugins = ["tests.reading.fixtures"]
pytestmark = pytest.mark.django_db


def images(url: str, selector: str) -> list:
    response = Client().get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select(selector)


def candidate_widths(image) -> list[int]:
    return [int(candidate.split()[1].removesuffix("w")) for candidate in image["srcset"].split(",")]


def test_person_photo_has_a_2x_source_and_its_size(grown_world: World):
    photos = images(grown_world.consultation.get_url(), "main .person__photo")
    assert photos, "the speakers are shown with their photos"
    for image in photos:
        assert candidate_widths(image) == [80, 160]
        assert (image["width"], image["height"]) == ("80", "80")
        assert image["loading"] == "lazy"


def test_image_block_has_sizes_to_choose_from_and_its_size(grown_world: World):
    [image] = images(grown_world.standard_page.get_url(), "main .block-image__img")
    assert candidate_widths(image) == [480, 800, 1200]
    assert (image["width"], image["height"]) == ("480", "360")
    assert image["sizes"]


def test_only_an_image_that_opens_the_body_loads_at_once(grown_world: World):
    page = StandardPage.objects.get(pk=grown_world.standard_page.pk)
    page.body = [image_block(photo("Överst")), paragraph("<p>Text.</p>"), image_block(photo("Längre ned"))]
    page.save()
    first, later = images(page.get_url(), "main .block-image__img")
    assert first.get("loading") == "eager"
    assert later.get("loading") == "lazy"
