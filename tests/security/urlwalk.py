"""Every HTTP URL pattern and websocket route the project serves, with the module of its view.

Used by the coverage gate (every pattern of ours has a registry row) and the login inventory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

# Top-level packages we install rather than write. Anything else is ours, including apps that do
# not exist yet: a new app's views need registry rows without anyone editing this list.
THIRD_PARTY_PACKAGES = frozenset(
    {
        "allauth",
        "channels",
        "csp",
        "daphne",
        "django",
        "django_filters",
        "django_tasks",
        "modelcluster",
        "ninja",
        "permissionedforms",
        "rest_framework",
        "taggit",
        "treebeard",
        "wagtail",
        "whitenoise",
    }
)


@dataclass(frozen=True)
class Route:
    route: str  # the full route as written, e.g. "admin/pages/<int:page_id>/edit/"
    name: str | None  # "namespace:name" when named
    view: Callable
    module: str  # where the view (or its class) is defined

    @property
    def keys(self) -> set[str]:
        """What a registry row's `pattern` may say to cover this route."""
        return {self.route, self.name} - {None}

    @property
    def is_ours(self) -> bool:
        return self.module.split(".")[0] not in THIRD_PARTY_PACKAGES


def view_module(view: Callable) -> str:
    # Class-based views (Django, DRF), channels consumers, then plain (possibly decorated) functions;
    # functools.wraps keeps the decorated function's module.
    for attribute in ("view_class", "cls", "consumer_class"):
        owner = getattr(view, attribute, None)
        if owner is not None:
            return owner.__module__
    return getattr(view, "__module__", None) or type(view).__module__


def walk_http(patterns: Iterable | None = None, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    """Depth-first, in resolution order; i18n routes as in the active language (call inside
    translation.override; `http_routes()` does it for the default language)."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk_http(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield Route(prefix + str(pattern.pattern), name, pattern.callback, view_module(pattern.callback))


def http_routes() -> list[Route]:
    with translation.override(settings.LANGUAGE_CODE):
        return list(walk_http())


def walk_websocket(patterns: Iterable | None = None, prefix: str = "") -> Iterator[Route]:
    """Routes in sakrad.routing, following nested channels URLRouters."""
    if patterns is None:
        from sakrad.routing import websocket_urlpatterns

        patterns = websocket_urlpatterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        nested = getattr(pattern.callback, "routes", None)
        if nested is not None:
            yield from walk_websocket(nested, route)
        else:
            yield Route(route, pattern.name, pattern.callback, view_module(pattern.callback))
