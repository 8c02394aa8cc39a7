from django.urls import re_path

from .consumer import NotesConsumer

websocket_urlpatterns = [
    re_path(r"^ws/notes/(?P<group_id>[0-9]{1,18})/?$", NotesConsumer.as_asgi(), name="notes"),
]
