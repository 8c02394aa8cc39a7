"""Asking to take part as an anonymous applicant: the form in Swedish and English, the confirmation
by e-mail before staff see anything, clear errors, and the spam locks (honeypot, rate limits)."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from join_requests.models import JoinRequest, JoinRequestStatus
from outbox.models import OutboxMail
from tests.factories import ConsultationPageFactory

from .conftest import CONTACT, answers, confirm_path, form_url, in_swedish, url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_applicant_asks_confirms_from_the_mail_and_only_then_staff_see_it(
    client, site_tree, themes, organiser, sent, language
):
    page = client.get(form_url(language))
    assert page.status_code == 200
    html = page.content.decode()
    assert f'<html lang="{language}"' in html
    for name in (
        "organisation_name",
        "organisation_number",
        "kind",
        "county",
        "themes",
        "contact_name",
        "contact_email",
        "motivation",
        "consent",
    ):
        assert f'name="{name}"' in html, name
    assert "Unga och trygghet" in html  # the themes, to tick

    response = sent(language)
    assert response["Location"] == url("join_requests:sent", language)
    assert client.get(response["Location"]).status_code == 200
    join_request = JoinRequest.objects.get()
    assert join_request.status == JoinRequestStatus.UNCONFIRMED
    assert join_request.organisation_number == "802541-3769"
    assert {theme.name for theme in join_request.themes.all()} == {theme.name for theme in themes}
    assert join_request.consented_at is not None
    [message] = mail.outbox
    assert message.to == [CONTACT]
    assert "Föreningen Ny Röst" in message.body

    staff = Client()
    staff.force_login(organiser)
    listing = staff.get(reverse("join_requests_admin:index")).content.decode()
    assert "Föreningen Ny Röst" not in listing  # not confirmed: staff do not see it
    assert staff.get(reverse("join_requests_admin:detail", args=[join_request.pk])).status_code == 404

    link = confirm_path(message, language)
    assert client.get(link).status_code == 200  # a mail scanner opening the link confirms nothing
    assert JoinRequest.objects.get().status == JoinRequestStatus.UNCONFIRMED
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert f'<html lang="{language}"' in confirmed.content.decode()
    assert JoinRequest.objects.get().status == JoinRequestStatus.PENDING

    listing = staff.get(reverse("join_requests_admin:index")).content.decode()
    assert "Föreningen Ny Röst" in listing
    assert staff.get(reverse("join_requests_admin:detail", args=[join_request.pk])).status_code == 200


def test_the_link_is_stored_only_as_a_hash_and_not_in_the_outbox(sent):
    sent()
    join_request = JoinRequest.objects.get()
    token = confirm_path(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert join_request.confirm_token_hash and token not in join_request.confirm_token_hash
    stored = OutboxMail.objects.get(purpose="join-request-confirm")
    assert token not in f"{stored.body}{stored.html}{stored.context}"


def test_an_old_or_forged_link_confirms_nothing(client, site_tree, sent):
    sent()
    link = confirm_path(mail.outbox[0])
    assert client.post(link.replace(link[-10:-1], "AAAAAAAAA")).status_code == 400
    JoinRequest.objects.update(created_at=timezone.now() - dt.timedelta(days=8))
    response = client.post(link)
    assert response.status_code == 400
    assert JoinRequest.objects.get().status == JoinRequestStatus.UNCONFIRMED


def test_bad_input_is_refused_with_an_error_for_each_field_in_swedish(client, site_tree, themes):
    response = client.post(
        form_url(),
        answers(
            themes,
            organisation_name="  ",
            organisation_number="802541-3768",  # the check digit is wrong
            kind="ministry",
            county="",
            themes=[],
            contact_name="",
            contact_email="inte en adress",
            motivation="",
            consent=None,
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="sv"' in html
    for msgid in (
        "Enter the organisation's name.",
        "This organisation number does not exist: its last digit does not match. Check it for a typo.",
        "Choose one of the kinds in the list.",
        "Choose the county where the organisation is based.",
        "Choose at least one theme.",
        "Enter the name of the contact person.",
        "Enter an e-mail address like name@example.org.",
        "Tell us why the organisation wants to take part.",
        "Tick the box to agree that we store the details, or we cannot handle the request.",
    ):
        assert escape(in_swedish(msgid)) in html, msgid
    assert 'aria-invalid="true"' in html
    assert not JoinRequest.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("number", ["80254137", "802541-37691", "AB2541-3769", "802541 - 3768"])
def test_a_malformed_organisation_number_is_refused(client, site_tree, themes, number):
    response = client.post(form_url(), answers(themes, organisation_number=number))
    assert response.status_code == 400
    assert not JoinRequest.objects.exists()


def test_an_organisation_number_is_stored_as_nnnnnn_nnnn_and_may_be_left_out(sent):
    sent(organisation_number=" 8025413769 ")
    sent(organisation_name="Föreningen Utan Nummer", organisation_number="", contact_email="b@example.org")
    assert sorted(JoinRequest.objects.values_list("organisation_number", flat=True)) == ["", "802541-3769"]


def test_the_honeypot_stores_nothing_and_says_the_same(client, site_tree, themes, sent):
    response = sent(website="http://spam.example")
    assert response["Location"] == reverse("join_requests:sent")
    assert not JoinRequest.objects.exists() and mail.outbox == []
    html = client.get(form_url()).content.decode()
    # Hidden from people and from assistive technology (`hidden` is display: none).
    assert '<div class="join-request-form__extra" hidden>' in html.split('name="website"')[0]


def test_a_flood_from_one_place_gets_a_clear_429_and_stores_nothing(
    client, site_tree, themes, settings, sent
):
    settings.SAKRAD_JOIN_REQUESTS_RATE_PER_ADDRESS = (3, 3600)
    for number in range(3):
        sent(contact_email=f"n{number}@example.org")
    response = client.post(form_url(), answers(themes, contact_email="n4@example.org"))
    assert response.status_code == 429
    assert in_swedish("Too many requests right now") in response.content.decode()
    assert JoinRequest.objects.count() == 3
    # Someone else, elsewhere, still gets through.
    other = Client(REMOTE_ADDR="10.9.9.9").post(form_url(), answers(themes, contact_email="x@example.org"))
    assert other.status_code == 302


def test_one_contact_address_is_not_flooded_with_confirmations(client, site_tree, themes, settings, sent):
    settings.SAKRAD_JOIN_REQUESTS_RATE_PER_EMAIL = (2, 3600)
    sent()
    sent()
    assert client.post(form_url(), answers(themes)).status_code == 429
    assert OutboxMail.objects.filter(purpose="join-request-confirm").count() == 2


def test_the_front_page_and_every_consultation_page_link_to_the_form(client, site_tree):
    consultation = ConsultationPageFactory(parent=site_tree.index, title="Sakråd om fritid")
    for page in ("/", consultation.url):
        assert reverse("join_requests:form") in client.get(page).content.decode(), page
