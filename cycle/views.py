"""The public calendar: the feed calendar apps subscribe to, and one consultation's .ics download."""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from invitations.ics import consultation_ics
from public_cache.views import public_cache

from .calendar import feed_ics
from .selectors import calendar_consultations, public_consultation

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# Short enough that a changed date reaches a subscriber within the quarter hour.
MAX_AGE = 15 * 60


@public_cache
@require_safe
@cache_control(public=True, max_age=MAX_AGE)
def calendar_feed(request):
    consultations = calendar_consultations(today=timezone.localdate())
    body = feed_ics(consultations=consultations, url_for=lambda page: page.get_full_url(request))
    return HttpResponse(body, content_type=ICS_CONTENT_TYPE)


@public_cache
@require_safe
@cache_control(public=True, max_age=MAX_AGE)
def consultation_download(request, consultation_id: int):
    consultation = public_consultation(consultation_id=consultation_id)
    if consultation is None:
        raise Http404
    body = consultation_ics(
        consultation=consultation,
        description=consultation.introduction,
        url=consultation.get_full_url(request),
    )
    response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{consultation.slug}.ics"
    )
    return response
