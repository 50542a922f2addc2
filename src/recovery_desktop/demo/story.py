# SPDX-License-Identifier: GPL-3.0-or-later
"""The fixed parts of the demo person's story: the people of the small vault, their safety
plan, the places their groups meet, what using used to cost them, and the words they wrote on
the day before a new start. Nothing here is about a real person."""

from __future__ import annotations

from decimal import Decimal

from recovery_desktop.core.models import CommunityKind, Contact, PlanSection, Role
from recovery_desktop.core.regained import DailyCost

# The small vault's people: every role, named so the demo reads like a life.
CORE_CONTACTS = (
    Contact(
        "Dana R.",
        Role.SPONSOR,
        phone="555-0142",
        reach_out_every_days=3,
        emergency=True,
        notes="Sponsor since my first month. Calls back, always.",
    ),
    Contact("Maya (sister)", Role.FAMILY, phone="555-0178", reach_out_every_days=7, emergency=True),
    Contact("Mom", Role.FAMILY, phone="555-0110", reach_out_every_days=7),
    Contact("Leo (son)", Role.FAMILY, reach_out_every_days=2),
    Contact("Chris", Role.FRIEND, phone="555-0190", reach_out_every_days=14),
    Contact("Priya", Role.FRIEND, email="priya@example.org"),
    Contact("Marcus T.", Role.PEER, phone="555-0123", reach_out_every_days=5),
    Contact("Ana", Role.PEER, reach_out_every_days=10),
    Contact("Jordan K.", Role.PEER),
    Contact("Dr. Ellis", Role.COUNSELOR, phone="555-0101", notes="Counseling on Thursdays at 4."),
    Contact("Ruth", Role.FACILITATOR, notes="Runs the Tuesday group."),
    Contact("Sam at the food bank", Role.OTHER, notes="Volunteer coordinator."),
    Contact("Jess", Role.OTHER),  # typed in an entry's People field; still to complete
)
TO_COMPLETE = "Jess"

# The safety plan: (section, words, the contact it links to). Linked people show with their
# contact's number, so the plan never retypes one.
PLAN = (
    (PlanSection.WARNING_SIGNS, "Skipping meals and sleep", None),
    (PlanSection.WARNING_SIGNS, "Saying 'I'm fine' when I'm not", None),
    (PlanSection.WARNING_SIGNS, "Driving past the old places", None),
    (PlanSection.WARNING_SIGNS, "Payday with nothing planned", None),
    (PlanSection.COPING_STRATEGIES, "Walk around the block and breathe slowly", None),
    (PlanSection.COPING_STRATEGIES, "Play music loud and sing", None),
    (PlanSection.COPING_STRATEGIES, "Write it down here", None),
    (PlanSection.COPING_STRATEGIES, "A hot shower and something to eat", None),
    (PlanSection.DISTRACTIONS, "The library on Elm St", None),
    (PlanSection.DISTRACTIONS, "Morning run club", None),
    (PlanSection.DISTRACTIONS, "Coffee after work", "Chris"),
    (PlanSection.HELP_PEOPLE, "", "Dana R."),
    (PlanSection.HELP_PEOPLE, "Any time, even late", "Maya (sister)"),
    (PlanSection.HELP_PEOPLE, "", "Marcus T."),
    (PlanSection.PROFESSIONALS, "Thursdays at 4; leave a message after hours", "Dr. Ellis"),
    (PlanSection.PROFESSIONALS, "The clinic's after-hours line", None),
    (PlanSection.SAFE_ENVIRONMENT, "Nothing in the house", None),
    (PlanSection.SAFE_ENVIRONMENT, "Let Maya hold my bank card on payday weekends", None),
    (PlanSection.REASONS, "Leo's laugh", None),
    (PlanSection.REASONS, "Being someone my family can count on again", None),
    (PlanSection.REASONS, "Waking up clear", None),
)
DAILY_COST = DailyCost(Decimal("18.50"), Decimal("3"))
PLACES = {
    CommunityKind.MEETING: ("St. Mark's hall, room 2", "Grace church basement", "Library, room B"),
    CommunityKind.SUPPORT_GROUP: ("Riverside clinic, 2nd floor", "Community center"),
    CommunityKind.ONLINE_FORUM: ("forum.example.org", "chat.example.org/sober-parents"),
    CommunityKind.FITNESS: ("Riverside park gate", "Rec center"),
    CommunityKind.HOBBY: ("Coffee house on 5th", "Community garden, plot 14"),
    CommunityKind.VOLUNTEER: ("12 Elm St, back door", "Animal shelter on Route 9"),
}


# The day before a new start, in the person's own honest, unashamed words.
SLIP_DAY_ENTRIES = (
    (
        "A hard day",
        "I used today. Writing it down because hiding it is how it gets worse.\n\n"
        "I called Dana afterwards and told her. She didn't lecture me. She said the days I "
        "had still count, and that I know the way back because I've walked it.\n\n"
        "Tomorrow is a new start. Meeting at noon.",
    ),
    (
        "",
        "Not a good night. I slipped. I'm tired and ashamed and I'm writing anyway.\n\n"
        "What led up to it: no sleep, payday, and telling everyone I was fine. I want to "
        "remember that.\n\nI texted Maya. Starting again tomorrow.",
    ),
)
