"""What the next consultation on a theme is offered to carry over: the takeaways not yet answered in
the published minutes of earlier consultations on its themes. Its editor offers them
(consultation_extensions.py) and a duplicate starts with them (services/duplicate.py); what was
carried over is read by the minutes (minutes/carry_over.py)."""

from __future__ import annotations

from django.db.models import Exists, F, Q

from consultations.models import ConsultationPage
from minutes.carry_over import parent_path, with_consultation
from minutes.models import MinutesPage, Takeaway
from minutes.models.takeaway import UNANSWERED

# The most supported first (the plenary's votes, priorities/; none held: last), then the latest
# consultation's, in the minutes' order.
OFFER_ORDER = (
    F("plenary_votes").desc(nulls_last=True),
    "-consultation_date",
    "page_id",
    "sort_order",
    "pk",
)


def _unanswered(*, theme_ids, before=None, exclude_pk=None):
    if not theme_ids:
        return Takeaway.objects.none()
    earlier = ConsultationPage.objects.live().public().filter(themes__in=theme_ids)
    if exclude_pk:
        earlier = earlier.exclude(pk=exclude_pk)
    if before:
        earlier = earlier.filter(date__lt=before)
    under_earlier = Exists(earlier.filter(path=parent_path("path", "depth")))
    minutes = MinutesPage.objects.live().public().filter(under_earlier)
    takeaways = Takeaway.objects.filter(page__in=minutes, status__in=UNANSWERED)
    return with_consultation(takeaways).order_by(*OFFER_ORDER)


def takeaways_to_offer(*, consultation):
    """What the editor offers to carry into `consultation`: the takeaways not yet answered in the
    published minutes of earlier, live consultations that share one of its themes."""
    theme_ids = [theme.pk for theme in consultation.themes.all()]
    return _unanswered(theme_ids=theme_ids, before=consultation.date, exclude_pk=consultation.pk)


def takeaways_for_copy(*, source, date):
    """What a copy of `source` dated `date` starts with: the same offer, `source`'s own minutes included."""
    theme_ids = [theme.pk for theme in source.themes.all()]
    return _unanswered(theme_ids=theme_ids, before=date)


def takeaway_choices(*, consultation):
    """The editor's checkboxes: what is offered, and what is already carried over even if it has
    since been answered or its theme removed, so saving the page never drops a choice silently."""
    chosen = [takeaway.pk for takeaway in consultation.carried_takeaways.all()] if consultation.pk else []
    offered = takeaways_to_offer(consultation=consultation).values("pk")
    takeaways = Takeaway.objects.filter(Q(pk__in=offered) | Q(pk__in=chosen))
    return with_consultation(takeaways).order_by(*OFFER_ORDER)
