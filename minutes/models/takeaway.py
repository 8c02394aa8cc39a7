from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable


class Takeaway(Orderable):
    """A takeaway (medskick) the groups brought to the plenary, as the minutes record it: follow-ups
    answer these, and the next consultation on the theme carries the open ones forward."""

    page = ParentalKey("minutes.MinutesPage", on_delete=models.CASCADE, related_name="takeaways")
    question_number = models.PositiveSmallIntegerField(_("question"), null=True, blank=True)
    text = models.TextField(_("text"))

    api_fields = [APIField("question_number"), APIField("text")]
    panels = [FieldPanel("question_number"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("takeaway")
        verbose_name_plural = _("takeaways")

    def __str__(self):
        return self.text[:80]
