from django.urls import re_path

from .consumer import PanelConsumer

websocket_urlpatterns = [
    re_path(
        r"^ws/panel/(?P<consultation_id>[0-9]{1,18})/?$", PanelConsumer.as_asgi(), name="panel_questions"
    ),
]
