from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable


class FollowUp(ClusterableModel, Orderable):
    """What happened next ("we asked, you said, we did"), dated, answering some of the takeaways.

    Clusterable, so the takeaways it answers are kept in the page's revisions like its text."""

    page = ParentalKey("minutes.MinutesPage", on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    text = RichTextField(_("what was done"), features=["bold", "italic", "link", "ol", "ul"])
    answers = ParentalManyToManyField(
        "minutes.Takeaway", verbose_name=_("takeaways it answers"), blank=True, related_name="follow_ups"
    )
    # Set once everyone who attended has been told, so a re-publish does not email them again.
    notified_at = models.DateTimeField(_("participants notified"), null=True, blank=True, editable=False)

    api_fields = [APIField("date"), APIField("text"), APIField("answers")]
    panels = [FieldPanel("date"), FieldPanel("text"), FieldPanel("answers")]

    class Meta(Orderable.Meta):
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["sort_order", "date"]

    def __str__(self):
        return f"{self.date}"
