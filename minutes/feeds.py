"""An Atom feed of published minutes and of what happened next (follow-ups), newest first.

Only live minutes that anyone may read: `.public()` leaves out pages under a view restriction of
their own or of an ancestor (a private consultation's minutes).
"""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join, linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sakrad.editor_text import safe_richtext
from sakrad.links import absolute_url
from sakrad.site_chrome import site_chrome_for

from .models import FollowUp, MinutesPage, Takeaway
from .models.page import consultation_title_of, minutes_listing_title
from .reading import follow_up_anchor

FEED_SIZE = 30


def public_minutes():
    return MinutesPage.objects.live().public()


def _follow_up_description(follow_up) -> str:
    """What was done, then the takeaways it answers, as their one record says them now."""
    answers = format_html_join("", "<li>{}</li>", ((takeaway.text,) for takeaway in follow_up.answers.all()))
    if not answers:
        return str(safe_richtext(follow_up.text))
    return format_html("{}<p>{}</p><ul>{}</ul>", safe_richtext(follow_up.text), _("In answer to:"), answers)


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


class MinutesFeed(Feed):
    """One entry per published minutes page and one per follow-up, linking to its place on the page.

    The feed object is the request (one Feed instance serves every request): entries are plain dicts
    built from it, so nothing is kept on the instance.
    """

    feed_type = Atom1Feed
    title = gettext_lazy("Sakråd: minutes and what happened next")
    subtitle = gettext_lazy("Newly published minutes of consultations, and follow-ups to them.")

    def get_object(self, request, *args, **kwargs):
        return request

    # Every link absolute on the configured base (sakrad/links.py): Django would put the request's
    # host in front of a relative one, and the feed is cached for everyone.
    def link(self, request):
        home = site_chrome_for(request)["home"]
        return home.get_full_url(request) if home else absolute_url("/")

    def feed_url(self, request):
        return absolute_url(request.path)

    def items(self, request):
        minutes = (
            public_minutes()
            .exclude(first_published_at=None)
            .with_consultation_title()
            .order_by("-first_published_at")
        )
        follow_ups = (
            FollowUp.objects.filter(page__in=public_minutes())
            .select_related("page")
            .annotate(consultation_title=consultation_title_of("page__path", "page__depth"))
            .prefetch_related(Prefetch("answers", queryset=Takeaway.objects.order_by("sort_order", "pk")))
            .order_by("-date", "-pk")
        )
        entries = [
            {
                # Named with the consultation, among the others in a reader's list.
                "title": page.listing_title,
                "description": linebreaks(page.summary),
                "link": page.get_full_url(request),
                "published": page.first_published_at,
                "updated": page.last_published_at or page.first_published_at,
            }
            for page in minutes[:FEED_SIZE]
        ]
        for follow_up in follow_ups[:FEED_SIZE]:
            entries.append(
                {
                    "title": _("What happened next: %(title)s")
                    % {"title": minutes_listing_title(follow_up.page.title, follow_up.consultation_title)},
                    "description": _follow_up_description(follow_up),
                    "link": f"{follow_up.page.get_full_url(request)}#{follow_up_anchor(follow_up)}",
                    "published": _noon(follow_up.date),
                    "updated": _noon(follow_up.date),
                }
            )
        entries.sort(key=lambda entry: entry["published"], reverse=True)
        return entries[:FEED_SIZE]

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["description"]

    def item_link(self, item):
        return item["link"]

    def item_pubdate(self, item):
        return item["published"]

    def item_updateddate(self, item):
        return item["updated"]
