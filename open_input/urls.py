from django.urls import path

from . import views

app_name = "open_input"
urlpatterns = [
    path("<int:consultation_id>/", views.open_input_form, name="form"),
    path("<int:consultation_id>/tack/", views.open_input_thanks, name="thanks"),
    path("<int:consultation_id>/lattlast/", views.open_input_easy_read, name="easy_read"),
]
