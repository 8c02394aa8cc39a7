"""The round's panels: on the plenary wall (staff: start, the QR code, live results, close) and on each
group's page (the attendees: the way to the vote while a round is open). Found by BreakoutsConfig.ready."""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import gettext as _

from breakouts.plenary_wall import GROUP_PAGE, wall_panel_register
from sakrad.links import absolute_url
from sakrad.qr import qr_svg

from .forms import StartRoundForm
from .permissions import can_run_rounds, can_vote
from .selectors import has_voted, round_latest, round_results


def wall_read(*, request, consultation) -> dict | None:
    if not can_run_rounds(user=request.user, consultation=consultation):
        return None
    get_token(request)  # the forms' CSRF cookie, on a page otherwise without forms
    latest = round_latest(consultation_id=consultation.pk)
    vote_path = reverse("priorities:vote", args=[consultation.pk])
    return {
        "consultation": consultation,
        "round": latest,
        "results": round_results(round=latest) if latest else None,
        "start_form": StartRoundForm(auto_id="priorities-start-%s"),
        "vote_path": vote_path,
        "vote_url": absolute_url(vote_path),  # to type in, for a phone without a camera
        "qr": qr_svg(
            path=vote_path, title=_("QR code: the vote on your phone"), css_class="priorities-qr__code"
        ),
        "socket_url": f"/ws/priorities/{consultation.pk}",
    }


def group_page_read(*, request, consultation) -> dict | None:
    latest = round_latest(consultation_id=consultation.pk)
    if latest is None or not latest.is_open or not can_vote(user=request.user, consultation=consultation):
        return None
    return {
        "round": latest,
        "voted": has_voted(round=latest, user=request.user),
        "vote_url": reverse("priorities:vote", args=[consultation.pk]),
    }


wall_panel_register(name="priorities", order=10, template="priorities/wall_panel.html", read=wall_read)
wall_panel_register(
    name="priorities_group",
    order=10,
    template="priorities/group_panel.html",
    read=group_page_read,
    place=GROUP_PAGE,
)
