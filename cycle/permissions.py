"""Who may see what here: everything in the annual cycle is public, so what anyone may see is what is
live and under no view restriction. A draft or a private consultation is never listed, never in the
feed, and its .ics download is a 404."""

from consultations.models import ConsultationPage


def publicly_visible_consultations():
    return ConsultationPage.objects.live().public()
