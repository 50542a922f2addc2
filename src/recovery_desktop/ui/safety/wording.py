# SPDX-License-Identifier: GPL-3.0-or-later
"""The words of the plan's sections, in our own words (the Stanley-Brown form's text is its
authors' copyright): a title, a line saying what belongs there, an example for an empty line,
and the words of its Add button. Translated in the context "SafetyWords" (ui/words.py), as are
the other words of the Safety plan page's parts."""

from __future__ import annotations

from dataclasses import dataclass

from recovery_desktop.core.models import PlanSection, Role
from recovery_desktop.ui.words import QtWords


class SafetyWords(QtWords):
    """The words of the Safety plan page and its parts."""


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
            SafetyWords.QT_TR_NOOP("Warning signs"),
            SafetyWords.QT_TR_NOOP(
                "What tells you a hard time may be starting: thoughts, feelings, places, days."
            ),
            SafetyWords.QT_TR_NOOP("For example: not sleeping, or keeping to myself"),
            SafetyWords.QT_TR_NOOP("Add a warning sign"),
            SafetyWords.QT_TR_NOOP("Warning sign"),
        ),
        PlanSection.COPING_STRATEGIES: (
            SafetyWords.QT_TR_NOOP("Things I can do on my own"),
            SafetyWords.QT_TR_NOOP(
                "Small things that help you ride out a craving or a low mood by yourself."
            ),
            SafetyWords.QT_TR_NOOP("For example: a walk, loud music, a hot shower"),
            SafetyWords.QT_TR_NOOP("Add something that helps"),
            SafetyWords.QT_TR_NOOP("Thing I can do"),
        ),
        PlanSection.DISTRACTIONS: (
            SafetyWords.QT_TR_NOOP("People and places that take my mind off things"),
            SafetyWords.QT_TR_NOOP(
                "Company or a change of scene, without having to talk about how you feel."
            ),
            SafetyWords.QT_TR_NOOP("For example: the library, a friend's kitchen"),
            SafetyWords.QT_TR_NOOP("Add a place or a person"),
            SafetyWords.QT_TR_NOOP("Person or place"),
        ),
        PlanSection.HELP_PEOPLE: (
            SafetyWords.QT_TR_NOOP("People I can ask for help"),
            SafetyWords.QT_TR_NOOP(
                "People you trust to talk to when it gets hard. They show up in Help now."
            ),
            SafetyWords.QT_TR_NOOP("A name and a number, or add them from your contacts"),
            SafetyWords.QT_TR_NOOP("Add someone by name"),
            SafetyWords.QT_TR_NOOP("Person to ask"),
        ),
        PlanSection.PROFESSIONALS: (
            SafetyWords.QT_TR_NOOP("Professionals and crisis lines"),
            SafetyWords.QT_TR_NOOP(
                "Your counselor, doctor or clinic, and lines that answer any time of day."
            ),
            SafetyWords.QT_TR_NOOP("For example: the clinic's after-hours line"),
            SafetyWords.QT_TR_NOOP("Add a professional"),
            SafetyWords.QT_TR_NOOP("Professional"),
        ),
        PlanSection.SAFE_ENVIRONMENT: (
            SafetyWords.QT_TR_NOOP("Making my surroundings safer"),
            SafetyWords.QT_TR_NOOP("Steps that put distance between you and what could hurt you."),
            SafetyWords.QT_TR_NOOP("For example: nothing in the house, someone holds my bank card"),
            SafetyWords.QT_TR_NOOP("Add a step"),
            SafetyWords.QT_TR_NOOP("Step"),
        ),
        PlanSection.REASONS: (
            SafetyWords.QT_TR_NOOP("Reasons to keep going"),
            SafetyWords.QT_TR_NOOP("The people, hopes and small things that matter to you."),
            SafetyWords.QT_TR_NOOP("For example: a person, a plan, a morning you look forward to"),
            SafetyWords.QT_TR_NOOP("Add a reason"),
            SafetyWords.QT_TR_NOOP("Reason"),
        ),
    }[PlanSection(section)]
    return SectionWords(*(SafetyWords.tr(text) for text in words))


def role_text(role: Role) -> str:
    """A contact's role as a word to show, capitalised ("Sponsor"); "" for "other"."""
    words = {
        Role.SPONSOR: SafetyWords.QT_TR_NOOP("Sponsor"),
        Role.FAMILY: SafetyWords.QT_TR_NOOP("Family"),
        Role.FRIEND: SafetyWords.QT_TR_NOOP("Friend"),
        Role.PEER: SafetyWords.QT_TR_NOOP("Peer"),
        Role.COUNSELOR: SafetyWords.QT_TR_NOOP("Counselor"),
        Role.FACILITATOR: SafetyWords.QT_TR_NOOP("Group facilitator"),
        Role.OTHER: "",
    }[Role(role)]
    return SafetyWords.tr(words) if words else ""
