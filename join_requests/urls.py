from django.urls import path

from . import views

app_name = "join_requests"
urlpatterns = [
    path("", views.join_request_form, name="form"),
    path("skickad/", views.join_request_sent, name="sent"),
    path("bekrafta/<str:token>/", views.join_request_confirm_view, name="confirm"),
]
