from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationImportConfig(AppConfig):
    name = "organisation_import"
    verbose_name = _("Organisation import")
    default_auto_field = "django.db.models.BigAutoField"
