"""Reads for carrying takeaways from one consultation's minutes into the next on the same theme.

A takeaway belongs to a minutes page, and the minutes page is the child of its consultation: the
consultation is found from the minutes' tree path, in the same query, whatever the number of rows.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from minutes.models import MinutesPage, Takeaway
from minutes.models.takeaway import UNANSWERED

from .models import ConsultationPage


def _parent_path(path: str, depth: str):
    """The tree path of the parent of the page whose `path` and `depth` are given (outer query)."""
    return Substr(OuterRef(path), 1, (OuterRef(depth) - 1) * Page.steplen)


def _public(path: str):
    """No view restriction on the page at `path` (outer query) nor on an ancestor: like
    PageQuerySet.public(), but inside the same query instead of one more."""
    prefix = Substr(OuterRef(path), 1, Length("page__path"))
    return ~Exists(PageViewRestriction.objects.filter(page__path=prefix))


def _with_consultation(takeaways):
    """Each takeaway with the title and date of the consultation its minutes record."""
    consultation = ConsultationPage.objects.filter(path=_parent_path("page__path", "page__depth"))
    return takeaways.annotate(
        consultation_title=Subquery(consultation.values("title")[:1]),
        consultation_date=Subquery(consultation.values("date")[:1]),
    )


def _published_minutes():
    return MinutesPage.objects.live().public()


def _unanswered(*, theme_ids, before=None, exclude_pk=None):
    if not theme_ids:
        return Takeaway.objects.none()
    earlier = ConsultationPage.objects.live().public().filter(themes__in=theme_ids)
    if exclude_pk:
        earlier = earlier.exclude(pk=exclude_pk)
    if before:
        earlier = earlier.filter(date__lt=before)
    minutes = _published_minutes().filter(Exists(earlier.filter(path=_parent_path("path", "depth"))))
    takeaways = Takeaway.objects.filter(page__in=minutes, status__in=UNANSWERED)
    return _with_consultation(takeaways).order_by("-consultation_date", "page_id", "sort_order", "pk")


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
    return _with_consultation(takeaways).order_by("-consultation_date", "page_id", "sort_order", "pk")


def carried_over_to(*, consultation) -> list[Takeaway]:
    """The takeaways carried into `consultation` whose minutes are still published, each with its
    minutes page (for the link) and its consultation's title and date. One query."""
    if consultation.pk is None:
        return []
    takeaways = Takeaway.objects.filter(carried_into__pk=consultation.pk, page__live=True)
    takeaways = takeaways.filter(_public("page__path"))
    takeaways = _with_consultation(takeaways.select_related("page"))
    return list(takeaways.order_by("consultation_date", "page_id", "sort_order", "pk"))


def taken_up_again(*, minutes) -> dict[int, list[ConsultationPage]]:
    """For each takeaway of `minutes`, the live, public consultations it was carried into, by date.
    A draft of the next consultation is never named. One query."""
    through = ConsultationPage._meta.get_field("carried_takeaways").remote_field.through
    rows = (
        through.objects.filter(takeaway__page=minutes, consultationpage__live=True)
        .filter(_public("consultationpage__path"))
        .select_related("consultationpage")
        .order_by("consultationpage__date", "consultationpage_id")
    )
    later: dict[int, list[ConsultationPage]] = {}
    for row in rows:
        later.setdefault(row.takeaway_id, []).append(row.consultationpage)
    return later
