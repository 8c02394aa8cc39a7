from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from public_cache.declarations import affects_public_pages

FOLLOW_UP_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class FollowUpKind(models.TextChoices):
    """What came of the takeaways it answers, as the public register (/uppfoljning/) names it."""

    FOLLOW_UP = "follow_up", _("Follow-up")
    DECISION = "decision", _("Decision")
    REPORT = "report", _("Report")


@affects_public_pages
class FollowUp(Orderable):
    """What happened next ("we asked, you said, we did"), dated, answering some of the takeaways.

    Not part of the minutes' revisions: the minutes are the approved record of the meeting, while a
    follow-up is the ministry's later word, added on its own screen (minutes/admin_views.py) without
    sending the minutes through approval again, and never undone by publishing an older revision."""

    page = models.ForeignKey("minutes.MinutesPage", on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    text = RichTextField(_("what was done"), features=FOLLOW_UP_FEATURES)
    kind = models.CharField(
        _("kind"), max_length=20, choices=FollowUpKind.choices, default=FollowUpKind.FOLLOW_UP
    )
    link = models.URLField(_("link to the decision or report"), max_length=500, blank=True)
    answers = models.ManyToManyField(
        "minutes.Takeaway", verbose_name=_("takeaways it answers"), blank=True, related_name="follow_ups"
    )
    # Set once everyone who attended has been told, so a re-publish does not email them again.
    notified_at = models.DateTimeField(_("participants notified"), null=True, blank=True, editable=False)

    class Meta(Orderable.Meta):
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["sort_order", "date", "pk"]

    def __str__(self):
        return f"{self.date}"
