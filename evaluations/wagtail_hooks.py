"""The evaluation in the Wagtail admin: its screens, ⋯ → Evaluation on a consultation, Reports →
Evaluations, the permissions offered on the group screen, and the audit-log lines."""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import EVALUATION_REMIND, EVALUATION_SEND
from .permissions import can_view_evaluation, can_view_evaluation_years

log_actions_register(
    {
        EVALUATION_SEND: (_("Send the evaluation"), _("Sent the evaluation to %(count)s attendees")),
        EVALUATION_REMIND: (
            _("Remind about the evaluation"),
            _("Reminded %(count)s attendees who had not answered the evaluation"),
        ),
    }
)
admin_urls_register("utvardering", admin_views.urlpatterns, namespace="evaluations_admin")


@hooks.register("register_permissions")
def register_evaluation_permissions():
    return Permission.objects.filter(
        content_type__app_label="evaluations", codename__in=["add_evaluation", "view_evaluationanswer"]
    )


class EvaluationMenuItem(PageTypeMenuItem):
    """ "Evaluation" in a consultation's "more" menu."""

    label = _("Evaluation")
    icon_name = "tasks"
    url_name = "evaluations_admin:consultation"
    page_type = ConsultationPage
    may = can_view_evaluation


page_menu_item_register(EvaluationMenuItem, header_priority=46, listing_priority=51)


class EvaluationsReportItem(MenuItem):
    def is_shown(self, request):
        return can_view_evaluation_years(user=request.user)


@hooks.register("register_reports_menu_item")
def register_evaluations_report_menu_item():
    return EvaluationsReportItem(
        _("Evaluations"),
        reverse("evaluations_admin:index"),
        name="evaluations",
        icon_name="tasks",
        order=1110,
    )
