"""Needs are for the organisers: the link's holder sees only their own organisation's; the erase command
removes needs after the event and keeps the fact that someone attended."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import ConsultationPage
from invitations.models import Attendee
from invitations.services import AttendeeData, attendee_check_in, rsvp_accept

from . import factories

pytestmark = pytest.mark.django_db


def named(name, email, *, other="", diet=""):
    return AttendeeData(
        name=name,
        email=email,
        access_needs=("interpreter", "other"),
        access_needs_other=other,
        dietary_needs=diet,
    )


def test_needs_never_reach_another_organisations_link(client, consultation, invite, commit):
    alfa, beta = factories.organisation(name="Alfa"), factories.organisation(name="Beta")
    a, b = invite(consultation, alfa, beta)
    with commit():
        rsvp_accept(
            token=a,
            attendees=[named("Alva Alfasson", "alva@alfa.se", other="Ledhund-ALFA", diet="Nötallergi-ALFA")],
        )
        rsvp_accept(
            token=b,
            attendees=[named("Bo Betasson", "bo@beta.se", other="Ledsagare-BETA", diet="Laktosfri-BETA")],
        )
    for language in ("sv", "en"):
        page = client.get(factories.rsvp_path(b, language)).content.decode()
        assert "Ledsagare-BETA" in page and "Laktosfri-BETA" in page  # their own, shown back
        for secret in ("Ledhund-ALFA", "Nötallergi-ALFA", "Alva Alfasson", "alva@alfa.se"):
            assert secret not in page
    public = client.get(consultation.url).content.decode()
    for secret in ("Ledhund-ALFA", "Laktosfri-BETA", "alva@alfa.se", "Bo Betasson"):
        assert secret not in public


def held(days_ago: int) -> ConsultationPage:
    page = factories.consultation(days_ahead=5, deadline_in=dt.timedelta(days=1))
    date = timezone.localdate() - dt.timedelta(days=days_ago)
    ConsultationPage.objects.filter(pk=page.pk).update(
        date=date, rsvp_deadline=timezone.now() - dt.timedelta(days=days_ago + 1)
    )
    return page


def attendee(consultation, email) -> Attendee:
    invitation = consultation.invitations.create(organisation=factories.organisation())
    return Attendee.objects.create(
        invitation=invitation,
        consultation=consultation,
        name="Anna Lind",
        email=email,
        access_needs=["wheelchair"],
        access_needs_other="Ramp",
        dietary_needs="Vegan",
    )


def test_the_erase_command_erases_needs_after_the_retention_and_keeps_attendance(settings, organiser):
    settings.SAKRAD_NEEDS_RETENTION_DAYS = 30
    old, recent = attendee(held(31), "old@example.org"), attendee(held(10), "recent@example.org")
    attendee_check_in(attendee=old, user=organiser)

    call_command("erase_attendee_needs")

    old.refresh_from_db()
    assert (old.access_needs, old.access_needs_other, old.dietary_needs) == ([], "", "")
    assert old.needs_erased_at is not None
    assert old.checked_in_at is not None and old.name == "Anna Lind"  # who attended stays
    recent.refresh_from_db()
    assert recent.dietary_needs == "Vegan" and recent.needs_erased_at is None

    call_command("erase_attendee_needs", "--days", "7")
    recent.refresh_from_db()
    assert (recent.access_needs, recent.dietary_needs) == ([], "")


def test_the_retention_period_is_a_setting(settings):
    recent = attendee(held(10), "recent@example.org")
    settings.SAKRAD_NEEDS_RETENTION_DAYS = 5
    call_command("erase_attendee_needs")
    recent.refresh_from_db()
    assert recent.needs_erased_at is not None
