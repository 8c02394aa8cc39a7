from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from outbox.purposes import Purpose, purpose_register


class WorkingGroupsConfig(AppConfig):
    name = "working_groups"
    verbose_name = _("Working group")

    def ready(self):
        # How the outbox screen names these mails (outbox/purposes.py).
        purpose_register("working-group-member", Purpose(label=_("Added to the working group")))
