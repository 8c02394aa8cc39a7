"""Wagtail's approval e-mails as ours: the same occasions and recipients as Wagtail's notifiers, with
our Swedish-and-English message (invitations/mail.py) in place of Wagtail's English-first text, whose
subject ended in the name of the workflow step as stored (... moderation stage "<task name>"). No step
or workflow name appears: they are data, named in one language only.

Every workflow goes through these, the minutes' approval (minutes/services/workflow.py) and Wagtail's
default moderation alike. `approval_emails_connect` is called from MinutesConfig.ready.
"""

import logging
import uuid

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from consultations.models import ConsultationPage
from outbox.services import mail_queue
from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

from .models import MinutesPage

logger = logging.getLogger(__name__)

FOLDER = "minutes/email"


def approval_consultation(instance):
    """The consultation whose outbox lists the mail: the minutes' parent, or a consultation itself."""
    if not isinstance(instance, Page):
        return None
    page = instance.specific_deferred
    consultation = page.get_parent() if isinstance(page, MinutesPage) else page
    return ConsultationPage.objects.filter(pk=consultation.pk).first() if consultation else None


def approval_title(instance) -> str:
    """What the e-mail is about: minutes are all called "Minnesanteckningar", so their consultation's
    title follows."""
    if not isinstance(instance, Page):
        return str(instance)
    if issubclass(instance.specific_class, MinutesPage):
        return f"{instance.title}: {instance.get_parent().title}"
    return instance.title


class BilingualEmails:
    """Before one of Wagtail's notifiers: sends our message to each recipient it chose."""

    template = ""
    subject = None

    def send_emails(self, template_set, context, recipients, **kwargs):
        instance = context["object"]
        title = approval_title(instance)
        consultation = approval_consultation(instance)
        for recipient in recipients:
            links = self.links(instance, context, recipient)
            values = {**context, **links, "user": recipient, "title": title}
            message = bilingual_message(
                folder=FOLDER,
                template=self.template,
                subject=self.subject,
                subject_params={"title": title},
                context_for=lambda language, values=values: values,
                to=[recipient.email],
            )
            # Through the outbox: a mail server away does not lose it, nor stop the approval.
            mail_queue(
                message=message,
                purpose="approval",
                key=f"approval:{self.template}:{uuid.uuid4().hex}:{recipient.pk}",
                consultation=consultation,
            )
        return True  # queued, every one: the outbox sends, retries and shows what failed

    def links(self, instance, context, recipient) -> dict:
        if isinstance(instance, Page):
            # Approvers act in the page's editor whether or not they may edit it otherwise.
            edit = reverse("wagtailadmin_pages:edit", args=[instance.pk])
        else:
            edit = AdminURLFinder(recipient).get_edit_url(instance)
        return {"edit_url": absolute_url(edit) if edit else ""}


class ApprovalRequestedEmails(BilingualEmails, GroupApprovalTaskStateSubmissionEmailNotifier):
    """To the task's group (the approvers) and superusers: something waits for their approval."""

    template = "approval_requested"
    subject = _("Waiting for your approval: %(title)s")

    def links(self, instance, context, recipient) -> dict:
        links = super().links(instance, context, recipient)
        if isinstance(instance, Page):
            preview = reverse("wagtailadmin_pages:workflow_preview", args=[instance.pk, context["task"].pk])
            links["preview_url"] = absolute_url(preview)
        return links


class SubmittedEmails(BilingualEmails, WorkflowStateSubmissionEmailNotifier):
    """To superusers: something was submitted for approval."""

    template = "approval_submitted"
    subject = _("Submitted for approval: %(title)s")


class ApprovedEmails(BilingualEmails, WorkflowStateApprovalEmailNotifier):
    """To whoever submitted: approved (published, or scheduled for the time they set)."""

    template = "approval_approved"
    subject = _("Approved: %(title)s")

    def links(self, instance, context, recipient) -> dict:
        links = super().links(instance, context, recipient)
        # Approving publishes now, or at the time the submitter set: then there is nothing to see yet.
        if isinstance(instance, Page) and instance.specific.live:
            links["view_url"] = instance.specific.full_url or ""
        return links


class SentBackEmails(BilingualEmails, WorkflowStateRejectionEmailNotifier):
    """To whoever submitted: sent back for changes, with the approver's comment."""

    template = "approval_sent_back"
    subject = _("Sent back for changes: %(title)s")


# Wagtail's own receivers (wagtail/admin/signal_handlers.py), by their dispatch_uid.
RECEIVERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification", ApprovalRequestedEmails),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification", SubmittedEmails),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification", SentBackEmails),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification", ApprovedEmails),
]


def approval_emails_connect() -> None:
    """Ours in place of Wagtail's, under Wagtail's dispatch_uid. Our apps are ready before Wagtail's
    admin, whose connect is then a no-op (a signal keeps one receiver per uid); the disconnect covers
    the other order."""
    for signal, sender, uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier(), sender=sender, dispatch_uid=uid, weak=False)
