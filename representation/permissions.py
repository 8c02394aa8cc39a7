"""Who may see the representation overview: the organisers, who plan whom to invite. The figures are
counts of invitations, answers and attendance by county and kind, with no one named, so they need seeing
invitations but no rights on any one consultation's page."""

from __future__ import annotations

from sakrad.roles import staff_may

VIEW_PERMISSION = "invitations.view_invitation"


def can_view_representation(*, user) -> bool:
    return staff_may(user=user, permission=VIEW_PERMISSION)
