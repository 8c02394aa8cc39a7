"""Reads of the register."""

from __future__ import annotations

from .models import Organisation


def organisations_in_contact(*, user):
    """The organisations whose details this person keeps (permissions.is_contact_person), by name."""
    if user is None or not user.is_authenticated or not user.is_active or not user.email:
        return Organisation.objects.none()
    return Organisation.objects.filter(contact_email__iexact=user.email).order_by("name")
