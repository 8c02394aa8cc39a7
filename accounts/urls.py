from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    # Included under "mina-sidor/" ("my pages") in sakrad/urls.py: /mina-sidor/, /en/mina-sidor/.
    path("", views.my_page, name="my_page"),
]
