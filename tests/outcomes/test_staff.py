"""Staff set the register's fields where they set statuses and follow-ups: the minutes' "What happened
next" screen (minutes/admin_follow_up.py): the responsible unit, the kind of a follow-up and its link."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from minutes.models import FollowUp, Takeaway
from minutes.models.follow_up import FollowUpKind
from minutes.services.follow_up import follow_up_add
from tests.outcomes.helpers import published_minutes, takeaways_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes(index, people):
    return published_minutes(
        index, title="Sakråd om fritid", takeaways=("Öppna skolgårdarna", "Fler mentorer")
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_organiser_sets_a_unit_on_the_status_screen(minutes, organiser, client):
    first, second = takeaways_of(minutes)
    screen = reverse("follow_up_admin:index", args=[minutes.pk])
    staff = logged_in(organiser)
    assert f'name="unit-{first.pk}"' in staff.get(screen).content.decode()
    response = staff.post(
        screen,
        {
            f"status-{first.pk}": "open",
            f"status-{second.pk}": "open",
            f"unit-{first.pk}": "  Skolenheten ",
            f"unit-{second.pk}": "",
        },
    )
    assert response.status_code == 302
    assert Takeaway.objects.get(pk=first.pk).responsible_unit == "Skolenheten"
    assert "Skolenheten" in client.get(reverse("outcomes:takeaway", args=[first.pk])).content.decode()


def test_the_organiser_adds_a_decision_with_its_link(minutes, organiser):
    first = takeaways_of(minutes)[0]
    response = logged_in(organiser).post(
        reverse("follow_up_admin:add", args=[minutes.pk]),
        {
            "date": "2025-02-03",
            "kind": "decision",
            "text": rich_text("<p>Beslut om bidrag.</p>"),
            "link": "https://www.regeringen.se/beslut/2025/1",
            "answers": [first.pk],
            "answers_status": "answered",
        },
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert follow_up.kind == FollowUpKind.DECISION and follow_up.link.endswith("/beslut/2025/1")


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,<script>x</script>", "ftp://example.org/x"]
)
def test_a_link_that_is_no_web_address_is_refused(minutes, organiser, link):
    with pytest.raises(ValidationError):
        follow_up_add(minutes=minutes, date=dt.date(2025, 1, 1), text="<p>x</p>", link=link, user=organiser)
    assert not FollowUp.objects.exists()


def test_an_unknown_kind_is_refused(minutes, organiser):
    with pytest.raises(ValidationError):
        follow_up_add(
            minutes=minutes, date=dt.date(2025, 1, 1), text="<p>x</p>", kind="rumour", user=organiser
        )


def test_the_approver_may_not_set_units(minutes, approver):
    first = takeaways_of(minutes)[0]
    response = logged_in(approver).post(
        reverse("follow_up_admin:index", args=[minutes.pk]),
        {f"status-{first.pk}": "open", f"unit-{first.pk}": "X"},
    )
    assert response.status_code == 403
    assert Takeaway.objects.get(pk=first.pk).responsible_unit == ""
