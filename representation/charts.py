"""Horizontal bar charts as geometry for an inline SVG template: a group of three bars (invited,
answered, attended) per county or kind. Bars differ in shade of the text colour, so they follow the
admin's light and dark themes; the legend, the written values and the table carry the meaning."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .figures import Counts

LABEL_WIDTH = 200
PLOT_WIDTH = 330
VALUE_WIDTH = 40
BAR = 9
GAP = 2
GROUP_GAP = 10
LEGEND_HEIGHT = 28
SERIES = (
    ("invited", _("Invited"), "0.3"),
    ("answered", _("Answered"), "0.6"),
    ("attended", _("Attended"), "1"),
)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    opacity: str
    value_x: int


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    legend: list[tuple[int, str, str]]  # (x, label, opacity)
    groups: list[Group]


def bar_chart(*, chart_id: str, title, description, items: list[tuple[str, Counts]]) -> Chart:
    """`items`: (label, counts) in the order to draw them; bar lengths are relative to the largest."""
    largest = max((counts.invited for _, counts in items), default=0) or 1
    group_height = len(SERIES) * (BAR + GAP) + GROUP_GAP
    groups = []
    for number, (label, counts) in enumerate(items):
        top = LEGEND_HEIGHT + number * group_height
        bars = []
        for index, (field, series_label, opacity) in enumerate(SERIES):
            value = getattr(counts, field)
            width = round(PLOT_WIDTH * value / largest)
            y = top + index * (BAR + GAP)
            bars.append(Bar(str(series_label), value, y, width, opacity, LABEL_WIDTH + width + 4))
        groups.append(Group(str(label), top + (len(SERIES) * (BAR + GAP)) // 2 + 3, bars))
    legend = [
        (LABEL_WIDTH + index * 110, str(label), opacity) for index, (_f, label, opacity) in enumerate(SERIES)
    ]
    return Chart(
        id=chart_id,
        title=str(title),
        description=str(description),
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=LEGEND_HEIGHT + len(items) * group_height,
        label_width=LABEL_WIDTH,
        legend=legend,
        groups=groups,
    )
