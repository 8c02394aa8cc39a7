"""Prioritising the takeaways at the plenary: rounds, anonymous votes, live results on the wall."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from minutes.takeaway_annotations import takeaway_annotator_register


class PrioritiesConfig(AppConfig):
    name = "priorities"
    verbose_name = _("Prioritising")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The votes beside each takeaway in the compiled minutes (minutes sits below and may not import us).
        takeaway_annotator_register("priorities.minutes.takeaways_votes_set")
