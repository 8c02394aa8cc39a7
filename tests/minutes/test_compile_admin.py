"""The admin's "Compile minutes" screen: who reaches it, the confirmations, the draft it leads to."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from minutes.models import MinutesPage
from minutes.permissions import can_compile_minutes
from tests.factories import UserFactory
from tests.minutes.conftest import make_held

pytestmark = pytest.mark.django_db


def compile_url(consultation) -> str:
    return reverse("minutes_admin:compile", args=[consultation.pk])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def organiser_client(organiser) -> Client:
    return logged_in(organiser)


def test_get_explains_and_post_creates_the_draft(held, organiser, organiser_client):
    url = compile_url(held.consultation)
    response = organiser_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert held.consultation.title in content and 'method="post"' in content
    assert not MinutesPage.objects.exists()  # GET changes nothing

    response = organiser_client.post(url)
    page = MinutesPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == held.consultation.pk
    assert organiser_client.get(response["Location"]).status_code == 200


def test_the_button_is_on_the_consultation(held, organiser_client):
    url = compile_url(held.consultation)
    header = organiser_client.get(reverse("wagtailadmin_pages:edit", args=[held.consultation.pk]))
    listing = organiser_client.get(reverse("wagtailadmin_explore", args=[held.consultation.get_parent().pk]))
    assert url in header.content.decode()
    assert url in listing.content.decode()


def test_an_edited_draft_asks_for_a_second_confirmation(held, organiser, organiser_client):
    url = compile_url(held.consultation)
    organiser_client.post(url)
    page = MinutesPage.objects.get()
    draft = page.get_latest_revision_as_object()
    draft.body = [*draft.body.get_prep_value(), {"type": "paragraph", "value": "<p>Redaktörens text</p>"}]
    draft.save_revision(user=organiser)
    revisions = page.revisions.count()

    response = organiser_client.post(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="overwrite" value="1"' in content
    assert MinutesPage.objects.get().revisions.count() == revisions  # nothing replaced yet

    response = organiser_client.post(url, {"overwrite": "1"})
    assert response.status_code == 302
    assert MinutesPage.objects.get().revisions.count() == revisions + 1
    assert "Redaktörens text" not in str(MinutesPage.objects.get().get_latest_revision_as_object().body)


def test_a_refusal_is_shown_as_a_message(index, organiser, organiser_client):
    held = make_held(index, closed=False)
    url = compile_url(held.consultation)
    response = organiser_client.post(url, follow=True)
    assert response.status_code == 200
    assert not MinutesPage.objects.exists()
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1
    # In the language the organiser reads the admin in (the site's, Swedish, by default).
    with translation.override(settings.LANGUAGE_CODE):
        still_open = gettext(
            "Note-taking is still open. Close it first, so that the groups' final notes are stored."
        )
    assert messages[0].strip() == still_open


def test_staff_without_page_permission_get_403(held):
    staff = UserFactory(email="praktikant@example.org", is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    assert not can_compile_minutes(user=staff, consultation=held.consultation)
    client = logged_in(staff)
    url = compile_url(held.consultation)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not MinutesPage.objects.exists()


def test_a_participant_cannot_reach_it(held):
    participant = held.members[0]
    assert not can_compile_minutes(user=participant, consultation=held.consultation)
    client = logged_in(participant)
    url = compile_url(held.consultation)
    for response in (client.get(url), client.post(url)):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "login" in response["Location"]
    assert not MinutesPage.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(held, client):
    response = client.post(compile_url(held.consultation))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not MinutesPage.objects.exists()


def test_superusers_may_compile(held):
    boss = UserFactory(email="chef@example.org", is_superuser=True, is_staff=True)
    assert can_compile_minutes(user=boss, consultation=held.consultation)
