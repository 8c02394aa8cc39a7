"""Reads of takeaways carried from one consultation's minutes into a later consultation on the same
theme: what a consultation carried over (its page and its minutes list them) and where a takeaway was
taken up again (the earlier minutes link forward). The offer of what to carry over is the annual
cycle's (cycle/carry_over.py), which shares the query pieces below.

A takeaway belongs to a minutes page, and the minutes page is the child of its consultation: the
consultation is found from the minutes' tree path, in the same query, whatever the number of rows.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from consultations.models import ConsultationPage

# Not the models package: its page model imports reading.py, which imports this module.
from .models.takeaway import Takeaway


def parent_path(path: str, depth: str, *, outer: bool = True):
    """The tree path of the parent of the page whose `path` and `depth` are given (of the outer query;
    `outer=False`: of the rows themselves)."""
    ref = OuterRef if outer else F
    return Substr(ref(path), 1, (ref(depth) - 1) * Page.steplen)


def public_at(path: str):
    """No view restriction on the page at `path` (outer query) nor on an ancestor: like
    PageQuerySet.public(), but inside the same query instead of one more."""
    prefix = Substr(OuterRef(path), 1, Length("page__path"))
    return ~Exists(PageViewRestriction.objects.filter(page__path=prefix))


def with_consultation(takeaways):
    """Each takeaway with the title and date of the consultation its minutes record."""
    consultation = ConsultationPage.objects.filter(path=parent_path("page__path", "page__depth"))
    return takeaways.annotate(
        consultation_title=Subquery(consultation.values("title")[:1]),
        consultation_date=Subquery(consultation.values("date")[:1]),
    )


def carried_over_to(*, consultation) -> list[Takeaway]:
    """The takeaways carried into `consultation` whose minutes are still published, each with its
    minutes page (for the link) and its consultation's title and date. One query."""
    if consultation.pk is None:
        return []
    takeaways = Takeaway.objects.filter(carried_into__pk=consultation.pk, page__live=True)
    takeaways = takeaways.filter(public_at("page__path"))
    takeaways = with_consultation(takeaways.select_related("page"))
    return list(takeaways.order_by("consultation_date", "page_id", "sort_order", "pk"))


def taken_up_again(*, minutes) -> dict[int, list[ConsultationPage]]:
    """For each takeaway of `minutes`, the live, public consultations it was carried into, by date.
    A draft of the next consultation is never named. One query."""
    through = ConsultationPage._meta.get_field("carried_takeaways").remote_field.through
    rows = (
        through.objects.filter(takeaway__page=minutes, consultationpage__live=True)
        .filter(public_at("consultationpage__path"))
        .select_related("consultationpage")
        .order_by("consultationpage__date", "consultationpage_id")
    )
    later: dict[int, list[ConsultationPage]] = {}
    for row in rows:
        later.setdefault(row.takeaway_id, []).append(row.consultationpage)
    return later
