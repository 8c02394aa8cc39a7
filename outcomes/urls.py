from django.urls import path

from public_cache.views import public_cache

from . import views
from .feeds import RegisterFeed

app_name = "outcomes"

urlpatterns = [
    path("", views.register_index, name="index"),
    path("medskick/<int:takeaway_id>/", views.takeaway_page, name="takeaway"),
    path("medskick/<int:takeaway_id>/folj/", views.follow, name="follow"),
    path("medskick/<int:takeaway_id>/folj/skickat/", views.follow_sent, name="follow_sent"),
    path("bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("flode/", public_cache(RegisterFeed()), name="feed"),
    path("flode/<str:theme_slug>/", public_cache(RegisterFeed()), name="theme_feed"),
]
