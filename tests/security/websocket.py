"""Opening a websocket through sakrad.asgi.application the way a browser would: Host, Origin and
the session cookie of a logged-in test client."""

from __future__ import annotations

from unittest import mock

from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from tests.registry import Handshake

HOST = "testserver"
ORIGIN = f"http://{HOST}"


def session_cookie(client: Client | None) -> str | None:
    if client is None or settings.SESSION_COOKIE_NAME not in client.cookies:
        return None
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def handshake(
    path: str, *, client: Client | None = None, origin: str | None = ORIGIN, application=None
) -> Handshake:
    """"accept" when the server accepts the websocket handshake, "refuse" when it closes it."""
    if application is None:
        from sakrad.asgi import application
    headers = [(b"host", HOST.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    cookie = session_cookie(client)
    if cookie:
        headers.append((b"cookie", cookie.encode()))

    async def connect() -> Handshake:
        communicator = WebsocketCommunicator(application, path, headers=headers)
        connected, _ = await communicator.connect(timeout=5)
        if connected:
            await communicator.disconnect()
        return "accept" if connected else "refuse"

    # Consumers' database calls run in this thread and so inside the test's transaction; channels
    # would "close" the connection around each one, which inside a transaction means poisoning it.
    with mock.patch("channels.db.close_old_connections"):
        return async_to_sync(connect)()


def websocket_layers(application=None) -> list:
    """The websocket stack of the ASGI application, outermost first, down to its URLRouter."""
    if application is None:
        from sakrad.asgi import application
    layer = application.application_mapping["websocket"]
    layers = [layer]
    while not isinstance(layer, URLRouter):
        layer = getattr(layer, "application", None) or getattr(layer, "inner", None)
        if layer is None:
            raise AssertionError(f"no URLRouter under {layers[-1]!r}")
        layers.append(layer)
    return layers
