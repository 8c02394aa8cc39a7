"""Websocket routes of every app, gathered in one list for sakrad.asgi."""

from notes.routing import websocket_urlpatterns as notes_websocket_urlpatterns
from panel_questions.routing import websocket_urlpatterns as panel_questions_websocket_urlpatterns
from priorities.routing import websocket_urlpatterns as priorities_websocket_urlpatterns

websocket_urlpatterns: list = [
    *notes_websocket_urlpatterns,
    *priorities_websocket_urlpatterns,
    *panel_questions_websocket_urlpatterns,
]
