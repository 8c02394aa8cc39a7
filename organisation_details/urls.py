from django.urls import path

from . import views

app_name = "organisation_details"

urlpatterns = [
    # Included under "organisation/" in sakrad/urls.py: /organisation/…, /en/organisation/….
    path("<int:pk>/", views.MyOrganisationView.as_view(), name="mine"),  # logged in, from Mina sidor
    path("lank/<str:token>/", views.DetailsByLinkView.as_view(), name="by_link"),  # the personal link
    path("bekrafta/<str:token>/", views.ConfirmEmailView.as_view(), name="confirm"),  # a new contact e-mail
]
