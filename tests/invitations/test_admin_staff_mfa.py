"""With SAKRAD_REQUIRE_STAFF_MFA (production), staff reach the admins, the invitation screens
included, only with a second factor; participants are not affected. (Demo accounts under DEBUG run
with the setting off: see the README.)"""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.models import User

from .test_admin_support import organiser_in_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def require_mfa(settings):
    settings.SAKRAD_REQUIRE_STAFF_MFA = True


def test_staff_without_totp_are_sent_to_set_it_up(client, consultation, require_mfa):
    client.force_login(organiser_in_group(consultation, "change_invitation"))
    screen = reverse("invitations_admin:index", args=[consultation.pk])
    for path in ("/admin/", screen):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
        assert "next=" in response["Location"]


def test_staff_with_totp_get_in(client, consultation, require_mfa):
    organiser = organiser_in_group(consultation, "change_invitation")
    Authenticator.objects.create(user=organiser, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(organiser)
    assert client.get(reverse("invitations_admin:index", args=[consultation.pk])).status_code == 200


def test_recovery_codes_alone_are_not_a_second_factor(client, consultation, require_mfa):
    organiser = organiser_in_group(consultation, "change_invitation")
    Authenticator.objects.create(user=organiser, type=Authenticator.Type.RECOVERY_CODES, data={})
    client.force_login(organiser)
    assert client.get("/admin/")["Location"].startswith(reverse("mfa_activate_totp"))


def test_participants_are_not_affected(client, require_mfa):
    participant = User.objects.create_user(email="deltagare@example.org", password=None)
    client.force_login(participant)
    assert client.get("/mina-sidor/").status_code == 200
    response = client.get("/admin/")  # not theirs: the usual refusal, not a demand for a second factor
    assert not response.get("Location", "").startswith(reverse("mfa_activate_totp"))


def test_without_the_setting_staff_get_in_without_totp(client, consultation, settings):
    settings.SAKRAD_REQUIRE_STAFF_MFA = False
    client.force_login(organiser_in_group(consultation, "change_invitation"))
    assert client.get(reverse("invitations_admin:index", args=[consultation.pk])).status_code == 200
