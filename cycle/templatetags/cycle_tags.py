from django import template

from cycle.permissions import offers_calendar_download

register = template.Library()


@register.simple_tag(takes_context=True)
def calendar_download_offered(context, page) -> bool:
    """{% calendar_download_offered page as offered %}: whether `page` may link to its .ics download
    (cycle.permissions.offers_calendar_download)."""
    return offers_calendar_download(page, context.get("request"))
