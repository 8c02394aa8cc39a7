"""Every e-mail the product sends, each caused as the product causes it (a service, a task, a view, a
workflow step) into Django's locmem outbox; allauth's that this configuration never sends are rendered
by the adapter's own code."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from allauth.account.adapter import get_adapter
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from accounts.mail import NOTICES
from corrections.services import correction_round_open
from evaluations.services import evaluation_send
from invitations.models import Invitation
from invitations.services import (
    invitation_create_many,
    invitation_remove,
    invitation_send_start,
    reminder_send,
)
from invitations.services.notices import promoted_email_queue
from join_requests.models import JoinRequest, JoinRequestStatus
from join_requests.services import (
    join_request_accept,
    join_request_confirm,
    join_request_decline,
    join_request_submit,
)
from minutes.models.takeaway import Takeaway, TakeawayStatus
from minutes.services.follow_up import follow_up_add
from organisation_details.services import contact_link_send, organisation_update
from outcomes.services.follow import follower_confirm, follower_request
from outcomes.services.remind import takeaway_reminders_send
from panel_questions.models import PanelQuestion, QuestionStatus
from panel_questions.services.answer import panel_question_answer_publish
from tests.factories import OrganisationFactory
from tests.invitations import factories as invitation_factories
from tests.minutes.conftest import invite
from tests.minutes.workflow_helpers import draft_minutes, held_consultation, staff
from working_groups.services import working_group_member_add

from .conftest import BASE

RSVP_LINK = re.compile(re.escape(BASE) + r"/osa/([A-Za-z0-9_-]{43})/")
CONFIRM_LINK = re.compile(re.escape(BASE) + r"/uppfoljning/bekrafta/([^/\s]+)/")
JOIN_CONFIRM_LINK = re.compile(re.escape(BASE) + r"/intresseanmalan/bekrafta/([A-Za-z0-9_-]{43})/")
ANNA = "anna@framtid.se"


class Outbox:
    """The messages sent while each step ran, by the name of the e-mail."""

    def __init__(self, commit: Callable):
        self.commit = commit
        self.sent: dict[str, list] = {}

    def step(self, *names: str, run: Callable, split: Callable | None = None):
        """Runs `run` (its on-commit work too); the new messages are `names[0]`'s, or, with `split`,
        each message goes to the name split(message) gives."""
        before = len(mail.outbox)
        with self.commit():
            result = run()
        new = mail.outbox[before:]
        for message in new:
            self.sent.setdefault(split(message) if split else names[0], []).append(message)
        missing = [name for name in names if name not in self.sent]
        assert not missing, f"no e-mail {missing} was sent; got {[m.subject for m in new]}"
        return result


def _approve(page, user, action: str, comment: str = "") -> None:
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


def _allauth_unsent() -> dict[str, list]:
    """allauth's e-mails that nothing here sends (no sign-up, no e-mail changes, notices off), as the
    adapter renders them. Links are as allauth builds them: on the request's host."""
    adapter = get_adapter()
    rendered = {
        "account/email/email_confirmation": {"activate_url": "http://testserver/accounts/confirm-email/k3y/"},
        "account/email/account_already_exists": {},
        "account/email/password_reset_code": {"code": "ABC123"},
    }
    rendered |= {name: {"timestamp": timezone.now()} for name in NOTICES}
    return {name: [adapter.render_mail(name, ANNA, {"email": ANNA, **ctx})] for name, ctx in rendered.items()}


