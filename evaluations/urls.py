from django.urls import path

from . import views

app_name = "evaluations"

urlpatterns = [
    # Included under "utvardering/" in sakrad/urls.py: /utvardering/<consultation>/<token>/ and /en/….
    path("<int:consultation_id>/tack/", views.thanks, name="thanks"),
    path("<int:consultation_id>/<str:token>/", views.AnswerView.as_view(), name="answer"),
]
