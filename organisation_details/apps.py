from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from outbox.purposes import purpose_register

from .delivery import CONFIRM_PURPOSE, EMAIL_CONFIRM, LINK, LINK_PURPOSE


class OrganisationDetailsConfig(AppConfig):
    name = "organisation_details"
    verbose_name = _("Organisations' own details")

    def ready(self):
        # How the outbox builds and records these mails: its job worker may be the only code of ours a
        # process runs, so the purposes are registered at start-up.
        purpose_register(LINK, LINK_PURPOSE)
        purpose_register(EMAIL_CONFIRM, CONFIRM_PURPOSE)
