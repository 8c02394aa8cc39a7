from django.urls import path

from . import views

app_name = "panel_questions"

urlpatterns = [
    path("<int:consultation_id>/", views.phone, name="phone"),
    path("<int:consultation_id>/stod/", views.support, name="support"),
    path("<int:consultation_id>/vagg/", views.wall_fragment, name="wall"),
]
