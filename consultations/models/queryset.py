from django.db.models.functions import ExtractYear
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from ..status import ConsultationStatus, published_minutes_exists, status_expression


class ConsultationPageQuerySet(PageQuerySet):
    def with_status(self, now=None):
        return self.annotate(has_published_minutes=published_minutes_exists()).annotate(
            computed_status=status_expression(now)
        )

    def for_listing(self, now=None):
        """What a list of consultations shows, in a number of queries that does not grow."""
        return self.live().public().with_status(now).prefetch_related("themes").order_by("-date", "-pk")

    def upcoming(self, now=None):
        """Live, public consultations not yet held, soonest first, with their status: by the derived
        status (consultations/status.py), not the date alone, so one held earlier today, or one whose
        minutes are out, is not "upcoming"."""
        held = (ConsultationStatus.HELD, ConsultationStatus.MINUTES_PUBLISHED)
        return (
            self.live()
            .public()
            .with_status(now)
            .exclude(computed_status__in=held)
            .order_by("date", "start_time")
        )

    def years(self) -> list[int]:
        years = self.annotate(year=ExtractYear("date")).values_list("year", flat=True)
        return sorted(set(years), reverse=True)


ConsultationPageManager = PageManager.from_queryset(ConsultationPageQuerySet)
