# SPDX-License-Identifier: GPL-3.0-or-later
"""The words of the plan's sections, in our own words (the Stanley-Brown form's text is its
authors' copyright): a title, a line saying what belongs there, an example for an empty line,
and the words of its Add button. Translated in the "SafetyPlanPage" context."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from recovery_desktop.core.models import PlanSection, Role

CONTEXT = "SafetyPlanPage"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True, slots=True)
class SectionWords:
    title: str
    hint: str
    placeholder: str
    add: str  # the Add button
    item: str  # what one item is called, for accessible names ("Warning sign 2")


def section_words(section: PlanSection) -> SectionWords:
    """The translated words for one section."""
    words = {
        PlanSection.WARNING_SIGNS: (
            "Warning signs",
            "What tells you a hard time may be starting: thoughts, feelings, places, days.",
            "For example: not sleeping, or keeping to myself",
            "Add a warning sign",
            "Warning sign",
        ),
        PlanSection.COPING_STRATEGIES: (
            "Things I can do on my own",
            "Small things that help you ride out a craving or a low mood by yourself.",
            "For example: a walk, loud music, a hot shower",
            "Add something that helps",
            "Thing I can do",
        ),
        PlanSection.DISTRACTIONS: (
            "People and places that take my mind off things",
            "Company or a change of scene, without having to talk about how you feel.",
            "For example: the library, a friend's kitchen",
            "Add a place or a person",
            "Person or place",
        ),
        PlanSection.HELP_PEOPLE: (
            "People I can ask for help",
            "People you trust to talk to when it gets hard. They show up in Help now.",
            "A name and a number, or add them from your contacts",
            "Add someone by name",
            "Person to ask",
        ),
        PlanSection.PROFESSIONALS: (
            "Professionals and crisis lines",
            "Your counselor, doctor or clinic, and lines that answer any time of day.",
            "For example: the clinic's after-hours line",
            "Add a professional",
            "Professional",
        ),
        PlanSection.SAFE_ENVIRONMENT: (
            "Making my surroundings safer",
            "Steps that put distance between you and what could hurt you.",
            "For example: nothing in the house, someone holds my bank card",
            "Add a step",
            "Step",
        ),
        PlanSection.REASONS: (
            "Reasons to keep going",
            "The people, hopes and small things that matter to you.",
            "For example: a person, a plan, a morning you look forward to",
            "Add a reason",
            "Reason",
        ),
    }[PlanSection(section)]
    return SectionWords(*(tr(text) for text in words))


def role_text(role: Role) -> str:
    """A contact's role as a word to show, capitalised ("Sponsor"); "" for "other"."""
    words = {
        Role.SPONSOR: "Sponsor",
        Role.FAMILY: "Family",
        Role.FRIEND: "Friend",
        Role.PEER: "Peer",
        Role.COUNSELOR: "Counselor",
        Role.FACILITATOR: "Group facilitator",
        Role.OTHER: "",
    }[Role(role)]
    return tr(words) if words else ""
