"""Who may ask the panel, support questions, and moderate the queue. Used by the views, the wall
panel, the services and the socket alike."""

from __future__ import annotations

from dataclasses import dataclass

from breakouts.permissions import can_run_plenary
from breakouts.selectors import takes_part_in_plenary
from sakrad.roles import staff_may

# Moderating the queue (opening, closing, approving, answering); the organisers hold it
# (staff_roles/groups.py).
MANAGE_PERMISSION = "panel_questions.change_panelquestion"


def can_moderate_panel_questions(*, user, consultation) -> bool:
    """Organisers who may edit the consultation: they run the plenary and write its minutes."""
    return staff_may(user=user, permission=MANAGE_PERMISSION, page=consultation)


@dataclass(frozen=True)
class PanelRights:
    ask: bool
    view: bool


def can_ask_panel(*, user, consultation) -> bool:
    """Those in the plenary (`breakouts.selectors.in_the_room`: the same rule as for voting)."""
    return takes_part_in_plenary(user=user, consultation=consultation)


def panel_rights(*, user, consultation) -> PanelRights:
    """Both rights at the cost of one: the phone page asks on every refresh of a room of phones."""
    ask = can_ask_panel(user=user, consultation=consultation)
    return PanelRights(ask=ask, view=ask or can_run_plenary(user=user, consultation=consultation))


def can_view_panel(*, user, consultation) -> bool:
    """The phone page and the live socket: those who may ask, and the staff who run the plenary."""
    return panel_rights(user=user, consultation=consultation).view
