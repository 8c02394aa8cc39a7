from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from public_cache.declarations import affects_public_pages


class TakeawayStatus(models.TextChoices):
    """Where the ministry stands on a takeaway, set by staff with the follow-ups."""

    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Has been answered")


class StatusField(models.CharField):
    """A choice that a form may leave out: the takeaway then keeps its status (a new one is open).
    Edit forms built before the status existed, and scripts posting them, still validate."""

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.required = False
        return field


# Not answered yet: what the next consultation on the theme is offered to carry over.
UNANSWERED = (TakeawayStatus.OPEN, TakeawayStatus.IN_PROGRESS)


@affects_public_pages
class Takeaway(Orderable):
    """A takeaway (medskick) the groups brought to the plenary, as the minutes record it: follow-ups
    answer these, and the next consultation on the theme carries the open ones forward.

    The one record of a takeaway: its text is shown under its question and in the minutes' list, in
    the PDF, the API, the feed and the next consultation's carry-over; the minutes' body holds no copy.
    The text is part of the minutes' revisions (corrected before approval, changed only by approval
    after); the status is not: staff set it on the follow-up screen, and `MinutesPage.with_content_json`
    reads it from this row whatever a revision holds, so publishing a revision never turns it back."""

    page = ParentalKey("minutes.MinutesPage", on_delete=models.CASCADE, related_name="takeaways")
    question_number = models.PositiveSmallIntegerField(_("question"), null=True, blank=True)
    text = models.TextField(_("text"))
    status = StatusField(
        _("status"), max_length=20, choices=TakeawayStatus.choices, default=TakeawayStatus.OPEN
    )

    # Set by staff with the follow-ups (the public register shows it); blank: the consultation's unit.
    responsible_unit = models.CharField(_("responsible unit"), max_length=255, blank=True)
    # The votes the takeaway had when the plenary prioritised (priorities/); None: no round was held.
    plenary_votes = models.PositiveIntegerField(_("votes at the plenary"), null=True, blank=True)

    api_fields = [APIField("question_number"), APIField("text"), APIField("status")]
    # No status here: it is not the editor's (see above).
    panels = [FieldPanel("question_number"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("takeaway")
        verbose_name_plural = _("takeaways")

    def __str__(self):
        return self.text[:80]
