# SPDX-License-Identifier: GPL-3.0-or-later
"""The two colour schemes, every text and background pair they make, and WCAG contrast.

No Qt here, so the colours can be checked on their own: `Scheme.pairs()` lists each pair the
theme puts on screen (text on a background, or a focus ring next to what surrounds it) with
the contrast WCAG 2.2 asks of it: 4.5:1 for text (AA, 1.4.3), 3:1 for focus rings and control
edges (1.4.11). `ui/theme.py` builds the palette and the style sheet from these colours only,
and a test computes the contrast of every pair in both schemes.
"""

from __future__ import annotations

from typing import NamedTuple

TEXT_CONTRAST = 4.5  # WCAG AA for text below 18 pt (14 pt bold); all our text is that size
RING_CONTRAST = 3.0  # WCAG AA for focus rings and the edges of controls

# Mood 1..5 (awful .. great): a soft scale that reads in both schemes, never alarm-red.
MOOD_COLORS: dict[int, str] = {
    1: "#7b6fb0",
    2: "#6c8fc7",
    3: "#8aa6a3",
    4: "#7fb685",
    5: "#e0b354",
}


class Pair(NamedTuple):
    """Text (or a ring) of `foreground` on `background`, needing `minimum` contrast."""

    name: str
    foreground: str
    background: str
    minimum: float = TEXT_CONTRAST

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


class Scheme(NamedTuple):
    """The few colours everything else is derived from. (Named tuples, not dataclasses: this
    module loads before the unlock window appears, and dataclasses cost ~2.5 ms more.)"""

    name: str  # "light" or "dark"
    window: str
    base: str  # text fields, lists, cards
    alt_base: str  # buttons
    sidebar: str
    text: str
    muted: str  # secondary text
    border: str
    accent: str  # selection, chosen buttons, the default button, links, focus ring
    accent_text: str  # text on the accent
    help_now: str
    help_now_text: str
    banner: str  # a soft background for notes and the demo banner
    error_text: str  # calm, for "that didn't work" messages; not alarm red
    focus: str  # the focus ring around a control on the page
    focus_on_accent: str  # the focus ring around a control filled with the accent or Help now
    control_edge: str  # the edge of an unticked check box or radio button (WCAG 1.4.11)

    def pairs(self) -> list[Pair]:
        """Every text/background pair the palette and the style sheet use, and every focus
        ring with the colours it sits between."""
        pages = {
            "window": self.window,
            "base": self.base,
            "alt_base": self.alt_base,
            "sidebar": self.sidebar,
        }
        found: list[Pair] = []
        for where, background in pages.items():
            if where != "sidebar":  # check boxes and radio buttons sit on the other three
                found.append(
                    Pair(
                        f"edge of a check box or radio button on {where}",
                        self.control_edge,
                        background,
                        RING_CONTRAST,
                    )
                )
                found.append(
                    Pair(f"a ticked box on {where}", self.accent, background, RING_CONTRAST)
                )
            found.append(Pair(f"text on {where}", self.text, background))
            found.append(Pair(f"muted text on {where}", self.muted, background))
            found.append(Pair(f"focus ring on {where}", self.focus, background, RING_CONTRAST))
            found.append(
                Pair(
                    f"ring of a filled control on {where}",
                    self.focus_on_accent,
                    background,
                    RING_CONTRAST,
                )
            )
        found += [
            Pair("error text on window", self.error_text, self.window),
            Pair("error text on base", self.error_text, self.base),
            Pair("link on window", self.accent, self.window),
            Pair("link on base", self.accent, self.base),
            Pair("text on banner", self.text, self.banner),
            Pair("muted text on banner", self.muted, self.banner),
            Pair("text on a pressed button", self.text, self.border),
            Pair(
                "text on the accent (chosen page, Save, selection)", self.accent_text, self.accent
            ),
            Pair("Help now text", self.help_now_text, self.help_now),
            Pair("focus ring where a control's edge was", self.focus, self.border, RING_CONTRAST),
            Pair("the tick in a ticked box", self.accent_text, self.accent, RING_CONTRAST),
            Pair("Help now on the sidebar", self.help_now, self.sidebar, RING_CONTRAST),
        ]
        return found


LIGHT = Scheme(
    name="light",
    window="#f6f5f1",
    base="#ffffff",
    alt_base="#efede6",
    sidebar="#ebe8df",
    text="#2b2d2f",
    muted="#5f6366",
    border="#c9c5ba",
    accent="#3d7576",  # 5.2:1 under white text (was #4f8a8b, 3.9:1)
    accent_text="#ffffff",
    help_now="#b24f37",  # 5.2:1 under white text (was #c0573e, 4.49:1)
    help_now_text="#ffffff",
    banner="#f3e7c6",
    error_text="#9a4a30",
    focus="#3d7576",
    focus_on_accent="#2b2d2f",
    control_edge="#767a7d",  # 3.7:1 on a button's colour (Fusion's edge was 1.6:1)
)

DARK = Scheme(
    name="dark",
    window="#1f2326",
    base="#272c30",
    alt_base="#2d3337",
    sidebar="#191c1f",
    text="#e6e4df",
    muted="#b0b3b1",  # 4.75:1 on the banner (was #a7aaa8, 4.29:1)
    border="#454c51",
    accent="#6aa9aa",
    accent_text="#10201f",
    help_now="#b24f37",  # 5.2:1 under white text (was #d9714f, 3.27:1)
    help_now_text="#ffffff",
    banner="#4a4130",
    error_text="#eda88d",
    focus="#6aa9aa",
    focus_on_accent="#e6e4df",
    control_edge="#8a9195",  # 4.0:1 on a button's colour (Fusion's edge was 1.1:1)
)

SCHEMES: dict[str, Scheme] = {LIGHT.name: LIGHT, DARK.name: DARK}


def relative_luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of "#rrggbb" (0 black .. 1 white)."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #rrggbb, got {colour!r}")

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours, 1.0 (none) .. 21.0 (black on white)."""
    a, b = relative_luminance(first), relative_luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
