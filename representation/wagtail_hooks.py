"""The representation overview in the Wagtail admin: its URLs, an item under Reports, and
"Representation" in a consultation's "more" menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from consultations.models import ConsultationPage
from sakrad.admin_menus import page_menu_item_register

from . import admin_views
from .permissions import can_view_representation


@hooks.register("register_admin_urls")
def register_representation_admin_urls():
    urls = admin_views.urlpatterns
    return [
        path("representation/", include((urls, "representation_admin"), namespace="representation_admin"))
    ]


class RepresentationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_representation(request.user)


@hooks.register("register_reports_menu_item")
def register_representation_report_menu_item():
    return RepresentationMenuItem(
        _("Representation"),
        reverse("representation_admin:index"),
        name="representation",
        icon_name="group",
        order=1100,
    )


class ConsultationRepresentationMenuItem(PageMenuItem):
    """ "Representation" in a consultation's "more" menu: who was invited, answered and came."""

    label = _("Representation")
    icon_name = "group"
    url_name = "representation_admin:consultation"

    def is_shown(self, user):
        return isinstance(self.page.specific_deferred, ConsultationPage) and can_view_representation(user)


page_menu_item_register(ConsultationRepresentationMenuItem, header_priority=47, listing_priority=52)
