"""A request not accepted is erased after SAKRAD_JOIN_REQUESTS_KEEP_DAYS: declined ones from the
decision, unconfirmed ones from the sending; waiting and accepted ones stay. A person's erasure takes
every request naming their address, and their export shows them."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from join_requests.models import JoinRequest, JoinRequestStatus
from privacy.services import person_erase, person_export
from tests.factories import UserFactory

from .conftest import pending_request

pytestmark = pytest.mark.django_db


def _aged(days: int, **fields) -> JoinRequest:
    join_request = pending_request(organisation_name=f"Förening {JoinRequest.objects.count()}", **fields)
    then = timezone.now() - dt.timedelta(days=days)
    JoinRequest.objects.filter(pk=join_request.pk).update(created_at=then)
    return join_request


def test_requests_not_accepted_are_erased_after_the_configured_time(settings):
    settings.SAKRAD_JOIN_REQUESTS_KEEP_DAYS = 30
    long_ago = timezone.now() - dt.timedelta(days=31)
    recently = timezone.now() - dt.timedelta(days=29)
    old_unconfirmed = _aged(31, status=JoinRequestStatus.UNCONFIRMED, confirmed_at=None)
    new_unconfirmed = _aged(29, status=JoinRequestStatus.UNCONFIRMED, confirmed_at=None)
    old_declined = _aged(200, status=JoinRequestStatus.DECLINED, decided_at=long_ago, decline_reason="Nej.")
    new_declined = _aged(200, status=JoinRequestStatus.DECLINED, decided_at=recently, decline_reason="Nej.")
    waiting = _aged(400)
    accepted = _aged(400, status=JoinRequestStatus.ACCEPTED, decided_at=long_ago)

    call_command("erase_join_requests", verbosity=0)
    left = set(JoinRequest.objects.values_list("pk", flat=True))
    assert left == {new_unconfirmed.pk, new_declined.pk, waiting.pk, accepted.pk}
    assert old_unconfirmed.pk not in left and old_declined.pk not in left

    call_command("erase_join_requests", verbosity=0)  # a second run finds nothing more
    assert JoinRequest.objects.count() == 4


def test_the_default_keeps_them_90_days(settings):
    assert settings.SAKRAD_JOIN_REQUESTS_KEEP_DAYS == 90
    kept = _aged(89, status=JoinRequestStatus.UNCONFIRMED, confirmed_at=None)
    _aged(91, status=JoinRequestStatus.UNCONFIRMED, confirmed_at=None)
    call_command("erase_join_requests", verbosity=0)
    assert list(JoinRequest.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_persons_export_shows_their_requests_and_erasure_removes_them(db):
    person = UserFactory(email="ada@nyrost.example.org")
    mine = pending_request(contact_email="Ada@Nyrost.example.org")
    other = pending_request(organisation_name="Annan Förening", contact_email="bo@example.org")
    exported = person_export(user=person)["requests_to_take_part"]
    assert [row["organisation"] for row in exported] == [mine.organisation_name]
    superuser = UserFactory(email="chef@example.org", is_superuser=True)
    person_erase(person=person, user=superuser, mode="pseudonymise")
    assert list(JoinRequest.objects.values_list("pk", flat=True)) == [other.pk]
