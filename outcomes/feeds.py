"""Atom feeds of the register, overall and per theme: each status change and each response (a
follow-up answering a takeaway), newest first, for takeaways the register lists."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.models import Theme
from minutes.models import FollowUp
from sakrad.editor_text import safe_richtext
from sakrad.links import absolute_url

from .models import StatusChange
from .selectors import listed_takeaways

FEED_SIZE = 30


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


def _short(text: str) -> str:
    return Truncator(" ".join(text.split())).words(12)


class RegisterFeed(Feed):
    """The feed object is the theme or None; entries are plain dicts, nothing kept on the instance."""

    feed_type = Atom1Feed

    def get_object(self, request, theme_slug: str | None = None):
        if theme_slug is None:
            return None
        theme = Theme.objects.filter(slug=theme_slug).first()
        if theme is None:
            raise Http404
        return theme

    def title(self, theme):
        if theme is None:
            return _("Sakråd: what happened next")
        return _("Sakråd: what happened next, %(theme)s") % {"theme": theme.name}

    subtitle = gettext_lazy("Status changes and responses to the takeaways of published minutes.")

    def link(self, theme):
        return absolute_url(reverse("outcomes:index") + (f"?theme={theme.slug}" if theme else ""))

    def feed_url(self, theme):
        if theme is None:
            return absolute_url(reverse("outcomes:feed"))
        return absolute_url(reverse("outcomes:theme_feed", args=[theme.slug]))

    def items(self, theme):
        listed = listed_takeaways(theme=theme).order_by().values("pk")
        changes = (
            StatusChange.objects.filter(takeaway__in=listed, follow_up__isnull=True)
            .select_related("takeaway")
            .order_by("-created_at", "-pk")[:FEED_SIZE]
        )
        responses = (
            FollowUp.answers.through.objects.filter(takeaway__in=listed)
            .select_related("takeaway", "followup")
            .order_by("-followup__date", "-followup__pk")[:FEED_SIZE]
        )
        entries = [self._change(change) for change in changes]
        entries += [self._response(row.followup, row.takeaway) for row in responses]
        entries.sort(key=lambda entry: entry["published"], reverse=True)
        return entries[:FEED_SIZE]

    @staticmethod
    def _change(change) -> dict:
        return {
            "title": _("%(status)s: %(text)s")
            % {"status": change.get_new_status_display(), "text": _short(change.takeaway.text)},
            "description": format_html(
                "<p>{}</p><blockquote>{}</blockquote>",
                _('The status changed from "%(old)s" to "%(new)s".')
                % {"old": change.get_old_status_display(), "new": change.get_new_status_display()},
                change.takeaway.text,
            ),
            "link": absolute_url(reverse("outcomes:takeaway", args=[change.takeaway_id])),
            "id": f"status-{change.pk}",
            "published": change.created_at,
        }

    @staticmethod
    def _response(follow_up, takeaway) -> dict:
        link = (
            format_html('<p><a href="{}">{}</a></p>', follow_up.link, follow_up.link)
            if follow_up.link
            else ""
        )
        return {
            "title": _("%(kind)s: %(text)s")
            % {"kind": follow_up.get_kind_display(), "text": _short(takeaway.text)},
            "description": format_html(
                "<blockquote>{}</blockquote>{}{}", takeaway.text, safe_richtext(follow_up.text), link
            ),
            "link": absolute_url(reverse("outcomes:takeaway", args=[takeaway.pk])) + f"#svar-{follow_up.pk}",
            "id": f"response-{follow_up.pk}-{takeaway.pk}",
            "published": _noon(follow_up.date),
        }

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["description"]

    def item_link(self, item):
        return item["link"]

    def item_guid(self, item):
        return absolute_url(reverse("outcomes:index")) + "#" + item["id"]

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item["published"]

    def item_updateddate(self, item):
        return item["published"]
