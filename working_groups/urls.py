"""The working group's draft page; included under /arbetsgrupp/ (i18n_patterns) in sakrad/urls.py."""

from django.urls import path

from . import views

app_name = "working_groups"
urlpatterns = [path("<int:consultation_id>/", views.draft, name="draft")]
