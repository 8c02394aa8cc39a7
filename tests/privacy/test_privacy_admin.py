"""The Wagtail admin's erase view: /admin/privacy/erase/<user_id>/."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Comment, ModelLogEntry

from privacy.services import PERSON_ERASE_ACTION

pytestmark = pytest.mark.django_db
User = get_user_model()


def erase_url(user) -> str:
    return reverse("privacy_admin:erase", args=[user.pk])


def test_the_url():
    assert erase_url(User(pk=7)) == "/admin/privacy/erase/7/"


def test_a_participant_cannot_erase_anyone(client, participant, other_participant):
    client.force_login(participant)

    response = client.post(erase_url(other_participant), {"mode": "pseudonymise", "confirm": "on"})

    # Without admin access Wagtail itself sends them to log in; the view never runs.
    assert response.status_code == 302
    assert User.objects.get(pk=other_participant.pk).email == other_participant.email


def test_staff_without_the_permission_get_403(client, editor, participant):
    client.force_login(editor)

    assert client.get(erase_url(participant)).status_code == 403
    response = client.post(erase_url(participant), {"mode": "pseudonymise", "confirm": "on"})

    assert response.status_code == 403
    assert User.objects.get(pk=participant.pk).email == participant.email
    assert not ModelLogEntry.objects.filter(action=PERSON_ERASE_ACTION).exists()


def test_the_form_asks_for_confirmation(client, registrar, participant):
    client.force_login(registrar)

    assert client.get(erase_url(participant)).status_code == 200
    response = client.post(erase_url(participant), {"mode": "pseudonymise"})

    assert response.status_code == 200
    assert User.objects.get(pk=participant.pk).email == participant.email


def test_a_registrar_pseudonymises_a_person(client, registrar, participant):
    client.force_login(registrar)

    response = client.post(erase_url(participant), {"mode": "pseudonymise", "confirm": "on"})

    assert response.status_code == 302
    assert response.url == reverse("wagtailusers_users:index")
    assert User.objects.get(pk=participant.pk).email == f"erased-{participant.pk}@invalid"
    assert ModelLogEntry.objects.get(action=PERSON_ERASE_ACTION).user_id == registrar.pk


def test_a_refused_erase_is_shown_on_the_form(client, registrar, participant, consultation_factory):
    page = consultation_factory()
    Comment.objects.create(page=page, user=participant, text="Notering", contentpath="title")
    client.force_login(registrar)

    response = client.post(erase_url(participant), {"mode": "erase", "confirm": "on"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert User.objects.filter(pk=participant.pk, is_active=True).exists()


@pytest.mark.parametrize(("staff", "offered"), [("registrar", True), ("editor", False)])
def test_the_user_listing_offers_erasure_only_to_those_allowed(client, request, participant, staff, offered):
    user = request.getfixturevalue(staff)
    user.groups.first().permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(user)

    response = client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    assert (erase_url(participant) in response.content.decode()) is offered
