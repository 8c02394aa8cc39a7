"""Who is missing from an invitation list: the counties, kinds and themes the register has but nobody
on the list has, the organisations that would fill each, adding them through the invite service, and a
query count that does not grow with the register. As an organiser in the Organisers group."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from consultations.models import Theme
from invitations.gaps import OFFERED, invitation_gaps
from invitations.models import Invitation, InvitationStatus
from invitations.services import invitation_create_many
from organisations.models import Organisation

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    return factories.organiser_in_english()


@pytest.fixture
def staff_client(organiser):
    client = Client()
    client.force_login(organiser)
    return client


@pytest.fixture
def themes():
    return {
        slug: Theme.objects.create(name=name, slug=slug)
        for slug, name in (
            ("unga", "Young people"),
            ("arbete", "Work"),
            ("skola", "School"),
        )
    }


def org(name, kind="association", county="AB", themes=()):
    organisation = Organisation.objects.create(name=name, kind=kind, county=county)
    organisation.themes.set(themes)
    return organisation


def build_url(consultation):
    return reverse("invitations_admin:build", args=[consultation.pk])


def labels(gaps):
    return {
        "county": [gap.value for gap in gaps.counties],
        "kind": [gap.value for gap in gaps.kinds],
        "theme": [gap.label for gap in gaps.themes],
    }


def test_gaps_are_what_the_register_has_and_the_list_lacks(consultation, organiser, themes):
    stockholm = org("Unga i Stockholm", county="AB", themes=[themes["unga"]])
    gotland = org("Gotlands Skolförening", county="I", themes=[themes["skola"]])
    foundation = org("Stiftelsen Arbete", kind="foundation", county="AB", themes=[themes["arbete"]])
    withdrawn = org("Kalmar Föreningen", county="H")
    invitation_create_many(consultation=consultation, organisations=[stockholm, withdrawn], user=organiser)
    Invitation.objects.filter(organisation=withdrawn).update(status=InvitationStatus.WITHDRAWN)

    gaps = invitation_gaps(consultation=consultation)
    # Uppsala, say, is no gap: nobody in the register is there. Kalmar is: its one was withdrawn.
    assert labels(gaps) == {"county": ["I", "H"], "kind": ["foundation"], "theme": ["School", "Work"]}
    offered = {
        gap.key: [o.name for o in gap.organisations]
        for group in (gaps.counties, gaps.kinds, gaps.themes)
        for gap in group
    }
    assert offered["county-I"] == [gotland.name]
    assert offered["county-H"] == []  # withdrawn: not offered again
    assert offered["kind-foundation"] == [foundation.name]
    assert offered[f"theme-{themes['skola'].pk}"] == [gotland.name]
    assert gaps.listed == 1


def test_the_screen_shows_the_gaps_and_adds_the_ticked_organisations(
    staff_client, consultation, organiser, themes
):
    stockholm = org("Unga i Stockholm", themes=[themes["unga"]])
    gotland = org("Gotlands Skolförening", county="I", themes=[themes["skola"]])
    invitation_create_many(consultation=consultation, organisations=[stockholm], user=organiser)

    html = staff_client.get(build_url(consultation)).content.decode()
    assert "Who is missing" in html
    assert 'data-gap="county-I"' in html and 'data-gap="kind-association"' not in html
    assert f'data-gap="theme-{themes["skola"].pk}"' in html
    assert f'id="gap-county-I-{gotland.pk}"' in html

    # Ticked under two gaps (its county and its theme): added once, through the invite service.
    response = staff_client.post(build_url(consultation), {"organisations": [gotland.pk, gotland.pk]})
    assert response.status_code == 302
    assert Invitation.objects.filter(consultation=consultation, organisation=gotland).count() == 1
    html = staff_client.get(build_url(consultation)).content.decode()
    assert "data-no-gaps" in html


def test_an_empty_list_says_what_the_panel_will_show(staff_client, consultation):
    org("Unga i Stockholm")
    html = staff_client.get(build_url(consultation)).content.decode()
    assert "Who is missing" in html and "data-gap=" not in html


def test_at_most_a_few_are_offered_per_gap_and_the_rest_counted(consultation, organiser):
    invitation_create_many(consultation=consultation, organisations=[org("På listan")], user=organiser)
    for number in range(OFFERED + 3):
        org(f"Gotlandsförening {number:02d}", county="I")
    [gotland] = [gap for gap in invitation_gaps(consultation=consultation).counties if gap.value == "I"]
    assert len(gotland.organisations) == OFFERED and gotland.more == 3


def _queries(client, consultation) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(build_url(consultation)).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_register(staff_client, consultation, organiser, themes):
    invitation_create_many(consultation=consultation, organisations=[org("På listan")], user=organiser)
    counties = ["I", "H", "K", "M"]

    def grow(count, start):
        for number in range(start, start + count):
            org(
                f"Förening {number:03d}",
                kind=["association", "foundation", "other"][number % 3],
                county=counties[number % 4],
                themes=[list(themes.values())[number % 3]],
            )

    grow(5, 0)
    staff_client.get(build_url(consultation))  # warm the caches a first request fills
    small = _queries(staff_client, consultation)
    with CaptureQueriesContext(connection) as gaps_queries:
        invitation_gaps(consultation=consultation)
    assert len(gaps_queries) == 4
    grow(40, 5)
    assert _queries(staff_client, consultation) == small
