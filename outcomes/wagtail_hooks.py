"""The register's line in a minutes page's history: the organisers were reminded (services/remind.py).
Staff set statuses, units and follow-ups on the minutes' own "What happened next" screen."""

from django.utils.translation import gettext_lazy as _

from sakrad.admin_logs import log_actions_register

from .log_actions import OUTCOMES_REMINDER

log_actions_register(
    {
        OUTCOMES_REMINDER: (
            _("Organisers reminded"),
            _("Reminded the organisers of %(count)s takeaways without a response for %(weeks)s weeks"),
        ),
    }
)
