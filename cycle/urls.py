from django.urls import path

from . import views

app_name = "cycle"
urlpatterns = [
    path("sakrad.ics", views.calendar_feed, name="calendar"),
    path("<int:consultation_id>.ics", views.consultation_download, name="consultation_ics"),
]
