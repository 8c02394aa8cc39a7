from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import admin_urls_register

from .admin_views import PersonEraseView
from .choices import EraseMode
from .permissions import can_erase_person
from .services import PERSON_ERASE_ACTION

erase = path("erase/<int:user_id>/", PersonEraseView.as_view(), name="erase")
admin_urls_register("privacy", [erase], namespace="privacy_admin")


@hooks.register("register_permissions")
def register_privacy_permissions():
    # Lets the permission be granted to a group (e.g. the registry) in Wagtail's group editor.
    return Permission.objects.filter(content_type__app_label="privacy", codename="erase_person")


def _erase_message(data: dict) -> str:
    message = (
        _("Account %(id)s erased")
        if data.get("mode") == EraseMode.ERASE
        else _("Account %(id)s pseudonymised")
    )
    return message % {"id": data.get("erased_user_id")}


log_actions_register({PERSON_ERASE_ACTION: (_("Erase personal data"), _erase_message)})


@hooks.register("register_user_listing_buttons")
def person_erase_listing_button(user, request_user):
    if can_erase_person(user=request_user, person=user):
        yield Button(
            _("Erase personal data"),
            reverse("privacy_admin:erase", args=[user.pk]),
            icon_name="bin",
            priority=100,
        )
