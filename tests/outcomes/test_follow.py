"""Following a takeaway by e-mail: double opt-in, one mail per change, one-click unsubscribe (RFC 8058),
abuse (honeypot, rate limits, hostile input) and the address erased when it is no longer needed."""

import datetime as dt
import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from minutes.models.takeaway import TakeawayStatus
from minutes.services.follow_up import follow_up_add, takeaway_statuses_set
from outbox.models import MailState, OutboxMail
from outbox.services.deliver import mail_deliver
from outcomes.models import Follower
from outcomes.services import followers_erase, followers_prune
from outcomes.tokens import CONFIRM_DAYS, confirm_token, unsubscribe_token
from privacy.services import person_export
from tests.minutes.workflow_helpers import draft_minutes, held_consultation
from tests.outcomes.helpers import published_minutes, takeaways_of

pytestmark = pytest.mark.django_db

ADDRESS = "lasare@example.org"


@pytest.fixture
def minutes(index, people):
    return published_minutes(
        index, title="Sakråd om fritid", takeaways=("Öppna skolgårdarna", "Fler mentorer")
    )


@pytest.fixture
def takeaway(minutes):
    return takeaways_of(minutes)[0]


def ask(client, takeaway, email=ADDRESS, **extra):
    return client.post(reverse("outcomes:follow", args=[takeaway.pk]), {"email": email, **extra})


def confirm_link(message) -> str:
    return re.findall(r"https?://\S+?/uppfoljning/bekrafta/[^/\s]+/", message.body)[0]


def path(link: str) -> str:
    return link.split("testserver", 1)[1]


@pytest.fixture
def confirmed(client, takeaway, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, takeaway)
    link = confirm_link(mail.outbox[-1])
    assert client.post(path(link)).status_code == 200
    mail.outbox.clear()
    return Follower.objects.get(email=ADDRESS)


def test_asking_mails_a_confirmation_and_nothing_else(
    client, takeaway, organiser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, takeaway)
    assert response.status_code == 302
    assert response["Location"] == reverse("outcomes:follow_sent", args=[takeaway.pk])
    [message] = mail.outbox
    assert message.to == [ADDRESS] and "/uppfoljning/bekrafta/" in message.body
    assert "/en/uppfoljning/bekrafta/" in message.body  # the English half links the English page
    follower = Follower.objects.get()
    assert follower.confirmed_at is None
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        takeaway_statuses_set(
            minutes=takeaway.page, statuses={takeaway.pk: TakeawayStatus.IN_PROGRESS}, user=organiser
        )
    assert mail.outbox == []  # not confirmed: nothing about the takeaway


def test_opening_the_link_confirms_nothing_pressing_the_button_does(
    client, takeaway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, takeaway)
    link = path(confirm_link(mail.outbox[0]))
    assert client.get(link).status_code == 200  # a mail scanner opening it
    assert Follower.objects.get().confirmed_at is None
    assert client.post(link).status_code == 200
    assert Follower.objects.get().confirmed_at is not None


