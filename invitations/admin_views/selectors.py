"""Reads for the admin screens that the domain selectors do not need: picking organisations and the
day's attendee list. Each is one query, whatever the number of organisations."""

from django.db.models import QuerySet

from consultations.models import ConsultationPage
from organisations.models import Organisation

from ..models import Attendee, Invitation, InvitationStatus


def organisation_candidates(*, consultation, kind: str = "", county: str = "", theme=None) -> QuerySet:
    """Organisations not yet on this consultation's list, narrowed by the filters given.

    Organisations have no theme of their own, so "theme" means: invited before to a consultation
    with that theme (the data link there is: Invitation -> ConsultationPage.themes).
    """
    rows = Organisation.objects.exclude(invitations__consultation=consultation)
    if kind:
        rows = rows.filter(kind=kind)
    if county:
        rows = rows.filter(county=county)
    if theme is not None:
        rows = rows.filter(invitations__consultation__themes=theme).distinct()
    return rows.order_by("name")


def organisation_ids_invited_to(*, consultation) -> set[int]:
    return set(Invitation.objects.filter(consultation=consultation).values_list("organisation_id", flat=True))


def consultations_with_invitations(*, exclude) -> QuerySet:
    """Earlier (or parallel) consultations whose invitation list can be reused, newest first."""
    return (
        ConsultationPage.objects.exclude(pk=exclude.pk)
        .filter(invitations__isnull=False)
        .distinct()
        .order_by("-date", "title")
    )


def attendees_coming(*, consultation, search: str = "") -> QuerySet:
    """Attendees holding seats (accepted invitations), by organisation then name: the day's list.

    Waitlisted organisations' people are not coming unless promoted, so they are left out.
    """
    rows = Attendee.objects.filter(
        consultation=consultation, invitation__status=InvitationStatus.ACCEPTED
    ).select_related("invitation__organisation")
    if search:
        rows = rows.filter(name__icontains=search) | rows.filter(
            invitation__organisation__name__icontains=search
        )
    return rows.order_by("invitation__organisation__name", "name", "pk")
