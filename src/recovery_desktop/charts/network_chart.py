# SPDX-License-Identifier: GPL-3.0-or-later
"""The support-network map: you at the centre, the people and groups around you by role (one
sector each), sized by how often you connected in the period and shaded by how recently."""

from __future__ import annotations

import math

from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from recovery_desktop.charts.base import (
    ChartWords,
    fitted,
    inches_tall,
    kind_message,
    new_figure,
    period_subtitle,
    titles,
)
from recovery_desktop.charts.theme import ChartTheme
from recovery_desktop.insights.connection_series import role_words
from recovery_desktop.insights.network import NetworkPerson, SupportNetwork
from recovery_desktop.insights.period import WORDS, DateWords
from recovery_desktop.insights.tables import period_words

NETWORK_TITLE = ChartWords.QT_TR_NOOP("Your support network")
# (days since the last connection, opacity, legend): recent connections are drawn fully.
RECENCY = (
    (7, 1.0, ChartWords.QT_TR_NOOP("last one in the last week")),
    (30, 0.7, ChartWords.QT_TR_NOOP("last one in the last month")),
    (None, 0.35, ChartWords.QT_TR_NOOP("last one longer ago")),
)


def recency_alpha(days_since: int) -> float:
    for limit, alpha, _words in RECENCY:
        if limit is None or days_since <= limit:
            return alpha
    return RECENCY[-1][1]


def _first_name(name: str) -> str:
    return name if len(name) <= 18 else name[:17].rstrip() + "…"


def layout(people: tuple[NetworkPerson, ...]) -> list[tuple[NetworkPerson, float]]:
    """(person, angle in radians) around the circle, clockwise from the top: one run of
    neighbours per role, in the map's role order."""
    count = len(people)
    return [(p, math.pi / 2 - 2 * math.pi * (i + 0.5) / count) for i, p in enumerate(people)]


def marker_sizes(shares: list[float], count: int, inches_per_unit: float) -> list[float]:
    """Marker sizes (points) for people with these shares of the most connections: bigger
    for more, but never wider than the room between neighbours on the ring, so two busy
    neighbours do not overlap."""
    gap = 2 * math.sin(math.pi / count) * inches_per_unit * 72 if count > 1 else 40.0
    most = max(7.0, min(22.0, 0.8 * gap))
    least = min(7.0, most)
    return [least + (most - least) * math.sqrt(share) for share in shares]


def blend(colour: str, background: str, strength: float) -> str:
    """`colour` faded towards the background (no transparency, so nothing shows through)."""
    a, b = to_rgb(colour), to_rgb(background)
    return to_hex(tuple(strength * x + (1 - strength) * y for x, y in zip(a, b, strict=True)))


def network_chart(data: SupportNetwork, theme: ChartTheme, words: DateWords = WORDS) -> Figure:
    figure = new_figure(theme, 7.5)
    subtitle = period_subtitle(data.period, words)
    title = ChartWords.tr(NETWORK_TITLE)
    if not data.people:
        when = period_words(data.period, data.today, words)
        return kind_message(
            figure,
            theme,
            title,
            subtitle,
            ChartWords.tr(
                "No connections with people or groups logged {when}. When you note who you "
                "talked to, they will gather around you here.",
                when=when,
            ),
        )
    if data.left_off:
        subtitle = ChartWords.tr(
            "{period}. Bigger: more connections; the %n others are in the table.",
            None,
            data.left_off,
            period=subtitle,
        )
    else:
        subtitle = ChartWords.tr("{period}. Bigger: more connections.", period=subtitle)
    titles(figure, theme, title, subtitle)
    place = (0.02, 0.13, 0.96, 0.75)  # room beneath for two rows of legend
    ax = figure.add_axes(place)
    ax.set_facecolor(theme.background)
    ax.set_axis_off()
    ax.set_xlim(-2.5, 2.5)
    ax.set_ylim(-2.45, 2.45)
    ax.set_aspect("equal")
    placed = layout(data.on_map)
    most = max(p.connections for p, _ in placed)
    width, height = figure.get_size_inches()
    inches_per_unit = min(place[2] * width / 5.0, place[3] * height / 4.9)  # equal aspect
    sizes = marker_sizes([p.connections / most for p, _ in placed], len(placed), inches_per_unit)
    for (person, angle), size in zip(placed, sizes, strict=True):
        x, y = math.cos(angle), math.sin(angle)
        share = person.connections / most
        style = theme.role(person.role)
        ax.plot(
            [0, x],
            [0, y],
            color=theme.muted,
            alpha=0.3 + 0.4 * share,
            linewidth=0.6 + 3 * share,
            zorder=1,
        )
        ax.plot(
            [x],
            [y],
            linestyle="none",
            marker=style.marker,
            markersize=size,
            color=blend(style.colour, theme.background, recency_alpha(person.days_since)),
            markeredgecolor=theme.text,
            markeredgewidth=0.6,
            zorder=2,
            gid=f"person:{person.name}",
        )
        right = x >= -1e-9
        reach = 1.12 + 0.07 * math.sqrt(share)
        ax.text(
            x * reach,
            y * reach,
            f"{_first_name(person.name)} ({person.connections})",
            rotation=math.degrees(angle) if right else math.degrees(angle) + 180,
            rotation_mode="anchor",
            ha="left" if right else "right",
            va="center",
            fontsize=theme.font_size * 0.8,
            color=theme.text,
            zorder=3,
        )
    ax.plot(
        [0], [0], linestyle="none", marker="o", markersize=34, color=theme.line, zorder=4, gid="you"
    )
    ax.text(
        0,
        0,
        ChartWords.tr("You"),
        ha="center",
        va="center",
        color=theme.background,
        fontsize=theme.font_size * 1.1,
        fontweight="bold",
        zorder=5,
    )
    roles = []
    for person, _ in placed:
        if person.role not in roles:
            roles.append(person.role)
    # Two rows of legend under the map: who (one mark per role), then how recently.
    people = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=theme.role(r).marker,
            markersize=8,
            color=theme.role(r).colour,
            markeredgecolor=theme.text,
            markeredgewidth=0.5,
            label=role_words(r),
        )
        for r in roles
    ]
    recency = [
        Patch(facecolor=blend(theme.muted, theme.background, alpha), label=ChartWords.tr(label))
        for _limit, alpha, label in RECENCY
    ]
    below = 0.02
    for handles in (recency, people):

        def make(ncol: int, handles=handles, below=below) -> Legend:
            box = figure.legend(
                handles=handles,
                loc="lower center",
                ncol=ncol,
                frameon=False,
                bbox_to_anchor=(0.5, below),
                fontsize=theme.font_size * 0.8,
                columnspacing=1.0,
                handlelength=1.4,
                borderaxespad=0.0,
            )
            for text in box.get_texts():
                text.set_color(theme.text)
            return box

        box = fitted(make, figure, 0.0, len(handles), len(handles))
        below += inches_tall(figure, box) / figure.get_size_inches()[1]
    return figure
