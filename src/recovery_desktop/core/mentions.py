# SPDX-License-Identifier: GPL-3.0-or-later
"""Which contact a name typed in an entry's "People" field means."""

from __future__ import annotations

from collections.abc import Mapping


def contact_for(name: str, contacts: Mapping[int, str]) -> int | None:
    """The contact id a typed name means: the same name (any case, spaces tidied), or else the
    only contact whose name starts with it as a word ("Dana" for "Dana R."), so a short name
    never makes a second Dana. None when no contact, or more than one, fits."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return None
    starts = []
    for contact_id, contact_name in contacts.items():
        have = " ".join(contact_name.split()).casefold()
        if have == wanted:
            return contact_id
        if have.startswith(wanted + " "):
            starts.append(contact_id)
    return starts[0] if len(starts) == 1 else None
