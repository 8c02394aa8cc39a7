"""The state of every invitation at a glance, with the actions on one invitation (revoke, send again)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from ..models import HeldAttendee, Invitation, InvitationStatus
from ..permissions import can_view_attendee_needs, rsvp_closes_at
from ..selectors import held_attendee_list, invitation_list, invitation_summary, send_batches
from ..services import held_attendee_resolve, invitation_send_start, invitation_token_revoke
from .access_needs import access_needs_to_book
from .base import ConsultationAdminMixin, ServiceActionMixin, posted_pk

# The overview's counts, each the sum of those after it that it names (see status_counts): invited =
# not sent + sent; sent = no answer + answered; answered = accepted + waitlisted + declined.
COUNT_LABELS = [
    ("invited", gettext_lazy("Invited")),
    (InvitationStatus.NOT_SENT.value, InvitationStatus.NOT_SENT.label),
    ("sent", InvitationStatus.SENT.label),
    ("no_answer", gettext_lazy("No answer")),
    ("answered", gettext_lazy("Answered")),
    (InvitationStatus.ACCEPTED.value, InvitationStatus.ACCEPTED.label),
    (InvitationStatus.WAITLISTED.value, InvitationStatus.WAITLISTED.label),
    (InvitationStatus.DECLINED.value, InvitationStatus.DECLINED.label),
]


class InvitationIndexView(ConsultationAdminMixin, TemplateView):
    page_title = gettext_lazy("Invitations")
    template_name = "invitations/admin/index.html"

    def get_context_data(self, **kwargs):
        summary = invitation_summary(consultation=self.consultation)
        counts = summary["counts"]
        closes_at = rsvp_closes_at(consultation=self.consultation)
        return super().get_context_data(
            invitations=invitation_list(consultation=self.consultation),
            held_attendees=list(held_attendee_list(consultation=self.consultation)),
            summary=summary,
            counts=[(key, label, counts[key]) for key, label in COUNT_LABELS],
            not_sent=counts[InvitationStatus.NOT_SENT.value],
            no_answer=counts["no_answer"],
            withdrawn=counts[InvitationStatus.WITHDRAWN.value],
            latest_send=send_batches(consultation=self.consultation).first(),
            closes_at=closes_at,
            rsvp_open=timezone.now() < closes_at,
            statuses=InvitationStatus,
            access_needs=self.access_needs(),
            **kwargs,
        )

    def access_needs(self):
        # Needs can reveal health: the box follows the attendee lists' rule for showing them.
        if not can_view_attendee_needs(user=self.request.user, consultation=self.consultation):
            return None
        return access_needs_to_book(consultation=self.consultation)


class TokenRevokeView(ServiceActionMixin, View):
    def post(self, request, consultation_id):
        invitation = get_object_or_404(
            Invitation.objects.select_related("organisation"),
            pk=posted_pk(request, "invitation"),
            consultation=self.consultation,
        )
        return self.run(
            lambda: invitation_token_revoke(invitation=invitation, user=request.user),
            success=_(
                "The link sent to %(organisation)s no longer works. Send the invitation again for a new one."
            )
            % {"organisation": invitation.organisation.name},
            redirect_to=self.url("index"),
        )


class InvitationSendView(ServiceActionMixin, View):
    """Sends every invitation not sent yet, or, given one invitation, that one again with a new link."""

    def post(self, request, consultation_id):
        again = None
        if request.POST.get("invitation"):
            again = [
                get_object_or_404(
                    Invitation, pk=posted_pk(request, "invitation"), consultation=self.consultation
                )
            ]
        return self.run(
            lambda: invitation_send_start(
                consultation=self.consultation, user=request.user, invitations=again
            ),
            success=_("Sending has started."),
            redirect_to=self.url("sends"),
        )


class HeldAttendeeResolveView(ServiceActionMixin, View):
    """ "Handled": the organisers have dealt with a person a link could not add (services/holds.py)."""

    def post(self, request, consultation_id):
        held = get_object_or_404(
            HeldAttendee.objects.select_related("invitation", "consultation"),
            pk=posted_pk(request, "held"),
            consultation=self.consultation,
        )
        return self.run(
            lambda: held_attendee_resolve(held=held, user=request.user),
            success=_("Marked as handled."),
            redirect_to=self.url("index"),
        )
