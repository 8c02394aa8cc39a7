"""The fast path: a stored answer sent from the ASGI server's event loop, without Django's handler,
its thread or its middlewares (they ran when the answer was stored). Anything else goes on to Django,
where `PublicPageCacheMiddleware` decides again and stores.

It only ever sends what the middleware stored for the same key under the current generation, so it
cannot answer a request Django would have refused: a host or scheme Django rejects has no key.
"""

import asyncio
import time
import uuid

import redis.asyncio
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisSerializer
from django.http.cookie import parse_cookie
from django.utils.http import parse_http_date_safe

from sakrad.request_id import HEADER, SANE, access_log

from .answers import StoredAnswer, answer_key, has_visitor_state
from .generation import KEY as GENERATION_KEY
from .generation import UNREACHABLE, generation_latest
from .middleware import READS, is_never_shared

# What a 304 keeps of the stored headers (as Django's conditional responses do).
NOT_MODIFIED_KEEPS = {"cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary"}


class CacheReader:
    """Reads the cache without a thread: Redis through its asyncio client (one per event loop), the
    local-memory cache directly (it is a dict in this process)."""

    def __init__(self):
        self.loop, self.client = None, None
        self.serializer = RedisSerializer()

    async def get_many(self, keys: list[str]) -> dict:
        backend = caches["default"]
        if not isinstance(backend, RedisCache):
            return backend.get_many(keys)
        loop = asyncio.get_running_loop()
        if self.loop is not loop:
            self.loop, self.client = loop, redis.asyncio.from_url(settings.CACHES["default"]["LOCATION"])
        values = await self.client.mget([backend.make_and_validate_key(key) for key in keys])
        return {key: self.serializer.loads(value) for key, value in zip(keys, values, strict=True) if value}

    async def fresh_answer(self, key: str) -> StoredAnswer | None:
        found = await self.get_many([GENERATION_KEY, key])
        stored, generation = found.get(key), generation_latest(found.get(GENERATION_KEY))
        return stored if stored is not None and generation and stored.generation == generation else None


class ScopeRequest:
    def __init__(self, scope):
        self.scope = scope
        self.headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}

    def query_string(self) -> str | None:
        """Decoded as Django's ASGI handler decodes it (UTF-8); None where it cannot be."""
        try:
            return self.scope.get("query_string", b"").decode()
        except UnicodeDecodeError:
            return None

    def is_candidate(self) -> bool:
        return (
            self.scope["method"] in READS
            and self.query_string() is not None
            and not has_visitor_state(parse_cookie(self.headers.get("cookie", "")))
            and not is_never_shared(self.scope["path"])
        )

    def scheme(self) -> str:
        # As Django's HttpRequest.scheme reads it behind the proxy.
        if settings.SECURE_PROXY_SSL_HEADER:
            header, secure_value = settings.SECURE_PROXY_SSL_HEADER
            given = self.headers.get(header.removeprefix("HTTP_").replace("_", "-").lower())
            if given is not None:
                return "https" if given.split(",", 1)[0].strip() == secure_value else "http"
        return self.scope.get("scheme", "http")

    def key(self) -> str:
        return answer_key(
            host=self.headers.get("host", ""),
            scheme=self.scheme(),
            path=self.scope["path"],
            query_string=self.query_string(),
            accepts_gzip="gzip" in self.headers.get("accept-encoding", ""),
        )

    def request_id(self) -> str:
        given = self.headers.get(HEADER.lower(), "")
        return given if SANE.fullmatch(given) else uuid.uuid4().hex

    def not_modified(self, stored: StoredAnswer) -> bool:
        etag = stored.header("ETag")
        if "if-none-match" in self.headers:
            wanted = {tag.strip().removeprefix("W/") for tag in self.headers["if-none-match"].split(",")}
            return etag is not None and ("*" in wanted or etag.removeprefix("W/") in wanted)
        since = parse_http_date_safe(self.headers.get("if-modified-since", ""))
        modified = parse_http_date_safe(stored.header("Last-Modified") or "")
        return since is not None and modified is not None and modified <= since


class PublicCacheFront:
    def __init__(self, app):
        self.app = app
        self.reader = CacheReader()

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and settings.SAKRAD_PUBLIC_CACHE:
            started = time.perf_counter()
            request = ScopeRequest(scope)
            if request.is_candidate():
                try:
                    stored = await self.reader.fresh_answer(request.key())
                except UNREACHABLE:
                    stored = None  # Django renders it; its middleware copes with Redis away too
                if stored is not None:
                    return await send_answer(request, stored, send, started)
        return await self.app(scope, receive, send)


async def send_answer(request: ScopeRequest, stored: StoredAnswer, send, started: float) -> None:
    request_id = request.request_id()
    if request.not_modified(stored):
        status, body = 304, b""
        headers = [(name, value) for name, value in stored.headers if name.lower() in NOT_MODIFIED_KEEPS]
    else:
        status, body = stored.status, stored.body
        headers = [(name, value) for name, value in stored.headers if name.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        if request.scope["method"] == "HEAD":
            body = b""  # the headers, Content-Length included, are the GET's
    headers.append((HEADER, request_id))
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(name.encode("ascii"), value.encode("latin-1")) for name, value in headers],
    })
    await send({"type": "http.response.body", "body": body})
    path, method = request.scope["path"], request.scope["method"]
    access_log.info("%s %s %s", method, path, status, extra={
        "request_id": request_id, "method": method, "path": path, "status": status,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1), "cache": "front",
    })
