"""The phone page and the wall's actions; included under /prioritera/ (i18n_patterns) in sakrad/urls.py."""

from django.urls import path

from . import views

app_name = "priorities"

urlpatterns = [
    path("<int:consultation_id>/", views.vote, name="vote"),
    path("<int:consultation_id>/starta/", views.start, name="start"),
    path("<int:consultation_id>/stang/", views.close, name="close"),
]
