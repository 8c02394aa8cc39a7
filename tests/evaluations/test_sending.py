"""Sending the evaluation: only once the consultation has been held, one mail per attendee however
often it is sent, a link that exists only in the mail, and one reminder to those who have not answered."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from evaluations.models import Evaluation, EvaluationLink
from evaluations.services import evaluation_remind, evaluation_send
from outbox.models import OutboxMail
from tests.outbox.helpers import deliver_all

from .conftest import answer_data, answer_url, closes_in, links_in, make_held, send

pytestmark = pytest.mark.django_db


def test_each_checked_in_attendee_gets_one_mail_with_a_personal_link(held, organiser, mailoutbox):
    links = send(held.consultation, organiser, mailoutbox)

    assert set(links) == {person.email for person in held.checked_in}
    assert len({token for _id, token in links.values()}) == 4
    assert all(consultation_id == held.consultation.pk for consultation_id, _token in links.values())
    mail = mailoutbox[0]
    assert "Sakråd om föreningslivets villkor" in mail.subject
    assert "works once" in mail.body
    assert Evaluation.objects.get(consultation=held.consultation).recipient_count == 4


def test_the_link_is_kept_only_as_a_hash_and_the_outbox_keeps_no_trace_of_it(held, organiser, mailoutbox):
    links = send(held.consultation, organiser, mailoutbox)

    tokens = [token for _id, token in links.values()]
    stored = list(EvaluationLink.objects.values_list("token_hash", flat=True))
    assert len(stored) == 4 and all(len(digest) == 64 for digest in stored)
    for mail in OutboxMail.objects.all():
        kept = f"{mail.body}{mail.html}{mail.context}"
        assert not any(token in kept for token in tokens)
        assert "digest" not in mail.context
        assert not any(digest in kept for digest in stored)


def test_sending_twice_mails_nobody_twice(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    again = send(held.consultation, organiser, mailoutbox)

    assert again == {}
    assert len(mailoutbox) == 4
    assert Evaluation.objects.get(consultation=held.consultation).recipient_count == 4


def test_sending_again_with_remote_participants_adds_only_them(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    again = send(held.consultation, organiser, mailoutbox, include_not_checked_in=True)

    assert set(again) == {held.remote.email}  # not the organisation that declined
    assert Evaluation.objects.get(consultation=held.consultation).recipient_count == 5


def test_someone_who_answered_gets_no_new_link_when_it_is_sent_again(held, organiser, mailoutbox, client):
    links = send(held.consultation, organiser, mailoutbox)
    client.post(answer_url(links[held.checked_in[0].email]), answer_data())

    again = send(held.consultation, organiser, mailoutbox)

    assert again == {}
    assert EvaluationLink.objects.filter(attendee=held.checked_in[0]).count() == 0


def test_when_nobody_was_checked_in_everyone_on_an_accepted_invitation_is_sent_it(
    index, organiser, mailoutbox
):
    held = make_held(index, title="Utan incheckning")
    for person in held.checked_in:
        person.checked_in_at = None
        person.save()

    links = send(held.consultation, organiser, mailoutbox)

    assert set(links) == {person.email for person in [*held.checked_in, held.remote]}


def test_it_cannot_be_sent_before_the_consultation_is_held(upcoming, organiser, mailoutbox):
    with pytest.raises(ValidationError, match="once the consultation has been held"):
        evaluation_send(user=organiser, consultation=upcoming, closes_at=closes_in())
    assert not Evaluation.objects.exists()
    assert not OutboxMail.objects.exists()


def test_a_closing_date_in_the_past_is_refused(held, organiser):
    with pytest.raises(ValidationError):
        evaluation_send(user=organiser, consultation=held.consultation, closes_at=timezone.now())


def test_an_approver_may_not_send_it(held, approver):
    with pytest.raises(PermissionDenied):
        evaluation_send(user=approver, consultation=held.consultation, closes_at=closes_in())


def test_one_reminder_with_a_new_link_to_those_who_have_not_answered(held, organiser, mailoutbox, client):
    links = send(held.consultation, organiser, mailoutbox)
    first = held.checked_in[0].email
    client.post(answer_url(links[first]), answer_data())

    before = len(mailoutbox)
    assert evaluation_remind(user=organiser, consultation=held.consultation) == 3
    deliver_all()

    reminded = links_in(mailoutbox[before:])
    assert set(reminded) == {person.email for person in held.checked_in[1:]}
    assert "Reminder" in mailoutbox[-1].subject  # the msgid; Swedish once the lead translates
    second = held.checked_in[1].email
    assert client.get(answer_url(links[second])).status_code == 404  # replaced by the reminder's
    assert client.get(answer_url(reminded[second])).status_code == 200

    # The last request (a Swedish link) leaves Swedish active in this thread (tests/conftest.py).
    with pytest.raises(ValidationError, match="already been sent|redan skickats"):
        evaluation_remind(user=organiser, consultation=held.consultation)


def test_no_reminder_once_closed(held, organiser, mailoutbox):
    send(held.consultation, organiser, mailoutbox)
    Evaluation.objects.update(closes_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="closed"):
        evaluation_remind(user=organiser, consultation=held.consultation)


def test_a_link_whose_attendee_is_erased_is_not_mailed(held, organiser, mailoutbox):
    evaluation_send(user=organiser, consultation=held.consultation, closes_at=closes_in())
    held.checked_in[0].delete()  # erased with the person before the worker got to it

    deliver_all()

    assert len(mailoutbox) == 3