def send_every_email(commit: Callable, index) -> dict[str, list]:
    outbox = Outbox(commit)
    client = Client()
    organiser, approver = staff()
    # Sends the invitations (so hears about held people), and approves: a superuser, whatever the
    # Approvers group may do.
    sender = invitation_factories.superuser()

    # Invitations: the invitation, a reminder, the answer (a login e-mail to each person named, the
    # organisers told about a staff member it may not add), a place from the waiting list.
    consultation = invitation_factories.consultation(seats=2)
    framtid = invitation_factories.organisation("kansli@framtid.se", name="Föreningen Framtid")

    def send_invitations():
        invitation_create_many(consultation=consultation, organisations=[framtid], user=sender)
        invitation_send_start(consultation=consultation, user=sender)

    outbox.step("invitation", run=send_invitations)
    outbox.step("reminder", run=lambda: reminder_send(consultation=consultation, user=sender))
    token = RSVP_LINK.search(outbox.sent["reminder"][0].body).group(1)  # the newer link replaces the first
    answer = invitation_factories.accept_post([("Anna Lind", ANNA), ("Greta", approver.email)])
    outbox.step(
        "login", "held",
        run=lambda: client.post(invitation_factories.rsvp_path(token, "sv"), answer),
        split=lambda message: "login" if message.to == [ANNA] else "held",
    )
    invitation = Invitation.objects.get(consultation=consultation, organisation=framtid)
    outbox.step("promoted", run=lambda: promoted_email_queue(invitation_id=invitation.pk))

    # An invitation withdrawn after it was sent, in a consultation of its own (its invitation is the
    # one above again).
    elsewhere = invitation_factories.consultation(seats=2)
    stod = invitation_factories.organisation("kansli@stod.se", name="Stiftelsen Stöd")
    with commit():
        invitation_create_many(consultation=elsewhere, organisations=[stod], user=sender)
        invitation_send_start(consultation=elsewhere, user=sender)
    sent = Invitation.objects.get(consultation=elsewhere, organisation=stod)
    outbox.step("withdrawn", run=lambda: invitation_remove(invitation=sent, user=sender))

    # Minutes: submitted (to the approvers, and superusers), approved (to the organiser) and so
    # published (to those who attended), a follow-up; another sent back, then reviewed by attendees.
    held = held_consultation(index, title="Sakråd om läxhjälp")
    invite(held, OrganisationFactory(), checked_in=True)
    minutes = draft_minutes(held)

    def submit(page):
        return lambda: page.get_workflow().start(page, organiser)

    outbox.step(
        "approval requested", "approval submitted",
        run=submit(minutes),
        split=lambda m: "approval submitted" if "Submitted" in m.subject else "approval requested",
    )
    outbox.step(
        "approved", "minutes published",
        run=lambda: _approve(minutes, sender, "approve"),
        split=lambda message: "approved" if message.to == [organiser.email] else "minutes published",
    )
    outbox.step(
        "follow-up",
        run=lambda: follow_up_add(
            minutes=minutes, date=timezone.localdate(), text="<p>Departementet har svarat.</p>", user=sender
        ),
    )
    other = held_consultation(index, title="Sakråd om idrott")
    member = invite(other, OrganisationFactory(), checked_in=True)
    second = draft_minutes(other)
    with commit():
        submit(second)()  # its e-mails are the ones above again
    outbox.step("sent back", run=lambda: _approve(second, sender, "reject", comment="Stryk namnen."))
    outbox.step(
        "correction review",
        run=lambda: correction_round_open(
            minutes=second, deadline=timezone.now() + dt.timedelta(days=7), user=sender
        ),
    )

    # Issue 20: the evaluation to those who attended; following a takeaway of the published minutes
    # (the confirmation, a change of its status, and the organisers' reminder of a silent one); a
    # question the panel did not reach, answered in writing to the one who asked.
    outbox.step(
        "evaluation",
        run=lambda: evaluation_send(
            user=sender, consultation=held, closes_at=timezone.now() + dt.timedelta(days=14)
        ),
    )
    takeaway = Takeaway.objects.create(page=minutes, question_number=1, text="Fler mötesplatser för unga.")
    outbox.step("follow confirm", run=lambda: follower_request(takeaway=takeaway, email=ANNA, language="sv"))
    follower_confirm(token=CONFIRM_LINK.search(outbox.sent["follow confirm"][0].body).group(1))
    outbox.step(
        "takeaway changed",
        run=lambda: follow_up_add(
            minutes=minutes, date=timezone.localdate(), text="<p>Ett beslut.</p>", answers=[takeaway],
            answers_status=TakeawayStatus.IN_PROGRESS, user=sender,
        ),
        split=lambda message: "takeaway changed" if message.to == [ANNA] else "follow-up",
    )
    silent = Takeaway.objects.create(page=minutes, question_number=1, text="Ett medskick utan svar.")
    held.owner = organiser
    held.save(update_fields=["owner"])
    outbox.step(
        "takeaway reminder",
        run=lambda: takeaway_reminders_send(today=timezone.localdate() + dt.timedelta(weeks=13)),
    )
    assert silent.pk  # the reminder names it
    question = PanelQuestion.objects.create(
        consultation=held, text="Hur följs detta upp?", asked_by=member, status=QuestionStatus.FOLLOW_UP
    )
    outbox.step(
        "panel answered",
        run=lambda: panel_question_answer_publish(
            question=question, answer="Departementet svarar.", date=timezone.localdate(), user=sender
        ),
    )

    # Issue 22: the contact person's personal link to the organisation's details (staff send it), and the
    # confirmation a new contact e-mail asks for, sent to the new address.
    framtid.contact_name, framtid.contact_email = "Anna Lind", ANNA
    framtid.save(update_fields=["contact_name", "contact_email"])
    outbox.step("organisation link", run=lambda: contact_link_send(organisation=framtid, user=sender))
    outbox.step(
        "contact e-mail confirm",
        run=lambda: organisation_update(
            organisation=framtid, user=None, data={"contact_email": "ny@framtid.se"}
        ),
    )

    # Issue 22: an organisation asks to take part (the confirmation), is accepted; another is declined.
    def ask_to_join(name: str):
        return lambda: join_request_submit(
            organisation_name=name, organisation_number="", kind="association", county="AB", themes=[],
            contact_name="Anna Lind", contact_email=ANNA, motivation="Vi arbetar med unga.",
        )

    joining = outbox.step("join request confirm", run=ask_to_join("Föreningen Ny Röst"))
    join_request_confirm(token=JOIN_CONFIRM_LINK.search(outbox.sent["join request confirm"][0].body).group(1))
    outbox.step("join request accepted", run=lambda: join_request_accept(join_request=joining, user=sender))
    with commit():
        declining = ask_to_join("Föreningen Annan Röst")()
    JoinRequest.objects.filter(pk=declining.pk).update(status=JoinRequestStatus.PENDING)
    outbox.step(
        "join request declined",
        run=lambda: join_request_decline(
            join_request=declining, user=sender, reason="Vi bjuder in riksförbund."
        ),
    )

    # A working group member added.
    outbox.step(
        "working group",
        run=lambda: working_group_member_add(consultation=consultation, email=member.email, user=sender),
    )

    # allauth: a login code, a password reset, a code asked for an address without an account.
    def ask(view: str, email: str):
        return lambda: Client().post(reverse(view), {"email": email})

    outbox.step("login code", run=ask("account_request_login_code", ANNA))
    outbox.step("password reset", run=ask("account_reset_password", ANNA))
    outbox.step("unknown account", run=ask("account_request_login_code", "nobody@example.org"))
    return outbox.sent | _allauth_unsent()
