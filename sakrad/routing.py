"""Websocket routes of every app, gathered in one list for sakrad.asgi."""

from notes.routing import websocket_urlpatterns as notes_websocket_urlpatterns

websocket_urlpatterns: list = [*notes_websocket_urlpatterns]
