from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffRolesConfig(AppConfig):
    name = "staff_roles"
    verbose_name = _("Staff roles")
