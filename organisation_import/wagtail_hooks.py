"""The import and export screens in the Wagtail admin: their URLs and a menu item beside the Directory."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sakrad.admin_menus import admin_urls_register

from . import admin_views
from .permissions import can_import_organisations

admin_urls_register("organisation-import", admin_views.urlpatterns, namespace="organisation_import")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_organisations(user=request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import and export organisations"),
        reverse("organisation_import:index"),
        name="organisation-import",
        icon_name="upload",
        order=310,
    )
