"""Anonymous GETs (and HEADs) of shared views are answered from the cache; every other answer is
marked private.

Second in MIDDLEWARE, after the request id: a stored answer keeps the headers every middleware below
added (security headers, the Content-Security-Policy, compression), so the ASGI front
(`public_cache/asgi.py`) can send it as it is. GZip sits below, so what is stored is compressed.
"""

import contextlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from .answers import StoredAnswer, answer_key, has_visitor_state
from .expiry import seconds_to_keep
from .generation import KEY as GENERATION_KEY
from .generation import (
    UNREACHABLE,
    generation_latest,
    generation_or_new,
    generation_settle_debt,
)
from .views import shares_anonymous_answers

PROBES = {"/healthz", "/readyz"}
# HEAD reads the GET's stored answer (the server leaves out the body); only a GET's answer is stored,
# as a view may skip its body for a HEAD.
READS = {"GET", "HEAD"}
# Taken off a request that must be rendered, so what is stored is the whole page, not Django's 304
# to one reader (nginx revalidates with If-None-Match); put back for the answer to that reader.
CONDITIONS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def request_key(request) -> str:
    return answer_key(
        host=request.META.get("HTTP_HOST", ""),
        scheme=request.scheme,
        path=request.path,
        query_string=request.META.get("QUERY_STRING", ""),
        accepts_gzip="gzip" in request.headers.get("Accept-Encoding", ""),
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_candidate(request):
            return private(request, self.get_response(request))
        key = request_key(request)
        try:
            generation_settle_debt()
            found = cache.get_many([GENERATION_KEY, key])
            generation = generation_or_new(generation_latest(found.get(GENERATION_KEY)))
        except UNREACHABLE:
            return private(request, self.get_response(request))
        stored = found.get(key)
        if stored is not None and stored.generation == generation:
            return conditional(request, as_response(stored))
        conditions = {name: request.META.pop(name) for name in CONDITIONS if name in request.META}
        response = self.get_response(request)
        request.META.update(conditions)
        if not shareable(request, response):
            return private(request, conditional(request, response))
        # When it was rendered: the day, a status's hour or a release change a page with no write.
        response.headers["Last-Modified"] = http_date(time.time())
        if "Cache-Control" not in response:
            # Proxies may keep it but must ask again: a publish shows at once.
            patch_cache_control(response, public=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        if settings.SAKRAD_PROXY_CACHE_SECONDS:
            # nginx's micro-cache keeps only what carries this (deploy/nginx.conf); clients never see it.
            response.headers["X-Accel-Expires"] = str(settings.SAKRAD_PROXY_CACHE_SECONDS)
        if request.method == "GET":
            answer = StoredAnswer(generation, response.status_code, tuple(response.items()), response.content)
            with contextlib.suppress(*UNREACHABLE):
                cache.set(key, answer, timeout=seconds_to_keep())
        return conditional(request, response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.shares_anonymous_answer = shares_anonymous_answers(view_func)


def is_candidate(request) -> bool:
    return (
        settings.SAKRAD_PUBLIC_CACHE
        and request.method in READS
        and not has_visitor_state(request.COOKIES)
        and not is_never_shared(request.path)
    )


def is_never_shared(path: str) -> bool:
    """Paths no shared view answers: static files (WhiteNoise's, below) and the probes, which must
    answer even when the cache's Redis does not."""
    return path.startswith(settings.STATIC_URL) or path in PROBES


def as_response(stored: StoredAnswer) -> HttpResponse:
    response = HttpResponse(stored.body, status=stored.status)
    for name, value in stored.headers:
        response.headers[name] = value
    return response


def shareable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        getattr(request, "shares_anonymous_answer", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A form's CSRF token or a script's nonce belongs to one visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "_csp_nonce", None)
        and "private" not in control
        and "no-store" not in control
    )


def conditional(request, response):
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    answer = get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified,
                                      response=response)
    return answer or response


def private(request, response):
    """What is not shared may hold someone's data: no proxy or shared browser keeps it. Static files
    and the probes keep the headers they came with, and so do answers that reached no view (a 404 of
    the URL resolver, a redirect) for a visitor without a session: those are the same for everyone."""
    visitor_state = has_visitor_state(request.COOKIES)
    if is_never_shared(request.path) or not (visitor_state or hasattr(request, "shares_anonymous_answer")):
        return response
    if visitor_state or response.cookies or "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_store=True)
    return response
