# SPDX-License-Identifier: GPL-3.0-or-later
"""Writing prompts and templates: enough of them, stable per day, and every one reachable."""

from __future__ import annotations

from datetime import date, timedelta

from recovery_desktop.core.prompts import (
    PROMPTS,
    TEMPLATES,
    THEMES,
    Prompt,
    next_prompt,
    prompt_of_the_day,
    template_named,
)


def test_every_theme_has_at_least_eight_distinct_prompts() -> None:
    assert set(THEMES) == {"trust", "belonging", "giving back", "gratitude", "a hard moment"}
    for theme, texts in THEMES.items():
        assert len(texts) >= 8, theme
        assert len(set(texts)) == len(texts), theme
        assert all(t.strip() == t and t for t in texts)


def test_words_stay_gentle() -> None:
    harsh = ("should have", "failure", "failed", "must ", "relapsed", "addict", "junkie", "clean")
    for prompt in PROMPTS:
        lowered = prompt.text.lower()
        assert not any(word in lowered for word in harsh), prompt.text


def test_four_to_six_templates_with_markdown_bodies() -> None:
    assert 4 <= len(TEMPLATES) <= 6
    titles = [t.title for t in TEMPLATES]
    for expected in (
        "Daily inventory",
        "Gratitude list",
        "After a hard moment",
        "Making amends: what I want to say",
        "Meeting reflection",
    ):
        assert expected in titles
        assert template_named(expected) is not None
    assert template_named("No such template") is None
    assert all(t.body.startswith("## ") for t in TEMPLATES)


def test_prompt_of_the_day_is_stable_and_varies() -> None:
    day = date(2024, 3, 1)
    assert prompt_of_the_day(day) == prompt_of_the_day(date(2024, 3, 1))
    month = [prompt_of_the_day(day + timedelta(days=i)) for i in range(30)]
    assert len({p.text for p in month}) >= 15
    assert all(p in PROMPTS for p in month)
    # two days in a row never share a theme
    assert all(a.theme != b.theme for a, b in zip(month, month[1:], strict=False))


def test_another_prompt_walks_every_prompt_once_then_wraps() -> None:
    start = prompt_of_the_day(date(2025, 7, 9))
    seen = [start]
    current = start
    for _ in range(len(PROMPTS) - 1):
        current = next_prompt(current)
        assert current.theme != seen[-1].theme
        seen.append(current)
    assert len(set(seen)) == len(PROMPTS)
    assert next_prompt(current) == start


def test_unknown_prompt_starts_again() -> None:
    assert next_prompt(Prompt("trust", "not a prompt")) == PROMPTS[0]
