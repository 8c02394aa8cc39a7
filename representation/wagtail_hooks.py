"""The representation overview in the Wagtail admin: its URLs, an item under Reports, and
"Representation" in a consultation's "more" menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from consultations.models import ConsultationPage
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .permissions import can_view_representation

admin_urls_register("representation", admin_views.urlpatterns, namespace="representation_admin")


class RepresentationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_representation(user=request.user)


@hooks.register("register_reports_menu_item")
def register_representation_report_menu_item():
    return RepresentationMenuItem(
        _("Representation"),
        reverse("representation_admin:index"),
        name="representation",
        icon_name="group",
        order=1100,
    )


class ConsultationRepresentationMenuItem(PageTypeMenuItem):
    """ "Representation" in a consultation's "more" menu: who was invited, answered and came."""

    label = _("Representation")
    icon_name = "group"
    url_name = "representation_admin:consultation"
    page_type = ConsultationPage

    def allowed(self, user, page):
        return can_view_representation(user=user)


page_menu_item_register(ConsultationRepresentationMenuItem, header_priority=47, listing_priority=52)
