from django.urls import path

from .views import ReviewView

app_name = "corrections"
urlpatterns = [path("<int:minutes_id>/", ReviewView.as_view(), name="review")]
