"""The panels of questions to the panel: on the plenary wall (the one being answered, and the staff's
controls for the approved ones; never the unmoderated queue, which a projector would show the room)
and on each group's page (the way to the phone page). Registered with breakouts/plenary_wall.py."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from breakouts.plenary_wall import GROUP_PAGE, WALL, wall_panel_register
from sakrad.links import absolute_url
from sakrad.qr import qr_svg

from .permissions import can_moderate_panel_questions, can_view_panel
from .selectors import now_answering, queue_for, room_questions, status_counts

WALL_LIST_LENGTH = 8


def wall_context(*, request, consultation) -> dict:
    """The wall panel's context (also its live fragment, views.wall_fragment)."""
    queue = queue_for(consultation=consultation)
    phone_path = reverse("panel_questions:phone", args=[consultation.pk])
    questions = [q for q in room_questions(consultation=consultation) if q.status == "approved"]
    return {
        "consultation": consultation,
        "queue": queue,
        "is_open": queue is not None and queue.is_open,
        "answering": now_answering(consultation=consultation),
        "questions": questions[:WALL_LIST_LENGTH],
        "more": max(0, len(questions) - WALL_LIST_LENGTH),
        "pending": status_counts(consultation=consultation)["pending"],
        "can_moderate": can_moderate_panel_questions(user=request.user, consultation=consultation),
        "phone_url": absolute_url(phone_path),
        "qr": qr_svg(
            path=phone_path, title=_("QR code: questions to the panel on your phone"), css_class="panel-qr"
        ),
        "socket_url": f"/ws/panel/{consultation.pk}",
        "next": reverse("breakouts:plenary", args=[consultation.pk]),
    }


def _wall(*, request, consultation) -> dict | None:
    # The wall's own view lets in only those who run the plenary (breakouts.views.plenary).
    return wall_context(request=request, consultation=consultation)


def _group_page(*, request, consultation) -> dict | None:
    queue = queue_for(consultation=consultation)
    if queue is None or not can_view_panel(user=request.user, consultation=consultation):
        return None
    return {"consultation": consultation, "is_open": queue.is_open}


wall_panel_register(
    name="panel_questions", order=20, template="panel_questions/wall_panel.html", read=_wall, place=WALL
)
wall_panel_register(
    name="panel_questions_group_page",
    order=20,
    template="panel_questions/group_panel.html",
    read=_group_page,
    place=GROUP_PAGE,
)
