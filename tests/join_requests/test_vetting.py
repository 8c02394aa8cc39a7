"""Staff vet confirmed requests: accept adds the organisation to the register and mails the applicant,
decline mails the reason; likely duplicates are flagged; only those who may add organisations vet; and
whatever the applicant typed is shown inert."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from join_requests.models import JoinRequest, JoinRequestStatus
from organisations.models import Organisation

from .conftest import CONTACT, answers, confirm_path, form_url, in_swedish, pending_request

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def staff_client(organiser):
    client = Client()
    client.force_login(organiser)
    return client


def accept(client, join_request, **data):
    return client.post(reverse("join_requests_admin:accept", args=[join_request.pk]), data)


def decline(client, join_request, reason):
    return client.post(reverse("join_requests_admin:decline", args=[join_request.pk]), {"reason": reason})


def test_accepting_adds_the_organisation_with_the_details_and_mails_the_applicant(
    staff_client, organiser, themes, django_capture_on_commit_callbacks
):
    join_request = pending_request(themes)
    with django_capture_on_commit_callbacks(execute=True):
        response = accept(staff_client, join_request)
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Föreningen Ny Röst")
    assert (organisation.organisation_number, organisation.kind, organisation.county) == (
        "802541-3769",
        "association",
        "AB",
    )
    assert organisation.contact_email_list == [CONTACT]
    assert (organisation.contact_name, organisation.contact_email) == ("Ada Ny", CONTACT)
    assert set(organisation.themes.all()) == set(themes)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.ACCEPTED
    assert join_request.organisation == organisation and join_request.decided_by == organiser
    [message] = mail.outbox
    assert message.to == [CONTACT] and "Föreningen Ny Röst" in message.subject
    entry = ModelLogEntry.objects.get(action="sakrad.join_request_accept")
    assert entry.object_id == str(organisation.pk) and entry.user == organiser
    # Decided: it cannot be accepted twice.
    assert accept(staff_client, join_request).status_code == 400
    assert Organisation.objects.filter(name="Föreningen Ny Röst").count() == 1


def test_declining_needs_a_reason_and_mails_it(staff_client, organiser, django_capture_on_commit_callbacks):
    join_request = pending_request()
    empty = decline(staff_client, join_request, "   ")
    assert empty.status_code == 400
    assert escape(in_swedish("Write the reason: the applicant is told it.")) in empty.content.decode()
    assert JoinRequest.objects.get().status == JoinRequestStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = decline(staff_client, join_request, "Vi bjuder bara in riksorganisationer till detta.")
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == JoinRequestStatus.DECLINED
    assert join_request.decline_reason == "Vi bjuder bara in riksorganisationer till detta."
    [message] = mail.outbox
    assert message.to == [CONTACT]
    assert "Vi bjuder bara in riksorganisationer till detta." in message.body
    assert not Organisation.objects.exists()
    entry = ModelLogEntry.objects.get(action="sakrad.join_request_decline")
    assert "riksorganisationer" not in str(entry.data)  # the reason is mailed, not logged


def test_a_likely_duplicate_is_flagged_and_added_only_when_staff_say_it_is_another(staff_client):
    Organisation.objects.create(name="Föreningen Ny röst i Stockholm", kind="association", county="AB")
    by_number = Organisation.objects.create(
        name="Helt Annat Namn", kind="association", organisation_number="802541-3769"
    )
    join_request = pending_request()
    listing = staff_client.get(reverse("join_requests_admin:index")).content.decode()
    assert "data-duplicate" in listing
    detail = staff_client.get(reverse("join_requests_admin:detail", args=[join_request.pk])).content.decode()
    assert "Föreningen Ny röst i Stockholm" in detail and by_number.name in detail

    refused = accept(staff_client, join_request)
    assert refused.status_code == 400
    assert not Organisation.objects.filter(name="Föreningen Ny Röst").exists()
    assert accept(staff_client, join_request, despite_duplicates="on").status_code == 302
    assert Organisation.objects.filter(name="Föreningen Ny Röst").exists()


def test_a_name_already_in_the_register_cannot_be_added_again(staff_client):
    Organisation.objects.create(name="Föreningen Ny Röst", kind="association")
    join_request = pending_request()
    response = accept(staff_client, join_request, despite_duplicates="on")
    assert response.status_code == 400
    assert Organisation.objects.count() == 1
    assert JoinRequest.objects.get().status == JoinRequestStatus.PENDING


def test_an_unrelated_organisation_is_not_flagged(staff_client):
    Organisation.objects.create(
        name="Stiftelsen Läslust", kind="foundation", organisation_number="202100-5448"
    )
    join_request = pending_request()
    detail = staff_client.get(reverse("join_requests_admin:detail", args=[join_request.pk])).content.decode()
    assert "data-duplicates" not in detail
    assert accept(staff_client, join_request).status_code == 302


def test_approvers_may_not_vet(approver):
    join_request = pending_request()
    client = Client()
    client.force_login(approver)
    assert client.get(reverse("join_requests_admin:index")).status_code == 403
    assert client.post(reverse("join_requests_admin:accept", args=[join_request.pk])).status_code == 403
    assert decline(client, join_request, "Nej.").status_code == 403
    assert JoinRequest.objects.get().status == JoinRequestStatus.PENDING
    assert not Organisation.objects.exists()


def test_hostile_input_is_stored_as_typed_and_shown_inert(
    client, site_tree, themes, staff_client, django_capture_on_commit_callbacks
):
    hostile = answers(
        themes,
        organisation_name=f"{SCRIPT} & <b>Föreningen</b>",
        contact_name='"><img src=x onerror=alert(1)>',
        motivation=f"{SCRIPT}\n{{{{ 7*7 }}}} {{% debug %}}",
        organisation_number="",
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(form_url(), hostile).status_code == 302
    client.post(confirm_path(mail.outbox[0]))
    join_request = JoinRequest.objects.get()
    assert join_request.organisation_name == f"{SCRIPT} & <b>Föreningen</b>"  # stored as typed
    assert "<script>" not in mail.outbox[0].alternatives[0][0]  # the mail's HTML escapes it
    for url in (
        reverse("join_requests_admin:index"),
        reverse("join_requests_admin:detail", args=[join_request.pk]),
    ):
        html = staff_client.get(url).content.decode()
        assert SCRIPT not in html and "<img src=x" not in html and "<b>Föreningen" not in html
        assert "&lt;script&gt;" in html
    assert "{{ 7*7 }}" in html  # the detail shows the motivation as typed, not rendered
    with django_capture_on_commit_callbacks(execute=True):
        accept(staff_client, join_request)
    accepted = mail.outbox[-1]
    assert SCRIPT not in accepted.alternatives[0][0]
