# SPDX-License-Identifier: GPL-3.0-or-later
from __future__ import annotations

from recovery_desktop.core.mentions import contact_for

CONTACTS = {1: "Dana R.", 2: "Maya (sister)", 3: "Sam", 4: "Sam T.", 5: "Ana  Lucia"}


def test_exact_names_in_any_case() -> None:
    assert contact_for("dana r.", CONTACTS) == 1
    assert contact_for(" sam ", CONTACTS) == 3  # exact beats the longer "Sam T."
    assert contact_for("ana lucia", CONTACTS) == 5


def test_a_short_name_means_the_one_contact_it_starts() -> None:
    assert contact_for("Dana", CONTACTS) == 1
    assert contact_for("Maya", CONTACTS) == 2


def test_no_guessing() -> None:
    assert contact_for("Da", CONTACTS) is None  # not a whole word
    assert contact_for("Robin", CONTACTS) is None
    assert contact_for("   ", CONTACTS) is None
    assert contact_for("Sam", {3: "Sam T.", 4: "Sam K."}) is None  # two fit: ask, don't guess
