"""/admin/outbox/<consultation id>/: every e-mail of the consultation with its state, and Retry."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .models import MailState, OutboxMail
from .permissions import can_view_outbox
from .purposes import purpose_of
from .selectors import consultation_mails, state_counts
from .services import mail_retry

SHOWN = 500


class OutboxView(ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    may = can_view_outbox
    page_title = gettext_lazy("E-mail")
    header_icon = "mail"
    template_name = "outbox/admin/mails.html"

    def get_context_data(self, **kwargs):
        state = self.request.GET.get("state", "")
        counts = state_counts(consultation=self.consultation)
        mails = list(consultation_mails(consultation=self.consultation, state=state)[:SHOWN])
        for mail in mails:
            purpose = purpose_of(mail.purpose)
            mail.purpose_label = purpose.label if purpose else mail.purpose
        return super().get_context_data(
            mails=mails,
            states=[(value, label, counts[value]) for value, label in MailState.choices],
            state=state,
            shown=SHOWN,
            **kwargs,
        )


class MailRetryView(ConsultationGuardMixin, View):
    may = can_view_outbox
    http_method_names = ["post"]

    def post(self, request, consultation_id):
        posted = request.POST.get("mail", "")
        # Anything but a mail of this consultation is a 404, not a server error.
        mail = get_object_or_404(
            OutboxMail, pk=int(posted) if posted.isdigit() else 0, consultation=self.consultation
        )
        try:
            mail_retry(mail=mail, user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The e-mail is queued again."))
        return redirect(reverse("outbox_admin:index", args=[consultation_id]))


app_name = "outbox_admin"
urlpatterns = [
    path("<int:consultation_id>/", OutboxView.as_view(), name="index"),
    path("<int:consultation_id>/retry/", MailRetryView.as_view(), name="retry"),
]
