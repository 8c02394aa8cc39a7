from django.urls import re_path

from .consumer import PrioritiesConsumer

websocket_urlpatterns = [
    re_path(
        r"^ws/priorities/(?P<consultation_id>[0-9]{1,18})/?$", PrioritiesConsumer.as_asgi(), name="priorities"
    ),
]
