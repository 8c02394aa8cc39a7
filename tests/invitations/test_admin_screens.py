"""The organisers' invitation screens in the Wagtail admin: building the list, sending with progress,
the overview, revoking, reminders, and who may open them."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.models import Theme
from invitations.models import Attendee, Invitation, InvitationSend, InvitationStatus
from invitations.services import invitation_create_many
from organisations.models import Organisation
from tests.utils import html

from . import factories
from .conftest import invitation_of
from .test_admin_support import organiser_in_group
from .test_sending import REFUSING

pytestmark = pytest.mark.django_db


def url(name, consultation):
    return reverse(f"invitations_admin:{name}", args=[consultation.pk])


@pytest.fixture
def staff_client(client, organiser):
    client.force_login(organiser)
    return client


def org(name, kind="association", county="", email=None):
    return Organisation.objects.create(
        name=name, kind=kind, county=county, contact_emails=email or f"{name.split()[-1].lower()}@example.org"
    )


# --- Who may open the screens ------------------------------------------------------------------


def test_staff_without_the_invitation_permission_get_a_403(client, consultation):
    editor = organiser_in_group(consultation)  # may edit the page, lacks invitations.change_invitation
    client.force_login(editor)
    assert client.get(url("index", consultation)).status_code == 403
    assert client.post(url("send", consultation)).status_code == 403
    assert not InvitationSend.objects.exists()


def test_an_organiser_with_the_permission_gets_the_screens_and_the_page_button(client, consultation):
    organiser = organiser_in_group(consultation, "change_invitation")
    client.force_login(organiser)
    assert client.get(url("index", consultation)).status_code == 200
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    assert url("index", consultation) in edit.content.decode()


def test_the_button_is_not_offered_to_page_editors_without_the_permission(client, consultation):
    client.force_login(organiser_in_group(consultation))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    assert edit.status_code == 200
    assert url("index", consultation) not in edit.content.decode()


def test_the_button_is_only_on_consultations(staff_client, consultation):
    index = factories.site_index()
    edit = staff_client.get(reverse("wagtailadmin_pages:edit", args=[index.pk]))
    assert "/admin/invitations/" not in edit.content.decode()


# --- Building the list -------------------------------------------------------------------------


def test_filters_by_kind_and_county(staff_client, consultation):
    org("Föreningen Norr", county="BD")
    org("Föreningen Syd", county="M")
    org("Stiftelsen Norr", kind="foundation", county="BD")
    page = html(staff_client.get(url("build", consultation), {"kind": "association", "county": "BD"}))
    labels = [label.get_text(" ", strip=True) for label in page.select(".inv-pick label")]
    assert len(labels) == 1 and labels[0].startswith("Föreningen Norr")


def test_theme_means_invited_before_to_a_consultation_with_that_theme(staff_client, consultation, organiser):
    theme = Theme.objects.create(name="Unga", slug="unga")
    earlier = factories.consultation(title="Tidigare sakråd")
    earlier.themes.add(theme)
    earlier.save_revision().publish()
    veteran, newcomer = org("Föreningen Veteran"), org("Föreningen Ny")
    invitation_create_many(consultation=earlier, organisations=[veteran], user=organiser)
    page = html(staff_client.get(url("build", consultation), {"theme": theme.pk}))
    shown = page.select(".inv-pick label")
    assert [label.get_text(" ", strip=True).split(" (")[0] for label in shown] == ["Föreningen Veteran"]
    assert newcomer.name not in str(page.select_one(".inv-pick"))


def test_reusing_an_earlier_list_ticks_its_organisations(staff_client, consultation, organiser):
    earlier = factories.consultation(title="Förra årets sakråd")
    kept, other = org("Föreningen Kvar"), org("Föreningen Annan")
    invitation_create_many(consultation=earlier, organisations=[kept], user=organiser)
    page = html(staff_client.get(url("build", consultation), {"reuse": earlier.pk}))
    ticked = {box["value"] for box in page.select(".inv-pick input[type=checkbox][checked]")}
    assert ticked == {str(kept.pk)}
    assert page.select_one(f".inv-pick input[value='{other.pk}']") is not None


def test_adding_the_ticked_organisations(staff_client, consultation):
    first, second, _third = org("Föreningen A"), org("Föreningen B"), org("Föreningen C")
    response = staff_client.post(url("build", consultation), {"organisations": [first.pk, second.pk]})
    assert response.status_code == 302 and response["Location"] == url("index", consultation)
    invited = set(Invitation.objects.filter(consultation=consultation).values_list("organisation", flat=True))
    assert invited == {first.pk, second.pk}
    assert all(row.status == InvitationStatus.NOT_SENT for row in Invitation.objects.all())
    # Already on the list: not offered again.
    page = html(staff_client.get(url("build", consultation)))
    assert {box["value"] for box in page.select(".inv-pick input[type=checkbox]")} == {str(_third.pk)}


def test_adding_every_organisation_the_filters_show(staff_client, consultation):
    org("Region Norr", kind="region")
    org("Region Syd", kind="region")
    org("Föreningen X")
    response = staff_client.post(f"{url('build', consultation)}?kind=region", {"add_all": "1"})
    assert response.status_code == 302
    kinds = set(
        Invitation.objects.filter(consultation=consultation).values_list("organisation__kind", flat=True)
    )
    assert kinds == {"region"} and Invitation.objects.count() == 2


def test_adding_nothing_changes_nothing(staff_client, consultation):
    org("Föreningen A")
    response = staff_client.post(url("build", consultation), {})
    assert response.status_code == 302 and not Invitation.objects.exists()


# --- Sending and progress ----------------------------------------------------------------------


def test_send_runs_and_the_progress_page_counts(staff_client, consultation, commit, organiser):
    organisations = [org("Föreningen A"), org("Föreningen B")]
    invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
    with commit():
        response = staff_client.post(url("send", consultation))
    assert response.status_code == 302 and response["Location"] == url("sends", consultation)
    assert len(mail.outbox) == 2
    page = html(staff_client.get(url("sends", consultation)))
    row = page.select_one("tr[data-send]")
    counts = {cell["data-count"]: cell.get_text(strip=True) for cell in row.select("[data-count]")}
    assert counts == {"total": "2", "sent": "2", "failed": "0", "skipped": "0"}
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None  # finished: nothing to wait for


def test_a_running_send_refreshes_the_page_unless_asked_not_to(staff_client, consultation):
    InvitationSend.objects.create(consultation=consultation, total=3)  # queued, not finished
    page = html(staff_client.get(url("sends", consultation)))
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is not None
    held = html(staff_client.get(url("sends", consultation), {"refresh": "0"}))
    assert held.find("meta", attrs={"http-equiv": "refresh"}) is None


def test_a_failed_email_is_shown_and_retry_sends_only_that(
    staff_client, consultation, commit, settings, organiser
):
    good, bad = org("Föreningen Bra"), org("Föreningen Fel", email="refuse@example.org")
    invitation_create_many(consultation=consultation, organisations=[good, bad], user=organiser)
    settings.EMAIL_BACKEND = REFUSING
    with commit():
        staff_client.post(url("send", consultation))
    assert len(mail.outbox) == 1
    page = html(staff_client.get(url("sends", consultation)))
    assert page.select_one("tr[data-send] [data-count=failed]").get_text(strip=True) == "1"
    assert "Föreningen Fel" in page.get_text() and page.select_one("input[name=send]") is not None
    assert invitation_of(bad, consultation).status == InvitationStatus.NOT_SENT

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is fixed
    batch = InvitationSend.objects.get()
    with commit():
        response = staff_client.post(url("retry", consultation), {"send": batch.pk})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["bra@example.org"], ["refuse@example.org"]]
    assert invitation_of(bad, consultation).status == InvitationStatus.SENT


def test_send_again_to_one_invitation_replaces_its_link(staff_client, consultation, invite, commit):
    framtid = org("Föreningen Framtid")
    invite(consultation, framtid)
    invitation = invitation_of(framtid, consultation)
    old_hash = invitation.token_hash
    with commit():
        staff_client.post(url("send", consultation), {"invitation": invitation.pk})
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash and len(mail.outbox) == 2


def test_a_forged_row_id_is_a_404_not_an_error(staff_client, consultation, organiser):
    assert staff_client.post(url("revoke", consultation), {"invitation": "x"}).status_code == 404
    other = factories.consultation()
    [invitation] = invitation_create_many(
        consultation=other, organisations=[org("Föreningen Annan")], user=organiser
    )
    # Another consultation's invitation cannot be reached through this consultation's screen.
    assert staff_client.post(url("revoke", consultation), {"invitation": invitation.pk}).status_code == 404


# --- The overview ------------------------------------------------------------------------------


def test_the_overview_counts_every_state_and_seats(staff_client, consultation, invite, organiser):
    a, b, c, d = (org(f"Föreningen {letter}") for letter in "ABCD")
    invite(consultation, a, b, c)
    invitation_create_many(consultation=consultation, organisations=[d], user=organiser)
    accepted = invitation_of(a, consultation)
    accepted.status, accepted.answered_at = InvitationStatus.ACCEPTED, timezone.now()
    accepted.save()
    Attendee.objects.create(
        invitation=accepted, consultation=consultation, name="Anna", email="anna@example.org"
    )
    declined = invitation_of(b, consultation)
    declined.status, declined.answered_at = InvitationStatus.DECLINED, timezone.now()
    declined.save()
    page = html(staff_client.get(url("index", consultation)))
    counts = {
        node["data-count"]: node.get_text(strip=True) for node in page.select(".inv-counts [data-count]")
    }
    # Counts that add up: invited = not sent + sent; sent = no answer + answered (1 + 2).
    assert counts["invited"] == "4"
    assert (counts["not_sent"], counts["sent"]) == ("1", "3")
    assert (counts["no_answer"], counts["answered"]) == ("1", "2")
    assert (counts["accepted"], counts["declined"], counts["waitlisted"]) == ("1", "1", "0")
    assert counts["seats"].startswith("1") and "10" in counts["seats"]  # 1 of capacity 10
    statuses = [cell["data-status"] for cell in page.select("td[data-status]")]
    assert sorted(statuses) == ["accepted", "declined", "not_sent", "sent"]


@pytest.mark.parametrize("count", [3, 300])
def test_the_overview_of_300_organisations_takes_as_many_queries_as_of_3(
    staff_client, consultation, count, django_assert_num_queries, organiser
):
    def fill(consultation, count):
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Förening {consultation.pk}-{n:03}", kind="association") for n in range(count)
        )
        invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
        for invitation in Invitation.objects.filter(consultation=consultation)[:2]:
            invitation.status = InvitationStatus.ACCEPTED
            invitation.save()
            Attendee.objects.create(
                invitation=invitation, consultation=consultation, name="N", email=f"{invitation.pk}@x.se"
            )

    # The baseline: the same screen for 3 organisations, measured after a warm-up request
    # (Wagtail caches the site root and the user's permissions on the first one).
    small = factories.consultation(capacity=10)
    fill(small, 3)
    staff_client.get(url("index", small))
    with CaptureQueriesContext(connection) as baseline:
        assert staff_client.get(url("index", small)).status_code == 200
    fill(consultation, count)
    with django_assert_num_queries(len(baseline)):
        response = staff_client.get(url("index", consultation))
    assert len(html(response).select("td[data-status]")) == count


def test_revoking_a_link(staff_client, consultation, invite):
    framtid = org("Föreningen Framtid")
    invite(consultation, framtid)
    invitation = invitation_of(framtid, consultation)
    response = staff_client.post(url("revoke", consultation), {"invitation": invitation.pk})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.token_revoked_at is not None
    page = html(staff_client.get(url("index", consultation)))
    assert not page.select(f"form[action='{url('revoke', consultation)}']")


def test_reminders_go_to_the_unanswered_before_the_deadline(staff_client, consultation, invite, commit):
    quiet, answered = org("Föreningen Tyst"), org("Föreningen Svar")
    invite(consultation, quiet, answered)
    row = invitation_of(answered, consultation)
    row.status, row.answered_at = InvitationStatus.DECLINED, timezone.now()
    row.save()
    before = len(mail.outbox)
    with commit():
        response = staff_client.post(url("remind", consultation))
    assert response["Location"] == url("sends", consultation)
    assert [message.to for message in mail.outbox[before:]] == [["tyst@example.org"]]


def test_no_reminder_after_the_deadline_and_the_button_is_gone(staff_client, organiser, commit):
    closed = factories.consultation(deadline_in=dt.timedelta(days=1))
    invitation_create_many(consultation=closed, organisations=[org("Föreningen Sen")], user=organiser)
    closed.rsvp_deadline = timezone.now() - dt.timedelta(minutes=1)
    closed.save_revision().publish()
    with commit():
        response = staff_client.post(url("remind", closed))
    assert response.status_code == 302 and response["Location"] == url("index", closed)
    assert not InvitationSend.objects.filter(consultation=closed).exists()
    page = html(staff_client.get(url("index", closed)))
    assert not page.select(f"form[action='{url('remind', closed)}']")
    assert not page.select(f"form[action='{url('send', closed)}']")


def test_the_page_listing_offers_invitations_in_each_consultations_more_menu(staff_client, consultation):
    listing = staff_client.get(reverse("wagtailadmin_explore", args=[factories.site_index().pk]))
    assert listing.status_code == 200
    assert url("index", consultation) in listing.content.decode()
