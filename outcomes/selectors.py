"""Reads of the register: every takeaway of published, public minutes, with what the list shows, in a
fixed number of queries whatever the number of takeaways, follow-ups or themes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Max, Prefetch, QuerySet, prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.utils import timezone

from consultations.models import ConsultationPage
from minutes.carry_over import parent_path, with_consultation
from minutes.models import FollowUp, MinutesPage, Takeaway
from minutes.models.takeaway import UNANSWERED

from .models import Follower, StatusChange


def public_minutes() -> QuerySet:
    return MinutesPage.objects.live().public()


def public_consultations() -> QuerySet:
    return ConsultationPage.objects.live().public()


def listed_takeaways(*, theme=None, status: str | None = None, year: int | None = None) -> QuerySet:
    """Takeaways of live, public minutes under live, public consultations (of the theme and year),
    each with `consultation_path`: what the register lists, without the list's annotations."""
    consultations = public_consultations()
    if theme is not None:
        consultations = consultations.filter(themes=theme)
    if year:
        consultations = consultations.filter(date__year=year)
    rows = (
        Takeaway.objects.filter(page__in=public_minutes())
        .annotate(consultation_path=parent_path("page__path", "page__depth", outer=False))
        .filter(consultation_path__in=consultations.values("path"))
    )
    return rows.filter(status=status) if status else rows


def register_takeaways(*, theme=None, status: str | None = None, year: int | None = None) -> QuerySet:
    """The listed takeaways, newest consultation first, each with `consultation_path`,
    `consultation_date` and `last_response` (the latest follow-up's date)."""
    rows = with_consultation(listed_takeaways(theme=theme, status=status, year=year)).annotate(
        last_response=Max("follow_ups__date")
    )
    return rows.order_by("-consultation_date", "page__path", "sort_order", "pk")


def register_years() -> list[int]:
    """The years of the consultations whose takeaways the register lists, newest first."""
    paths = listed_takeaways().order_by().values("consultation_path")
    years = (
        ConsultationPage.objects.filter(path__in=paths)
        .annotate(year=ExtractYear("date"))
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted({year for year in years if year}, reverse=True)


@dataclass
class RegisterRow:
    takeaway: Takeaway
    consultation: ConsultationPage | None
    minutes: MinutesPage
    unit: str
    follow_ups: list


def register_rows(takeaways) -> list[RegisterRow]:
    """The rows of one page of the list: three queries more (follow-ups, consultations, their themes)."""
    takeaways = list(takeaways)
    follow_ups = FollowUp.objects.order_by("-date", "-pk").only("pk", "date", "kind", "link", "page_id")
    prefetch_related_objects(takeaways, Prefetch("follow_ups", queryset=follow_ups, to_attr="responses"))
    paths = {takeaway.consultation_path for takeaway in takeaways}
    consultations = {
        page.path: page for page in ConsultationPage.objects.filter(path__in=paths).prefetch_related("themes")
    }
    rows = []
    for takeaway in takeaways:
        consultation = consultations.get(takeaway.consultation_path)
        rows.append(
            RegisterRow(
                takeaway=takeaway,
                consultation=consultation,
                minutes=takeaway.page,
                unit=takeaway.responsible_unit or (consultation.unit if consultation else ""),
                follow_ups=takeaway.responses,
            )
        )
    return rows


def public_takeaway(*, takeaway_id: int) -> Takeaway | None:
    """The takeaway if the register lists it, with `consultation_path` and `last_response`."""
    return register_takeaways().select_related("page").filter(pk=takeaway_id).first()


def takeaway_details(*, takeaway: Takeaway) -> dict:
    """What the takeaway's own page shows: its row, its responses and its history, newest first."""
    row = register_rows([takeaway])[0]
    follow_ups = list(FollowUp.objects.filter(answers=takeaway).order_by("-date", "-pk"))
    changes = StatusChange.objects.filter(takeaway=takeaway).order_by("-created_at", "-pk")
    history = [{"day": timezone.localdate(change.created_at), "change": change} for change in changes]
    history += [{"day": follow_up.date, "follow_up": follow_up} for follow_up in follow_ups]
    published = row.minutes.first_published_at
    if published:
        history.append({"day": timezone.localdate(published), "published": True})
    history.sort(key=lambda entry: entry["day"], reverse=True)  # stable: a change before its response
    return {"row": row, "follow_ups": follow_ups, "history": history}


def confirmed_followers(*, takeaway_id: int) -> list[Follower]:
    return list(Follower.objects.filter(takeaway_id=takeaway_id, confirmed_at__isnull=False).order_by("pk"))


def silent_takeaways() -> QuerySet:
    """Takeaways of live minutes still waiting for an answer, each with `last_response` (the latest
    follow-up's date) and `published` (when the minutes were first published)."""
    return (
        Takeaway.objects.filter(page__in=MinutesPage.objects.live(), status__in=UNANSWERED)
        .annotate(last_response=Max("follow_ups__date"), published=F("page__first_published_at"))
        .select_related("page")
        .order_by("page_id", "sort_order", "pk")
    )


def silent_since(takeaway) -> dt.date | None:
    """The day the takeaway last had a response, or its minutes' first publication."""
    if takeaway.last_response:
        return takeaway.last_response
    return takeaway.published.date() if takeaway.published else None


def follows_of(*, email: str) -> list[dict]:
    """The takeaways an address follows or asked to follow, for that person's data export."""
    rows = Follower.objects.filter(email__iexact=(email or "").strip()).select_related("takeaway")
    return [
        {"takeaway": row.takeaway.text, "asked_at": row.created_at, "confirmed_at": row.confirmed_at}
        for row in rows.order_by("created_at", "pk")
    ]
