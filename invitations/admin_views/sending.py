"""Progress of the sends (invitations and reminders), retrying failed emails, and reminders."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from outbox.models import MailState

from ..models import DeliveryStatus, InvitationDelivery, InvitationSend
from ..selectors import send_batches
from ..services import invitation_send_retry, reminder_send
from .base import ConsultationAdminMixin, ServiceActionMixin, posted_pk

SHOWN_SENDS = 10
REFRESH_SECONDS = 3
# Deliveries staff need to look at: failed for good, or waiting for the outbox's next try.
PROBLEMS = Q(status=DeliveryStatus.FAILED) | Q(mail__state=MailState.QUEUED, mail__attempts__gt=0)


class SendProgressView(ConsultationAdminMixin, TemplateView):
    """The latest sends with their counts. While one runs, the page reloads itself (a <meta> refresh:
    no script needed), unless ?refresh=0 asks it to hold still (e.g. for a screen reader)."""

    page_title = gettext_lazy("Sending progress")
    template_name = "invitations/admin/sends.html"

    def get_context_data(self, **kwargs):
        sends = list(send_batches(consultation=self.consultation)[:SHOWN_SENDS])
        problems = (
            InvitationDelivery.objects.filter(PROBLEMS, send__in=sends)
            .select_related("invitation__organisation", "mail")
            .order_by("-send_id", "invitation__organisation__name")
        )
        running = any(send.finished_at is None for send in sends)
        return super().get_context_data(
            sends=sends,
            problems=problems,
            running=running,
            refresh_seconds=REFRESH_SECONDS if running and self.request.GET.get("refresh") != "0" else None,
            **kwargs,
        )


class SendRetryView(ServiceActionMixin, View):
    def post(self, request, consultation_id):
        batch = get_object_or_404(
            InvitationSend, pk=posted_pk(request, "send"), consultation=self.consultation
        )
        return self.run(
            lambda: invitation_send_retry(send_batch=batch, user=request.user),
            success=_("Retrying the emails that did not go out."),
            redirect_to=self.url("sends"),
        )


class ReminderSendView(ServiceActionMixin, View):
    def post(self, request, consultation_id):
        return self.run(
            lambda: reminder_send(consultation=self.consultation, user=request.user),
            success=_("Sending reminders to the organisations that have not answered."),
            redirect_to=self.url("sends"),
        )
