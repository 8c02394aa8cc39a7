"""A prioritisation round at the plenary: its options (the takeaways on the wall when it started, with
their counts) and, while it is open, who has voted.

Anonymous by design: a vote is only ever `votes = votes + 1` on an option. `PriorityVoter` says that a
person has cast their ballot in a round, never what they chose, and its rows are deleted when the round
closes (services/rounds.py), so afterwards nothing in the database ties a person to the round at all.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

DEFAULT_VOTES = 3
MAX_VOTES = 10  # a phone screen's worth of choices; more makes the result no clearer
MAX_OPTIONS = 200  # every takeaway of a large consultation; a ballot may name no more than this


@leaves_public_pages_alone  # the wall and the phone page are for the room; the minutes copy counts at compile
class PriorityRound(models.Model):
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="priority_rounds",
    )
    votes_per_person = models.PositiveSmallIntegerField(_("votes per person"), default=DEFAULT_VOTES)
    opened_at = models.DateTimeField(_("started"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # How many people voted: kept after closing, when the voter rows are gone.
    ballots = models.PositiveIntegerField(_("ballots cast"), default=0)

    class Meta:
        verbose_name = _("prioritisation round")
        verbose_name_plural = _("prioritisation rounds")
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation"], condition=Q(closed_at__isnull=True), name="one_open_priority_round"
            ),
        ]

    def __str__(self):
        return f"{self.consultation_id}: {self.opened_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@leaves_public_pages_alone
class PriorityOption(models.Model):
    """A takeaway as it stood on the wall when the round started (a copy: the notes may change after)."""

    round = models.ForeignKey(
        PriorityRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="options"
    )
    group_name = models.CharField(_("group"), max_length=200, blank=True)  # blank: not known
    question_number = models.IntegerField(_("question number"), null=True, blank=True)
    text = models.TextField(_("takeaway"))
    point_id = models.CharField(_("note point"), max_length=64, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    votes = models.PositiveIntegerField(_("votes"), default=0)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["round", "sort_order", "pk"]

    def __str__(self):
        return self.text[:80]


@leaves_public_pages_alone
class PriorityVoter(models.Model):
    """That `user` has voted in `round`, and nothing about how: deleted when the round closes."""

    round = models.ForeignKey(
        PriorityRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="voters"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voter"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("voters")
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_ballot_per_person")]

    def __str__(self):
        return f"{self.round_id}"
