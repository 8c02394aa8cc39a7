"""The panels other apps add to the plenary wall (breakouts/views.py: `plenary`), under the takeaways,
and to each group's page (`group_notes`: the way to the phone pages the plenary uses, say).

breakouts sits below the apps that run the plenary (prioritising, questions to the panel), so each
registers its panel in its own `plenary_wall.py`, which BreakoutsConfig.ready finds like Django's
admin finds `admin.py`. A panel's `read` returns the template's context, or None when it has nothing
to show on this consultation's wall for this person (staff see the controls, the room the results).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

WALL = "wall"
GROUP_PAGE = "group"


@dataclass(frozen=True)
class WallPanel:
    name: str  # one panel per name: registering a name again replaces it
    order: int  # place on the wall, smallest first
    template: str  # renders the panel, with what `read` returns as `panel`
    read: Callable[..., dict | None]  # read(request=..., consultation=...) -> context, or None: not shown
    place: str = WALL  # WALL or GROUP_PAGE


@dataclass(frozen=True)
class WallPanelShown:
    name: str
    template: str
    context: dict


_PANELS: dict[str, WallPanel] = {}


def wall_panel_register(
    *, name: str, order: int, template: str, read: Callable[..., dict | None], place: str = WALL
) -> None:
    _PANELS[name] = WallPanel(name=name, order=order, template=template, read=read, place=place)


def wall_panels(*, request, consultation, place: str = WALL) -> list[WallPanelShown]:
    """Every panel registered for `place` with something to show, in order."""
    shown = []
    panels = (panel for panel in _PANELS.values() if panel.place == place)
    for panel in sorted(panels, key=lambda panel: (panel.order, panel.name)):
        context = panel.read(request=request, consultation=consultation)
        if context is not None:
            shown.append(WallPanelShown(panel.name, panel.template, context))
    return shown
