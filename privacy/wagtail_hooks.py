from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

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


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    @actions.register_action(PERSON_ERASE_ACTION)
    class PersonEraseFormatter(LogFormatter):
        label = _("Erase personal data")

        def format_message(self, log_entry):
            if log_entry.data.get("mode") == EraseMode.ERASE:
                message = _("Account %(id)s erased")
            else:
                message = _("Account %(id)s pseudonymised")
            return message % {"id": log_entry.data.get("erased_user_id")}


@hooks.register("register_user_listing_buttons")
def person_erase_listing_button(user, request_user):
    if can_erase_person(actor=request_user, user=user):
        yield Button(
            _("Erase personal data"),
            reverse("privacy_admin:erase", args=[user.pk]),
            icon_name="bin",
            priority=100,
        )
