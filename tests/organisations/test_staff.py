"""Staff see in the organisation's history what the contact person changed and when, old and new; they
send the contact person's link from the admin. Approvers, who keep no register, may not."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from organisation_details.log_actions import LINK_SEND
from organisations.models import Organisation
from tests.minutes.workflow_helpers import staff

from .conftest import details_post, logged_in

pytestmark = pytest.mark.django_db


def history(organisation) -> str:
    return reverse("wagtailsnippets_organisations_organisation:history", args=[organisation.pk])


def contact_screen(organisation) -> str:
    return reverse("organisation_details_admin:contact", args=[organisation.pk])


def test_the_history_shows_what_changed_old_and_new(client, organisation, link, organiser, themes):
    client.post(
        link["en"],
        details_post(organisation, name="Föreningen Framtid Sverige", county="C", themes=[str(themes[0].pk)]),
    )
    page = logged_in(organiser).get(history(organisation))
    assert page.status_code == 200
    text = page.content.decode()
    assert "“Föreningen Framtid” → “Föreningen Framtid Sverige”" in text
    assert "Unga och trygghet" in text
    assert "Uppsala" in text  # the county as words, not its code


def test_organisers_send_the_link_from_the_admin(organisation, organiser, commit):
    client = logged_in(organiser)
    screen = client.get(contact_screen(organisation))
    assert screen.status_code == 200 and organisation.contact_email in screen.content.decode()
    listing = client.get(reverse("wagtailsnippets_organisations_organisation:list")).content.decode()
    assert contact_screen(organisation) in listing
    with commit():
        response = client.post(contact_screen(organisation))
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [organisation.contact_email]
    assert ModelLogEntry.objects.filter(action=LINK_SEND, user=organiser).exists()


def test_without_a_contact_email_nothing_is_sent(organiser, commit):
    organisation = Organisation.objects.create(name="Stiftelsen Stöd", kind="foundation")
    with commit():
        response = logged_in(organiser).post(contact_screen(organisation), follow=True)
    assert response.status_code == 200
    assert not mail.outbox


def test_approvers_may_not_send_links(organisation, commit):
    approver = staff(organiser_email="o2@example.org", approver_email="g2@example.org")[1]
    client = logged_in(approver)
    assert client.get(contact_screen(organisation)).status_code == 403
    with commit():
        assert client.post(contact_screen(organisation)).status_code == 403
    assert not mail.outbox


def test_markup_in_a_change_is_text_in_the_history(client, organisation, link, organiser):
    client.post(link["sv"], details_post(organisation, name="<script>alert(1)</script>"))
    text = logged_in(organiser).get(history(organisation)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert(1)" not in text
