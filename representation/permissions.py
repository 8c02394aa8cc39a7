"""Who may see the representation overview: staff, organisers and approvers alike. The figures are
counts of organisations by county and kind, with no one named, so page rights do not narrow them."""

from __future__ import annotations

from breakouts.permissions import is_staff


def can_view_representation(user) -> bool:
    return is_staff(user)
