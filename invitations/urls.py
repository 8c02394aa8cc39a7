from django.urls import path

from .views import RsvpView

app_name = "invitations"

urlpatterns = [
    # Included under "osa/" (Swedish for RSVP) in sakrad/urls.py: /osa/<token>/, /en/osa/<token>/.
    path("<str:token>/", RsvpView.as_view(), name="rsvp"),
]
