# SPDX-License-Identifier: GPL-3.0-or-later
"""Writing prompts and entry templates for a blank page, drawn from recovery themes.

A blank page can be the hardest part of journaling, so the editor offers one gentle question at
a time and a few ready-made shapes for an entry. Everything here is plain Python (no Qt) so the
words can be tested and reused by the CLI. The words are warm and plain on purpose: never
shaming, never a demand; every prompt can be skipped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Prompt:
    """One writing question and the theme it belongs to."""

    theme: str
    text: str


@dataclass(frozen=True, slots=True)
class Template:
    """A built-in shape for an entry: a name and a Markdown body to fill in."""

    title: str
    body: str


THEMES: dict[str, tuple[str, ...]] = {
    "trust": (
        "Who is one person you are slowly rebuilding trust with? What small thing went well "
        "between you lately?",
        "Write about a promise you kept this week, however small. How did it feel to keep it?",
        "What does trust look like to you now, compared with a year ago?",
        "Is there someone you find it hard to trust? What would help, even a little?",
        "What is one thing you could do tomorrow that would help someone count on you?",
        "When did someone trust you before you felt you had earned it? What did that mean to you?",
        "How are you learning to trust yourself again? Where do you notice it?",
        "What would you like the people close to you to know about how hard you are trying?",
        "Think of a time you told the truth when it was easier not to. What happened next?",
    ),
    "belonging": (
        "Where did you feel you belonged this week? Who was there?",
        "Describe a meeting, group or place where you can just be yourself.",
        "Who would you like to get to know better? What could be a first small step?",
        "When did you last feel alone in a room full of people? What might help next time?",
        "Write about someone who made you feel welcome when you were new.",
        "What do you bring to the people around you, just by showing up?",
        "Which places or people help you feel steady? How could you spend a little more time there?",
        "Is there a community you have drifted away from and miss? What do you miss about it?",
        "What does being part of something bigger than yourself mean to you today?",
    ),
    "giving back": (
        "What is one small kind thing you did for someone recently? How did it feel?",
        "Who helped you early in your recovery? What would you say to them now?",
        "What have you learned the hard way that might help someone else?",
        "Write about a time when helping someone else also helped you.",
        "What is a small way you could be of service this week?",
        "If someone new asked you what keeps you going, what would you tell them?",
        "How has listening to someone else's story changed how you see your own?",
        "What skills or strengths do you have that you would like to share more?",
        "Think of someone who might be struggling right now. What could you offer them?",
    ),
    "gratitude": (
        "Name three things, big or small, that you are thankful for today.",
        "Who made today a little easier? What did they do?",
        "What is something about your body or health you are grateful for right now?",
        "Write about a simple pleasure you enjoyed recently: a meal, a walk, a song.",
        "What is something you have now that you did not have a year ago?",
        "What is a part of your recovery that you are quietly proud of?",
        "Which moment today would you like to remember? Describe it in detail.",
        "What is one thing about yourself you are grateful for today?",
        "Write a short thank-you note to someone, even if you never send it.",
    ),
    "a hard moment": (
        "What was the hardest moment today? What got you through it?",
        "When a craving came, what did you notice first: a place, a feeling, a person, a time?",
        "Write about a hard feeling without judging it. Where do you feel it in your body?",
        "What would you say to a good friend who was going through what you are going through?",
        "What helped last time things felt this heavy? Could any of it help now?",
        "Who could you reach out to today, even just to say hello?",
        "Write about a difficult moment you got through. What does that tell you about yourself?",
        "If today was a setback, what is one kind and honest thing you can say to yourself?",
        "What do you need most right now: rest, company, food, quiet, or something else?",
    ),
}

TEMPLATES: tuple[Template, ...] = (
    Template(
        "Daily inventory",
        "## Daily inventory\n\n"
        "**What went well today:**\n\n- \n\n"
        "**Where I struggled:**\n\n- \n\n"
        "**Anything I owe an apology for:**\n\n- \n\n"
        "**What I will try tomorrow:**\n\n- \n",
    ),
    Template(
        "Gratitude list",
        "## Gratitude list\n\nToday I am grateful for:\n\n1. \n2. \n3. \n\n"
        "**One person I am thankful for, and why:**\n\n",
    ),
    Template(
        "After a hard moment",
        "## After a hard moment\n\n"
        "**What happened:**\n\n\n"
        "**What I felt (and where in my body):**\n\n\n"
        "**What I did that helped, even a little:**\n\n\n"
        "**Who I could reach out to:**\n\n\n"
        "**One kind thing I can say to myself:**\n\n",
    ),
    Template(
        "Making amends: what I want to say",
        "## Making amends\n\n"
        "**Who:**\n\n\n"
        "**What I did, in plain words:**\n\n\n"
        "**How it may have affected them:**\n\n\n"
        "**What I want to say:**\n\n\n"
        "**What I can do differently now:**\n\n",
    ),
    Template(
        "Meeting reflection",
        "## Meeting reflection\n\n"
        "**Meeting:**\n\n\n"
        "**Something I heard that stayed with me:**\n\n\n"
        "**Something I shared, or wanted to share:**\n\n\n"
        "**Someone I connected with:**\n\n",
    ),
)

PROMPTS: tuple[Prompt, ...] = tuple(
    Prompt(theme, text) for theme, texts in THEMES.items() for text in texts
)


def prompt_of_the_day(day: date) -> Prompt:
    """The same prompt all day long, a different one from day to day.

    A hash of the date (not Python's salted `hash`) keeps it stable across runs and machines;
    consecutive days step through the themes so two days in a row rarely feel alike.
    """
    themes = list(THEMES)
    theme = themes[day.toordinal() % len(themes)]
    digest = hashlib.sha256(day.isoformat().encode("ascii")).digest()
    texts = THEMES[theme]
    return Prompt(theme, texts[int.from_bytes(digest[:4], "big") % len(texts)])


def next_prompt(current: Prompt) -> Prompt:
    """The prompt after `current` for "Another prompt": walks every prompt once, then wraps.

    It moves to the next theme each time, so a person who skips a heavy question gets a
    different kind of question rather than another of the same.
    """
    try:
        index = PROMPTS.index(current)
    except ValueError:
        return PROMPTS[0]
    themes = list(THEMES)
    per_theme = len(THEMES[current.theme])
    theme_index = themes.index(current.theme)
    position = index - sum(len(THEMES[t]) for t in themes[:theme_index])
    next_theme_index = (theme_index + 1) % len(themes)
    if next_theme_index == 0:
        position = (position + 1) % per_theme
    next_theme = themes[next_theme_index]
    texts = THEMES[next_theme]
    return Prompt(next_theme, texts[position % len(texts)])


def template_named(title: str) -> Template | None:
    """A built-in template by its title, or None."""
    return next((t for t in TEMPLATES if t.title == title), None)
