# SPDX-License-Identifier: GPL-3.0-or-later
"""Linking the names typed in an entry's People field to contacts.

A name that is no contact yet becomes one (role "other") when the entry is saved; a short name
links the one contact it starts (core.mentions). Reads and writes go through the vault on the
GUI thread (a millisecond or so each).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from recovery_desktop.core.mentions import contact_for
from recovery_desktop.core.models import Contact, Role
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault


class PeopleLinks:
    """The vault's contacts by id, kept fresh by `refresh()`, for linking typed names."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.names: dict[int, str] = {}

    def refresh(self, contacts: Sequence[Contact] | None = None) -> list[str]:
        """Take `contacts` (every one, archived too; read again when None); returns the names
        of active ones, for completion."""
        if contacts is None:
            contacts = self._vault.contacts.list(include_archived=True)
        self.names = {c.id: c.name for c in contacts if c.id is not None}
        return [c.name for c in contacts if not c.archived]

    def contact_for(self, name: str) -> int | None:
        return contact_for(name, self.names)

    def ids_for(self, names: Iterable[str], linked_before: Iterable[int] = ()) -> tuple[int, ...]:
        """The contacts the names mean. A name the entry was already linked by keeps those
        links (two contacts may share a name), so editing the line changes only what changed."""
        before: dict[str, list[int]] = {}
        for contact_id in linked_before:
            before.setdefault(_key(self.names.get(contact_id, "")), []).append(contact_id)
        ids: list[int] = []
        for name in names:
            found = before.get(_key(name)) or [self.contact_for(name)]
            ids.extend(cid for cid in found if cid is not None)
        return tuple(dict.fromkeys(ids))

    def names_for(self, ids: Iterable[int]) -> list[str]:
        return [self.names.get(i, "") for i in ids]

    def unknown(self, names: Iterable[str]) -> list[str]:
        return [n for n in names if self.contact_for(n) is None]

    def adopt(self, names: Iterable[str]) -> bool:
        """Make contacts (role "other") of the names that are none yet; True if any was added."""
        added = False
        for name in names:
            if name.strip() and self.contact_for(name) is None:
                try:
                    contact = self._vault.contacts.save(Contact(name.strip(), Role.OTHER))
                except ValidationError:
                    continue
                if contact.id is not None:
                    self.names[contact.id] = contact.name
                    added = True
        return added


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
