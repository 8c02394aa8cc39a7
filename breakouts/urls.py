"""The group page and the plenary wall; included under /grupper/ (i18n_patterns) in sakrad/urls.py."""

from django.urls import path

from . import views

app_name = "breakouts"

urlpatterns = [
    path("<int:group_id>/", views.group_notes, name="group"),
    path("plenum/<int:consultation_id>/", views.plenary, name="plenary"),
]
