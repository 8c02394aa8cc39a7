"""No Gravatar in the admin (WAGTAIL_GRAVATAR_PROVIDER_URL = None): our CSP blocked its images, which
showed as broken pictures, and each would tell gravatar.com which staff member opened which page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.utils import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    return shared_world


def _admin_pages(world) -> list[str]:
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_pages:edit", args=[world.consultation.pk]),
        reverse("wagtailadmin_pages:history", args=[world.consultation.pk]),
        reverse("wagtailadmin_explore", args=[world.index.pk]),
    ]


@pytest.mark.parametrize("role", ["organiser", "approver"])
def test_the_admin_shows_no_avatar_from_elsewhere(world, role):
    client = world.client_for(role)
    for url in _admin_pages(world) if role == "organiser" else [reverse("wagtailadmin_home")]:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        # The sidebar's avatar travels in a JSON prop, not only in <img>: look at the whole page.
        assert "gravatar" not in content.lower(), url
        for image in html(response).select("img[src]"):
            assert image["src"].startswith("/") and not image["src"].startswith("//"), (url, image["src"])
