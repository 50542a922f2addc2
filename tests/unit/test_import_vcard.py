# SPDX-License-Identifier: GPL-3.0-or-later
"""Contacts from vCard 2.1, 3.0 and 4.0 files (issue 9, point 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_desktop.core.models import Contact, Role
from recovery_desktop.exchange.importing import preview_import, read_import, write_import
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.exchange.vcard import read_vcard
from recovery_desktop.storage import Vault
from tests.unit.exchange_helpers import DATA

VCARD = DATA / "vcard"


def _contacts(name: str) -> dict[str, Contact]:
    return {c.name: c for c in read_vcard(VCARD / name).contacts}


def test_google_contacts() -> None:
    batch = read_vcard(VCARD / "google_contacts_3_0.vcf")
    dana, chris = batch.contacts
    assert (dana.name, dana.phone, dana.email, dana.role) == (
        "Dana Rivera", "+1 555-0142", "dana.rivera@example.org", Role.OTHER
    )  # fmt: skip
    assert dana.notes.splitlines() == [
        "Sponsor since my first month.",  # \n and \, unescaped, a folded line joined
        "Calls back, always. Best after 6 pm; never before 8 am.",
        "Phone (home): +1 555-0100",
        "Phone (sponsor line): +1 555-0199",  # item2.TEL with its X-ABLabel
        "Email (work): dana@work.example.com",
        "Address (home): 12 Elm St, Apt 3, Springfield, IL, 62701, US",
        "Organisation: Springfield Library",
        "Job title: Librarian",
        "Birthday: 1975-04-02",
    ]
    assert chris.notes == ""  # Google's own groups (myContacts) are not kept
    assert any("1 photo skipped" in p for p in batch.problems)


def test_apple_contacts() -> None:
    batch = read_vcard(VCARD / "apple_contacts_3_0.vcf")
    maya, clinic = batch.contacts
    assert maya.phone == "(555) 017-8000"  # type=pref on an item line, labelled Mobile
    assert maya.email == "maya@example.net"
    assert "Phone (work): (555) 017-8001" in maya.notes
    assert "Address (home): 4 Harbour Rd, Wellington, 6011, New Zealand" in maya.notes
    assert "Nickname: May" in maya.notes and "Profile: https://example.social/@maya" in maya.notes
    assert "/9j" not in maya.notes and "AAEC" not in maya.notes  # the folded photo is skipped
    assert (clinic.name, clinic.phone) == ("Harbour Clinic", "0800 555 123")
    assert any("1 photo skipped" in p for p in batch.problems)
    assert not any("X-AB" in p for p in batch.problems)  # Apple's bookkeeping is quiet


def test_android_phone_quoted_printable() -> None:
    batch = read_vcard(VCARD / "android_2_1_quoted_printable.vcf")
    jurgen, number_only, ana = batch.contacts
    assert jurgen.name == "Jürgen Müller"
    assert (jurgen.phone, jurgen.email) == ("+49 151 5550 1234", "juergen@example.de")  # CELL;PREF
    # Soft line breaks even inside a UTF-8 character (=E2= / =80=93) come back whole.
    assert jurgen.notes.splitlines()[0] == (
        "Fährt jeden Dienstag zum Meeting. Sehr geduldig, hört immer zu – danke!"
    )
    assert "Phone (home): +49 30 5550 987" in jurgen.notes
    assert number_only.name == number_only.phone == "+1 555 0133"
    assert ana.phone == "555-0166"
    problems = "\n".join(batch.problems)
    assert "named after their email or phone" in problems
    assert "1 photo skipped" in problems
    assert "X-ANDROID-CUSTOM (1 contact)" in problems


def test_nextcloud_vcard_4() -> None:
    batch = read_vcard(VCARD / "nextcloud_4_0.vcf")
    (ellis,) = batch.contacts
    assert (ellis.name, ellis.phone, ellis.email) == (
        "Dr. Ellis", "+1-555-555-0101", "ellis@clinic.example"
    )  # fmt: skip
    assert ellis.notes.splitlines() == [
        "Counseling on Thursdays at 4.",
        "Phone (cell): +1-555-555-0102",
        "Address (work): Suite 4, 2 Harbour Rd, Wellington, 6011, New Zealand",
    ]
    problems = "\n".join(batch.problems)
    assert "Contact groups are not people" in problems
    assert "GEO (1 contact)" in problems and "1 photo skipped" in problems


def test_encodings() -> None:
    assert set(_contacts("mixed_latin1_utf8.vcf")) == {"João Gonçalves", "Zoë Ørsted 🌱"}
    assert _contacts("windows_utf16_bom.vcf")["Priya Natarajan"].email == "priya@example.org"


def test_a_file_cut_short() -> None:
    batch = read_vcard(VCARD / "cut_short.vcf")
    assert [c.name for c in batch.contacts] == ["Marcus T.", "Jordan K."]
    assert any("cut short" in p for p in batch.problems)


@pytest.mark.parametrize(
    "content", [b"", b"Name,Phone\nDana,555\n", b"END:VCARD\n", b"\xff\xfe\x00\xd8"]
)
def test_files_that_are_not_vcards(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_bytes(content)
    with pytest.raises(ImportFileError):
        read_vcard(path)


def test_contacts_twice_adds_nobody_twice(vault: Vault) -> None:
    vault.contacts.save(Contact("chris", Role.FRIEND))  # already known, written in lower case
    preview = preview_import(
        vault.connection, read_import("vcard", VCARD / "google_contacts_3_0.vcf")
    )
    assert preview.counts == {"contacts": 1} and preview.duplicates == 1
    assert write_import(vault.connection, preview).added == {"contacts": 1}
    again = preview_import(
        vault.connection, read_import("vcard", VCARD / "google_contacts_3_0.vcf")
    )
    assert again.counts == {"contacts": 0} and again.duplicates == 2
    names = sorted(c.name for c in vault.contacts.list(include_archived=True))
    assert names == ["Dana Rivera", "chris"]
    dana = next(c for c in vault.contacts.list() if c.name == "Dana Rivera")
    assert dana.role == Role.OTHER and dana.phone == "+1 555-0142"