def test_a_confirmed_follower_gets_one_mail_per_change_with_one_click_unsubscribe(
    client, confirmed, takeaway, organiser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        takeaway_statuses_set(
            minutes=takeaway.page, statuses={takeaway.pk: TakeawayStatus.IN_PROGRESS}, user=organiser
        )
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert "Öppna skolgårdarna" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/uppfoljning/avsluta/" in unsubscribe and unsubscribe in message.body
    assert message.extra_headers["Message-ID"].startswith("<outbox-")
    # A follow-up that answers it, and sets its status: one mail, not two.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        follow_up_add(
            minutes=takeaway.page,
            date=dt.date(2025, 1, 1),
            text="<p>Klart.</p>",
            answers=[takeaway],
            user=organiser,
        )
    [message] = mail.outbox
    assert "Klart." in message.body
    # Another takeaway of the same minutes changes: nothing to this follower.
    mail.outbox.clear()
    other = takeaways_of(takeaway.page)[1]
    with django_capture_on_commit_callbacks(execute=True):
        takeaway_statuses_set(
            minutes=takeaway.page, statuses={other.pk: TakeawayStatus.ANSWERED}, user=organiser
        )
    assert mail.outbox == []
    # RFC 8058: a mail program POSTs without a session or a CSRF token.
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(path(unsubscribe), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follower.objects.exists()  # the address is erased


def test_a_mail_queued_before_unsubscribing_is_not_sent(client, confirmed, takeaway, organiser):
    takeaway_statuses_set(
        minutes=takeaway.page, statuses={takeaway.pk: TakeawayStatus.IN_PROGRESS}, user=organiser
    )
    queued = OutboxMail.objects.get(purpose="outcomes-change")
    client.post(reverse("outcomes:unsubscribe", args=[unsubscribe_token(confirmed)]))
    mail_deliver(mail_id=queued.pk)
    queued.refresh_from_db()
    assert queued.state == MailState.SKIPPED and mail.outbox == []


def test_asking_twice_keeps_one_row_and_tells_nobody_who_follows(
    client, confirmed, takeaway, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        again = ask(client, takeaway, email=ADDRESS.upper().replace("LASARE", "lasare"))
    assert again.status_code == 302 and again["Location"] == reverse(
        "outcomes:follow_sent", args=[takeaway.pk]
    )
    assert Follower.objects.count() == 1
    assert mail.outbox == []  # already confirmed: nothing more


def test_the_honeypot_stores_nothing_and_says_the_same(client, takeaway, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, takeaway, website="http://spam.example")
    assert response.status_code == 302
    assert not Follower.objects.exists() and mail.outbox == []


def test_asking_is_rate_limited_per_address(client, takeaway, settings):
    settings.SAKRAD_OUTCOMES_FOLLOW_RATE_PER_EMAIL = (2, 3600)
    assert ask(client, takeaway).status_code == 302
    assert ask(client, takeaway).status_code == 302
    third = ask(client, takeaway)
    assert third.status_code == 429
    assert OutboxMail.objects.filter(purpose="outcomes-confirm").count() == 2


def test_asking_is_rate_limited_per_client(client, minutes, settings):
    settings.SAKRAD_OUTCOMES_FOLLOW_RATE_PER_ADDRESS = (3, 3600)
    first, second = takeaways_of(minutes)
    statuses = [ask(client, first, email=f"n{n}@example.org").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert ask(Client(REMOTE_ADDR="10.9.9.9"), second, email="other@example.org").status_code == 302


@pytest.mark.parametrize(
    "email",
    [
        "",
        "inte en adress",
        "a@b",
        "x" * 300 + "@example.org",
        "<script>alert(1)</script>@example.org",
        "a\x00@example.org",
    ],
)
def test_bad_addresses_are_refused_clearly(client, takeaway, email):
    response = ask(client, takeaway, email=email)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Follower.objects.exists()


def test_a_takeaway_that_is_not_public_cannot_be_followed(client, index, people):
    draft = draft_minutes(held_consultation(index, title="Utkast"), takeaways=("Hemligt",))
    hidden = takeaways_of(draft)[0]
    assert client.get(reverse("outcomes:follow", args=[hidden.pk])).status_code == 404
    assert ask(client, hidden).status_code == 404
    assert not Follower.objects.exists()


@pytest.mark.parametrize("token", ["x", "a" * 500, "..", "%00", "e30:1abc:def"])
def test_bad_links_answer_calmly(client, token):
    assert client.post(f"/uppfoljning/bekrafta/{token}/").status_code == 400
    assert client.post(f"/uppfoljning/avsluta/{token}/").status_code == 200


def test_a_confirmation_link_lasts_three_days(client, takeaway, monkeypatch):
    follower = Follower.objects.create(takeaway=takeaway, email=ADDRESS)
    made = time.time() - dt.timedelta(days=CONFIRM_DAYS, hours=1).total_seconds()
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: made)
        token = confirm_token(follower)
    assert client.post(reverse("outcomes:confirm", args=[token])).status_code == 400
    assert Follower.objects.get().confirmed_at is None


def test_a_link_to_an_earlier_follow_does_not_touch_a_new_one(client, takeaway):
    old = Follower.objects.create(takeaway=takeaway, email=ADDRESS)
    token = unsubscribe_token(old)
    old.delete()
    Follower.objects.create(takeaway=takeaway, email=ADDRESS, confirmed_at=timezone.now())
    client.post(reverse("outcomes:unsubscribe", args=[token]))
    assert Follower.objects.count() == 1


def test_unconfirmed_requests_are_erased_after_three_days(takeaway, minutes):
    stale = Follower.objects.create(takeaway=takeaway, email="gammal@example.org")
    Follower.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - dt.timedelta(days=CONFIRM_DAYS + 1)
    )
    fresh = Follower.objects.create(takeaway=takeaway, email="ny@example.org")
    kept = Follower.objects.create(
        takeaway=takeaways_of(minutes)[1], email="gammal2@example.org", confirmed_at=timezone.now()
    )
    Follower.objects.filter(pk=kept.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    assert followers_prune() == 1
    assert set(Follower.objects.values_list("pk", flat=True)) == {fresh.pk, kept.pk}


def test_erasing_a_person_erases_their_follows(takeaway):
    Follower.objects.create(takeaway=takeaway, email="Person@Example.org", confirmed_at=timezone.now())
    Follower.objects.create(takeaway=takeaway, email="annan@example.org")
    assert followers_erase(email="person@example.org") == 1
    assert list(Follower.objects.values_list("email", flat=True)) == ["annan@example.org"]


def test_a_persons_export_lists_their_follows_and_no_one_elses(takeaway):
    person = User.objects.create_user(email="person@example.org", password="Ett-långt-lösenord-1")
    Follower.objects.create(takeaway=takeaway, email="Person@example.org", confirmed_at=timezone.now())
    Follower.objects.create(takeaway=takeaway, email="annan@example.org")
    follows = person_export(user=person)["followed_takeaways"]
    assert [row["takeaway"] for row in follows] == [takeaway.text]
