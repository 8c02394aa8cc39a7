"""Rate limits: a flood from one address is throttled without blocking others; a site-wide cap."""

from __future__ import annotations

import pytest
from django.test import Client

from open_input.models import InputAnswer
from tests.open_input.conftest import send

pytestmark = pytest.mark.django_db


def from_address(address: str, **headers) -> Client:
    return Client(REMOTE_ADDR=address, **headers)


def test_one_address_is_throttled_after_its_allowance_and_others_still_get_through(
    consultation, period, settings
):
    settings.OPEN_INPUT_RATE_PER_ADDRESS = (3, 600)
    flooder = from_address("198.51.100.7")
    statuses = [send(flooder, consultation).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    throttled = send(flooder, consultation)
    assert throttled.status_code == 429
    assert "try again" in throttled.content.decode().lower() or "försök" in throttled.content.decode().lower()
    assert InputAnswer.objects.count() == 3

    assert send(from_address("198.51.100.8"), consultation).status_code == 302
    assert InputAnswer.objects.count() == 4


def test_the_default_allows_five_per_address(consultation, period):
    flooder = from_address("198.51.100.9")
    statuses = [send(flooder, consultation).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]


def test_the_site_wide_limit_holds_for_many_addresses(consultation, period, settings):
    settings.OPEN_INPUT_RATE_GLOBAL = (4, 3600)
    statuses = [send(from_address(f"192.0.2.{n}"), consultation).status_code for n in range(1, 7)]
    assert statuses == [302] * 4 + [429] * 2
    assert InputAnswer.objects.count() == 4


def test_an_invalid_form_uses_no_allowance(consultation, period, settings):
    settings.OPEN_INPUT_RATE_PER_ADDRESS = (1, 600)
    person = from_address("198.51.100.10")
    for _ in range(3):
        assert send(person, consultation, question_1="").status_code == 200  # corrects the mistake
    assert send(person, consultation).status_code == 302


def test_robots_caught_by_the_honeypot_use_up_their_allowance(consultation, period, settings):
    settings.OPEN_INPUT_RATE_PER_ADDRESS = (2, 600)
    robot = from_address("198.51.100.11")
    statuses = [send(robot, consultation, website="x").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert not InputAnswer.objects.exists()


def test_behind_the_proxy_clients_are_told_apart_by_the_address_it_adds(consultation, period, settings):
    """As the login rate limits: the last X-Forwarded-For entry, which the proxy wrote."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.OPEN_INPUT_RATE_PER_ADDRESS = (1, 600)
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert send(Client(HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy), consultation).status_code == 302
    # Putting another address first does not step out of the bucket.
    spoofed = Client(HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5", **proxy)
    assert send(spoofed, consultation).status_code == 429
    assert send(Client(HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy), consultation).status_code == 302
