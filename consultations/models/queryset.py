from django.db.models.functions import ExtractYear
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from ..status import published_minutes_exists, status_expression


class ConsultationPageQuerySet(PageQuerySet):
    def with_status(self, now=None):
        return self.annotate(has_published_minutes=published_minutes_exists()).annotate(
            computed_status=status_expression(now)
        )

    def for_listing(self, now=None):
        """What a list of consultations shows, in a number of queries that does not grow."""
        return self.live().public().with_status(now).prefetch_related("themes").order_by("-date", "-pk")

    def upcoming(self, today):
        return self.live().public().filter(date__gte=today).order_by("date", "start_time")

    def years(self) -> list[int]:
        years = self.annotate(year=ExtractYear("date")).values_list("year", flat=True)
        return sorted(set(years), reverse=True)


ConsultationPageManager = PageManager.from_queryset(ConsultationPageQuerySet)
