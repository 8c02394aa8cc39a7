"""Every request carries an id: nginx's ($request_id, sent as X-Request-ID) or one made here. It goes
back on the response and into every log line written while the request is handled, so one request can
be followed from nginx's log through the worker's lines to the error it raised.

Each request ends with one access line (logger "sakrad.access"): method, path, status, duration. The
path is logged without its query string (searches and filters carry what people type) and with secrets
in it (invitation tokens, password-reset keys) replaced by the name of their URL argument.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware

HEADER = "X-Request-ID"
# Anything else is made anew: a header is whatever a client sends, and this one lands in every log line.
SANE = re.compile(r"[A-Za-z0-9._-]{1,200}")
# URL arguments that are credentials: /osa/<token>/, allauth's password/reset/key/<uidb36>-<key>/.
SECRET_ARGUMENTS = ("token", "key", "uid")

current_request_id: ContextVar[str] = ContextVar("request_id", default="")
access_log = logging.getLogger("sakrad.access")


def request_id_from(given: str) -> str:
    """The X-Request-ID header's value when it is sane, else a new id (also for code before Django)."""
    return given if SANE.fullmatch(given) else uuid.uuid4().hex


def request_id_for(request) -> str:
    return request_id_from(request.headers.get(HEADER, ""))


def loggable_path(request) -> str:
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name, value in (match.kwargs if match else {}).items():
        if isinstance(value, str) and value and any(word in name for word in SECRET_ARGUMENTS):
            path = path.replace(value, f"<{name}>")
    return path


def begin(request) -> tuple[float, object]:
    request.request_id = request_id_for(request)
    return time.perf_counter(), current_request_id.set(request.request_id)


def finish(request, response, started: float, token) -> object:
    response[HEADER] = request.request_id
    path = loggable_path(request)
    access_log.info(
        "%s %s %s",
        request.method,
        path,
        response.status_code,
        extra={
            "request_id": request.request_id,
            "method": request.method,
            "path": path,
            "status": response.status_code,
            # Until the response is handed back: a streamed body may take longer to send.
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )
    current_request_id.reset(token)
    return response


@sync_and_async_middleware
def request_id_middleware(get_response):
    """First in MIDDLEWARE, so the id is set before anything else can log and the access line times
    the whole chain. Sync or async as the chain below it is, so it adds no thread switch."""
    if iscoroutinefunction(get_response):

        async def middleware(request):
            started, token = begin(request)
            return finish(request, await get_response(request), started, token)

    else:

        def middleware(request):
            started, token = begin(request)
            return finish(request, get_response(request), started, token)

    return middleware
