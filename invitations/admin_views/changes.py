"""Changing the list after it is built: taking an organisation off it, promoting one from the waiting
list, removing one attendee. Each is asked on a page of its own (GET) and done by its POST, so that
nothing irreversible happens on one stray click, with or without JavaScript."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages

from ..models import Attendee, Invitation, InvitationStatus
from ..services import attendee_remove, invitation_promote, invitation_remove
from .base import ConsultationAdminMixin


class ConfirmedActionView(ConsultationAdminMixin, TemplateView):
    """GET ?<field>=<id> asks; POST <field>=<id> does. A POST naming another consultation's row, or one
    gone meanwhile (a second click, another organiser), changes nothing and says so."""

    template_name = "invitations/admin/confirm.html"
    field = "invitation"

    def target(self, value: str):
        raise NotImplementedError

    def act(self, target):
        raise NotImplementedError

    def target_or_none(self, value: str):
        # ASCII digits that fit the database's integer; anything else names no row.
        return self.target(int(value)) if value.isascii() and value.isdigit() and len(value) < 19 else None

    def gone(self):
        messages.warning(self.request, _("That is no longer on the list: nothing was changed."))
        return redirect(self.url("index"))

    def get(self, request, *args, **kwargs):
        self.object = self.target_or_none(request.GET.get(self.field, ""))
        if self.object is None:
            raise Http404  # nothing of this consultation to ask about
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.target_or_none(request.POST.get(self.field, ""))
        if self.object is None:
            return self.gone()
        try:
            success = self.act(self.object)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, success)
        return redirect(self.url("index"))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object, field=self.field, question=self.question(), **kwargs
        )


class InvitationRemoveView(ConfirmedActionView):
    page_title = gettext_lazy("Remove from the list")

    def target(self, pk):
        rows = Invitation.objects.select_related("organisation").with_attendee_count().with_removable()
        rows = rows.filter(pk=pk, consultation=self.consultation)
        return rows.exclude(status=InvitationStatus.WITHDRAWN).first()

    def question(self):
        name = self.object.organisation.name
        if self.object.removable:
            return {
                "text": _("%(organisation)s has not been sent the invitation. It is taken off the list.")
                % {"organisation": name},
                "button": _("Remove %(organisation)s") % {"organisation": name},
            }
        return {
            "text": _(
                "%(organisation)s may already have the invitation, so it is withdrawn: its link stops "
                "working, the %(count)s people it named lose their seats, and it is told by email. "
                "This cannot be undone."
            )
            % {"organisation": name, "count": self.object.attendee_count},
            "button": _("Withdraw the invitation to %(organisation)s") % {"organisation": name},
        }

    def act(self, invitation):
        name = invitation.organisation.name
        if invitation_remove(invitation=invitation, user=self.request.user) is None:
            return _("%(organisation)s is taken off the list.") % {"organisation": name}
        return _("The invitation to %(organisation)s is withdrawn.") % {"organisation": name}


class InvitationPromoteView(ConfirmedActionView):
    page_title = gettext_lazy("Promote from waiting list")

    def target(self, pk):
        rows = Invitation.objects.select_related("organisation").with_attendee_count()
        return rows.filter(pk=pk, consultation=self.consultation, status=InvitationStatus.WAITLISTED).first()

    def question(self):
        return {
            "text": _(
                "%(organisation)s gets %(count)s seats, ahead of anyone before it in the waiting list, "
                "and is told by email. Its people get their login emails."
            )
            % {"organisation": self.object.organisation.name, "count": self.object.attendee_count},
            "button": _("Promote %(organisation)s") % {"organisation": self.object.organisation.name},
        }

    def act(self, invitation):
        invitation_promote(invitation=invitation, user=self.request.user)
        return _("%(organisation)s has its seats now.") % {"organisation": invitation.organisation.name}


class AttendeeRemoveView(ConfirmedActionView):
    page_title = gettext_lazy("Remove attendee")
    field = "attendee"

    def target(self, pk):
        rows = Attendee.objects.select_related("invitation__organisation", "invitation__consultation")
        return rows.filter(pk=pk, consultation=self.consultation).first()

    def question(self):
        return {
            "text": _(
                "%(name)s (%(organisation)s) is taken off the list of attendees and their seat is freed "
                "for the waiting list. This cannot be undone: the organisation can name them again with "
                "its link."
            )
            % {"name": self.object.name, "organisation": self.object.invitation.organisation.name},
            "button": _("Remove %(name)s") % {"name": self.object.name},
        }

    def act(self, attendee):
        attendee_remove(attendee=attendee, user=self.request.user)
        return _("%(name)s is removed.") % {"name": attendee.name}
