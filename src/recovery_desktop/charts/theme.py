# SPDX-License-Identifier: GPL-3.0-or-later
"""The charts' colours in light, dark and print, without Qt (ui/theme.py holds the app's).

Categories use the Okabe-Ito palette, which stays distinct for the common kinds of colour
blindness; each category also has its own marker and hatch, so a chart printed in black and
white still tells them apart. Moods use a sequential scale (from the same purple-blue-green-
yellow hues as the app's mood colours) whose lightness rises steadily from awful to great, so
it reads in grey too. Backgrounds and text follow ui/theme.py's LIGHT and DARK schemes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recovery_desktop.core.models import Role
from recovery_desktop.insights.connection_series import GROUP

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}

# Mood 1..5: lightness rises with the mood (viridis-like), so grey print keeps the order.
MOOD_SCALE = ("#440f5c", "#3b5a8c", "#21908c", "#5dc863", "#f4e04d")
# The same hues for the dark background: viridis' deep purple is as dark as the background
# there (an awful day vanished from the calendar), so the scale starts lighter and still rises.
DARK_MOOD_SCALE = ("#7d4fab", "#4d7bbb", "#2a9d94", "#5dc863", "#f4e04d")


@dataclass(frozen=True, slots=True)
class Style:
    """How one category is drawn: a colour, a marker and a hatch (never colour alone)."""

    colour: str
    marker: str
    hatch: str


def _roles(other: str) -> dict[str, Style]:
    o = OKABE_ITO
    return {
        Role.SPONSOR.value: Style(o["blue"], "o", "//"),
        Role.FAMILY.value: Style(o["orange"], "s", "\\\\"),
        Role.FRIEND.value: Style(o["bluish green"], "^", "xx"),
        Role.PEER.value: Style(o["sky blue"], "D", ".."),
        Role.COUNSELOR.value: Style(o["vermillion"], "v", "--"),
        Role.FACILITATOR.value: Style(o["reddish purple"], "P", "++"),
        Role.OTHER.value: Style(other, "X", "||"),
        GROUP: Style(o["yellow"], "h", "oo"),
    }


def _series(other: str) -> tuple[Style, ...]:
    """Styles for numbered series (one per goal), in order."""
    o = OKABE_ITO
    return (
        Style(o["blue"], "o", "-"),
        Style(o["vermillion"], "s", "--"),
        Style(o["bluish green"], "^", "-."),
        Style(o["reddish purple"], "D", ":"),
        Style(o["orange"], "v", "-"),
        Style(o["sky blue"], "P", "--"),
        Style(other, "X", "-."),
    )


@dataclass(frozen=True, slots=True)
class ChartTheme:
    name: str
    background: str
    text: str
    muted: str  # axes, ticks, secondary text
    grid: str
    points: str  # daily values
    line: str  # 7-day means and other main lines
    marker: str  # meetings, new starts
    shade: str  # sober runs
    empty_cell: str  # a calendar day with no mood recorded
    roles: dict[str, Style] = field(default_factory=dict)
    series: tuple[Style, ...] = ()
    moods: tuple[str, ...] = MOOD_SCALE
    font_size: float = 10.0

    def role(self, role: str) -> Style:
        return self.roles.get(role, self.roles[Role.OTHER.value])


LIGHT = ChartTheme(
    name="light",
    background="#ffffff",
    text="#2b2d2f",
    muted="#5f6366",
    grid="#e3e0d8",
    points="#5f6366",
    line=OKABE_ITO["blue"],
    marker=OKABE_ITO["vermillion"],
    shade="#dcede2",
    empty_cell="#ebe8df",
    roles=_roles("#4d4d4d"),
    series=_series("#4d4d4d"),
)

DARK = ChartTheme(
    name="dark",
    background="#272c30",
    text="#e6e4df",
    muted="#a7aaa8",
    grid="#3a4146",
    points="#b9bcba",
    line=OKABE_ITO["sky blue"],
    marker=OKABE_ITO["orange"],
    shade="#2d3d35",
    empty_cell="#3a4146",
    roles=_roles("#d0d0d0"),
    series=_series("#d0d0d0"),
    moods=DARK_MOOD_SCALE,
)

# For the counselor report and black-and-white printers: white paper, black ink.
PRINT = ChartTheme(
    name="print",
    background="#ffffff",
    text="#000000",
    muted="#333333",
    grid="#dddddd",
    points="#444444",
    line="#000000",
    marker="#000000",
    shade="#e4e4e4",
    empty_cell="#f2f2f2",
    roles=_roles("#4d4d4d"),
    series=_series("#4d4d4d"),
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, PRINT)}
