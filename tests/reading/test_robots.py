"""robots.txt, read as a crawler reads it: the published site is open, the private areas are not."""

from urllib.robotparser import RobotFileParser

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def robots(client) -> RobotFileParser:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    parser = RobotFileParser()
    parser.parse(response.content.decode().splitlines())
    return parser


def english(path: str) -> str:
    return f"/en{path}"


def test_crawlers_may_read_what_is_published(client, world):
    parser = robots(client)
    published = [
        "/",
        world.index.get_url(),
        world.consultation.get_url(),
        world.minutes.get_url(),
        english(world.minutes.get_url()),
        reverse("feeds:minutes"),
        reverse("cycle:calendar"),
        "/api/v2/pages/",
        "/sitemap.xml",
        world.document.url,
    ]
    assert [path for path in published if not parser.can_fetch("Googlebot", path)] == []


def test_crawlers_are_kept_out_of_private_areas(client, world):
    parser = robots(client)
    private = [
        "/admin/",
        "/django-admin/",
        reverse("account_login"),
        reverse("accounts:my_page"),
        reverse("privacy:export"),
        reverse("invitations:rsvp", args=[world.rsvp_token]),
        reverse("breakouts:group", args=[world.breakout_group.pk]),
        reverse("breakouts:plenary", args=[world.consultation.pk]),
        reverse("search") + "?q=unga",
    ]
    with translation.override("en"):
        private += [reverse("account_login"), reverse("invitations:rsvp", args=[world.rsvp_token])]
    assert [path for path in private if parser.can_fetch("Googlebot", path)] == []


def test_the_sitemap_is_named_with_the_sites_address_and_answers(client, world):
    parser = robots(client)
    assert parser.site_maps() == ["http://testserver/sitemap.xml"]
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200 and world.minutes.get_url() in sitemap.content.decode()


def test_anonymous_visitors_share_one_stored_answer(client, world, django_assert_num_queries):
    first = client.get("/robots.txt")
    assert first["Cache-Control"] == "public, no-cache"
    with django_assert_num_queries(0):
        again = client.get("/robots.txt")
    assert again.content == first.content
