from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("mina-uppgifter/", views.export, name="export"),
]
