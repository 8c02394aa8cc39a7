"""The outbox screen as the organiser uses it: every e-mail of the consultation with its state and
reason, Retry on a failed one, and the warning on every screen of the consultation while one has
failed. In Swedish and English; hostile text in a reason is shown as text."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from invitations.services import invitation_create_many, invitation_send_start
from outbox.models import MailState, OutboxMail
from outbox.purposes import purpose_of
from tests.invitations import factories
from tests.utils import html, text_of

pytestmark = pytest.mark.django_db
REFUSING = "tests.invitations.backends.RefusingBackend"


def url(name, consultation):
    return reverse(f"outbox_admin:{name}", args=[consultation.pk])


@pytest.fixture
def consultation(db):
    return factories.consultation(capacity=10, seats=2)


@pytest.fixture
def sent_and_refused(consultation, organiser, commit, settings):
    """Two invitations: one went, one the mail server refused for good."""
    settings.EMAIL_BACKEND = REFUSING
    organisations = [
        factories.organisation("kansli@framtid.se", name="Föreningen Framtid"),
        factories.organisation("refuse@trasig.se", name="Föreningen Trasig"),
    ]
    with commit():
        invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
        invitation_send_start(consultation=consultation, user=organiser)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return OutboxMail.objects.get(state=MailState.SENT), OutboxMail.objects.get(state=MailState.FAILED)


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize(
    "language, state_word, retry_word", [("sv", "Misslyckades", "Försök igen"), ("en", "Failed", "Retry")]
)
def test_the_organiser_sees_every_mail_with_its_state_and_reason(
    organiser_client, organiser, consultation, sent_and_refused, language, state_word, retry_word
):
    speaks(organiser, language)
    sent, failed = sent_and_refused
    page = html(organiser_client.get(url("index", consultation)))
    rows = {row["data-mail"]: row for row in page.select("tr[data-mail]")}
    assert set(rows) == {str(sent.pk), str(failed.pk)}
    assert "refuse@trasig.se" in text_of(rows[str(failed.pk)])
    assert state_word in text_of(rows[str(failed.pk)]) and "550" in text_of(rows[str(failed.pk)])
    assert rows[str(failed.pk)].find("button").get_text(strip=True) == retry_word
    assert rows[str(sent.pk)].find("button") is None  # a sent mail is not sent again from here
    assert page.select_one('[data-count="failed"]').get_text() == "1"


def test_a_failed_mail_warns_on_every_screen_of_the_consultation_until_retried(
    organiser_client, consultation, sent_and_refused, commit
):
    _sent, failed = sent_and_refused
    for screen in ("invitations_admin:index", "invitations_admin:sends", "outbox_admin:index"):
        page = html(organiser_client.get(reverse(screen, args=[consultation.pk])))
        warning = page.select_one("[data-screen-warning]")
        assert warning is not None, screen
        assert warning.find("a")["href"] == url("index", consultation) + "?state=failed"

    with commit():
        response = organiser_client.post(url("retry", consultation), {"mail": failed.pk})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.state == MailState.SENT
    assert [message.to for message in mail.outbox] == [["kansli@framtid.se"], ["refuse@trasig.se"]]
    assert PageLogEntry.objects.filter(page=consultation, action="outbox.mail_retry").count() == 1
    page = html(organiser_client.get(reverse("invitations_admin:index", args=[consultation.pk])))
    assert page.select_one("[data-screen-warning]") is None


def test_retry_refuses_a_mail_that_was_sent_and_what_is_not_this_consultations(
    organiser_client, consultation, sent_and_refused, commit
):
    sent, _failed = sent_and_refused
    with commit():
        organiser_client.post(url("retry", consultation), {"mail": sent.pk})
    assert len(mail.outbox) == 1  # only the first send
    other = factories.consultation(capacity=10, seats=2)
    assert organiser_client.post(url("retry", other), {"mail": sent.pk}).status_code == 404
    assert organiser_client.post(url("retry", consultation), {"mail": "1 OR 1=1"}).status_code == 404


def test_a_hostile_reason_is_shown_as_text(organiser_client, consultation, sent_and_refused):
    _sent, failed = sent_and_refused
    OutboxMail.objects.filter(pk=failed.pk).update(error='<script>alert("x")</script>')
    response = organiser_client.get(url("index", consultation))
    assert b'<script>alert("x")' not in response.content
    assert b"&lt;script&gt;" in response.content


def test_the_screen_reads_in_as_many_queries_for_many_mails_as_for_two(
    organiser_client, consultation, sent_and_refused, django_assert_max_num_queries, organiser, commit
):
    organiser_client.get(url("index", consultation))  # warm: permissions, site, locale
    with django_assert_max_num_queries(40) as two:
        organiser_client.get(url("index", consultation))
    organisations = [factories.organisation(f"info@org{n}.se", name=f"Org {n}") for n in range(6)]
    with commit():
        invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
        invitation_send_start(consultation=consultation, user=organiser)
    assert OutboxMail.objects.filter(consultation=consultation).count() >= 8
    with django_assert_max_num_queries(len(two)):
        organiser_client.get(url("index", consultation))


def test_a_mail_waiting_for_its_next_try_can_be_sent_now(
    organiser_client, consultation, organiser, commit, settings
):
    """Under the immediate backend (`make run`) no worker tries again by itself: Retry does."""
    settings.EMAIL_BACKEND = "tests.invitations.backends.DownBackend"
    with commit():
        invitation_create_many(
            consultation=consultation,
            organisations=[factories.organisation("info@vantar.se")],
            user=organiser,
        )
        invitation_send_start(consultation=consultation, user=organiser)
    waiting = OutboxMail.objects.get(consultation=consultation)
    assert waiting.state == MailState.QUEUED and "Connection refused" in waiting.error
    page = html(organiser_client.get(url("index", consultation)))
    assert page.select_one(f'tr[data-mail="{waiting.pk}"] button') is not None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with commit():
        organiser_client.post(url("retry", consultation), {"mail": waiting.pk})
    waiting.refresh_from_db()
    assert waiting.state == MailState.SENT and [m.to for m in mail.outbox] == [["info@vantar.se"]]


def test_every_purpose_the_code_queues_has_a_name_for_staff():
    """The screen shows a purpose by its label, in the staff member's language, never its key."""
    root = Path(__file__).resolve().parents[2]
    used = {"invitation"}  # invitations/services/delivery.py: PURPOSE
    for path in root.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "node_modules" in path.parts:
            continue
        used |= set(re.findall(r'purpose="([a-z-]+)"', path.read_text()))
    assert len(used) >= 10
    unnamed = sorted(name for name in used if purpose_of(name) is None)
    assert unnamed == []
    with translation.override("sv"):
        assert str(purpose_of("minutes-published").label) == "Minnesanteckningar publicerade"
