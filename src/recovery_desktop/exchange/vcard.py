# SPDX-License-Identifier: GPL-3.0-or-later
"""Contacts from vCard files (.vcf) of versions 2.1, 3.0 and 4.0, many contacts per file, as
phones, Google Contacts, Apple Contacts and Nextcloud export them.

Read at the level of bytes, line by line, because files mix encodings: a 2.1 card may say
`CHARSET=ISO-8859-1` on one line and be UTF-8 on the next. Handled: folded lines (a line that
begins with a space or tab continues the one before), quoted-printable values with soft line
breaks (a line ending in "=" continues on the next) in any charset, 2.1's bare parameters
(`TEL;CELL;PREF:`), grouped lines (`item1.TEL` with its label in `item1.X-ABLabel`), 4.0's
`tel:` values and `PREF=1`, escapes (`\\n`, `\\,`, `\\;`), a byte-order mark or UTF-16.
Photos, logos, sounds and keys are skipped (and counted).

Each card becomes a contact with the role "other": its name (FN, else the parts of N, else
the organisation, nickname, email or phone), one phone (the preferred, else a mobile, else the
first), one email, and everything else worth keeping (other numbers and emails with their
labels, organisation, job title, birthday, addresses, websites, the card's note) in the notes.
Properties with no place are listed in the preview by name.
"""

from __future__ import annotations

import codecs
import quopri
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from recovery_desktop.core.models import Contact, Role
from recovery_desktop.core.validation import ValidationError, clean_text
from recovery_desktop.exchange.importing import ImportBatch
from recovery_desktop.exchange.mapping import Problems, plural
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.exchange.text_files import read_bytes

NAME_LIMIT, PHONE_LIMIT, EMAIL_LIMIT = 500, 200, 500
SKIPPED_MEDIA = {"PHOTO": "photo", "LOGO": "logo", "SOUND": "sound", "KEY": "key"}
# Technical properties that say nothing about the person (or are read with another one).
QUIET = frozenset(
    [
        "VERSION",
        "PRODID",
        "REV",
        "UID",
        "N",
        "FN",
        "X-ABLABEL",
        "KIND",
        "SOURCE",
        "CLIENTPIDMAP",
        "X-ABUID",
        "X-ABSHOWAS",
        "X-ABADR",
        "NAME",
        "PROFILE",
        "MAILER",
        "SORT-STRING",
        "X-ADDRESSBOOKSERVER-KIND",
    ]
)
_NOTE_LABELS = {
    "NICKNAME": "Nickname",
    "ORG": "Organisation",
    "TITLE": "Job title",
    "ROLE": "Role",
    "BDAY": "Birthday",
    "ANNIVERSARY": "Anniversary",
    "X-ANNIVERSARY": "Anniversary",
    "ADR": "Address",
    "URL": "Website",
    "IMPP": "Messaging",
    "X-SOCIALPROFILE": "Profile",
    "CATEGORIES": "Groups",
    "RELATED": "Related",
    "X-ABRELATEDNAMES": "Related",
    "X-ABDATE": "Date",
    "GENDER": "Gender",
    "LANG": "Language",
    "TZ": "Time zone",
}
GOOGLE_GROUPS = frozenset({"myContacts", "starred"})
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_QP = re.compile(rb"[;:]\s*(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE\b", re.IGNORECASE)
_ENCODING_WORDS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


@dataclass
class _Property:
    group: str
    name: str
    params: dict[str, list[str]]
    value: str = ""
    binary: bool = False


@dataclass
class _Card:
    line: int
    properties: list[_Property] = field(default_factory=list)
    closed: bool = False


def read_vcard(path: Path) -> ImportBatch:
    """Read every contact of a .vcf file; raises `ImportFileError` if it holds none."""
    raw = read_bytes(path, "a contacts file")
    problems = Problems()
    cards = _cards(_logical_lines(_text_bytes(raw, path.name)), problems)
    if not cards:
        raise ImportFileError(
            f"{path.name} is not a vCard file: there is no BEGIN:VCARD in it. Export your "
            "contacts as vCard (.vcf) and choose that file."
        )
    contacts: list[Contact] = []
    unknown: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for card in cards:
        where = f"contact at line {card.line}"
        if not card.closed:
            problems.add(
                "A contact was cut short at the end of the file; what it had is imported", where
            )
        kinds = {
            p.value.strip().lower()
            for p in card.properties
            if p.name in ("KIND", "X-ADDRESSBOOKSERVER-KIND")
        }
        if kinds & {"group", "org", "location"} and not _first(card, "TEL", "EMAIL"):
            problems.add("Contact groups are not people, so they are left out", where)
            continue
        for prop in card.properties:
            if prop.name in SKIPPED_MEDIA:
                skipped[SKIPPED_MEDIA[prop.name]] += 1
            elif (
                prop.name not in QUIET
                and prop.name not in _NOTE_LABELS
                and prop.name not in ("TEL", "EMAIL", "NOTE")
            ):
                unknown[prop.name] += 1
        try:
            contact = _contact(card, problems, where)
        except ValidationError as error:
            problems.add(f"{str(error).rstrip('.')}; left out", where)
            continue
        if contact is None:
            problems.add("A contact with no name, phone or email has nothing to import", where)
            continue
        contacts.append(contact)
    for word, count in skipped.items():
        problems.add(
            f"{plural(count, word, word + 's')} skipped: the app keeps no pictures or files of people"
        )
    if unknown:
        listed = ", ".join(
            f"{name} ({plural(n, 'contact', 'contacts')})" for name, n in unknown.most_common()
        )
        problems.add(f"Not imported, as there is no place for them: {listed}")
    return ImportBatch(
        source="vCard",
        path=path,
        contacts=tuple(contacts),
        problems=problems.as_tuple(),
        notes=(
            "Everyone comes in with the role “other”: you can choose sponsor, family, friend "
            "and so on in People.",
            "One phone number and one email per person; the others, the address, birthday "
            "and the like go into the notes.",
        ),
    )


# --- lines -----------------------------------------------------------------------------------


def _text_bytes(raw: bytes, name: str) -> bytes:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise ImportFileError(f"{name} says it is UTF-16 text but is damaged.") from error
    return raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw


def _logical_lines(raw: bytes) -> list[tuple[int, bytes]]:
    """Unfolded lines with the number of the line each began on."""
    lines: list[tuple[int, bytes]] = []
    soft_break = False
    for number, line in enumerate(_LINE_BREAK.split(raw), 1):
        if lines and soft_break:
            lines[-1] = (lines[-1][0], lines[-1][1] + line)
        elif lines and line[:1] in (b" ", b"\t"):
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line.strip():
            lines.append((number, line))
        else:
            soft_break = False
            continue
        start, current = lines[-1]
        head = current.split(b":", 1)[0] + b":"
        soft_break = bool(_QP.search(head)) and current.endswith(b"=")
        if soft_break:
            lines[-1] = (start, current[:-1])
    return lines


def _cards(lines: list[tuple[int, bytes]], problems: Problems) -> list[_Card]:
    cards: list[_Card] = []
    depth = 0
    for number, line in lines:
        prop = _parse(line, problems, f"line {number}")
        if prop is None:
            continue
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            depth += 1
            if depth == 1:
                cards.append(_Card(number))
        elif prop.name == "END" and prop.value.strip().upper() == "VCARD":
            if depth == 1:
                cards[-1].closed = True
            depth = max(0, depth - 1)
        elif depth == 1:  # deeper: a card inside a card (2.1's AGENT), read past
            cards[-1].properties.append(prop)
    return cards


def _parse(line: bytes, problems: Problems, where: str) -> _Property | None:
    """`[group.]NAME[;param...]:value`, with ':' and ';' inside double quotes left alone."""
    colon = _outside_quotes(line, ord(":"))
    if colon is None:
        return None
    head = line[:colon].decode("utf-8", errors="replace")
    parts = _split_outside_quotes(head, ";")
    group, _, name = parts[0].strip().rpartition(".")
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, has_value, value = part.partition("=")
        if not has_value:  # 2.1: TEL;CELL;PREF or ;QUOTED-PRINTABLE
            key, value = ("ENCODING" if part.strip().upper() in _ENCODING_WORDS else "TYPE"), part
        for item in _split_outside_quotes(value, ","):
            params.setdefault(key.strip().upper(), []).append(item.strip().strip('"'))
    prop = _Property(group.upper(), name.strip().upper(), params)
    encoding = {e.upper() for e in params.get("ENCODING", [])}
    raw_value = line[colon + 1 :]
    if encoding & {"BASE64", "B"} or prop.name in SKIPPED_MEDIA:
        prop.binary = True
        return prop
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    if "QUOTED-PRINTABLE" in encoding:
        raw_value = quopri.decodestring(raw_value)
    prop.value = _decode(raw_value, charset, problems, where)
    return prop


def _decode(raw: bytes, charset: str, problems: Problems, where: str) -> str:
    for name in dict.fromkeys((charset, "utf-8")):
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    problems.add(
        "Some text is not in the encoding it claims and was read as Windows-1252; please "
        "check accented letters",
        where,
    )
    return raw.decode("cp1252", errors="replace")


def _outside_quotes(line: bytes, target: int) -> int | None:
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == target and not quoted:
            return index
    return None


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


# --- values ----------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text, flags=re.DOTALL
    )


def _components(text: str) -> list[str]:
    """A structured value (N, ADR, ORG) split at its unescaped semicolons."""
    return [_unescape(part) for part in re.split(r"(?<!\\);", text)]


def _first(card: _Card, *names: str) -> _Property | None:
    return next((p for p in card.properties if p.name in names and not p.binary), None)


def _label(card: _Card, prop: _Property) -> str:
    """The kind of a phone or address: its group's label (Apple, Google), else its TYPE."""
    if prop.group:
        for other in card.properties:
            if other.group == prop.group and other.name == "X-ABLABEL":
                text = other.value.strip()
                match = _APPLE_LABEL.match(text)
                return (match.group(1) if match else text).lower()
    kinds = [
        t.lower()
        for t in prop.params.get("TYPE", [])
        if t.lower() not in ("pref", "voice", "internet", "x400", "uri", "text")
    ]
    return ", ".join(dict.fromkeys(kinds))


def _preferred(prop: _Property) -> bool:
    types = {t.lower() for t in prop.params.get("TYPE", [])}
    return "pref" in types or prop.params.get("PREF", [""])[0] == "1"


def _address(value: str) -> str:
    parts = [" ".join(p.split()) for p in _components(value)]
    return ", ".join(p for p in parts if p)


def _name(card: _Card) -> str:
    full = _first(card, "FN")
    if full is not None and _unescape(full.value).strip():
        return _unescape(full.value)
    structured = _first(card, "N")
    if structured is not None:
        parts = _components(structured.value) + [""] * 5
        family, given, middle, prefix, suffix = parts[:5]
        name = " ".join(p for p in (prefix, given, middle, family, suffix) if p.strip())
        if name.strip():
            return name
    for other in ("ORG", "NICKNAME"):
        prop = _first(card, other)
        if prop is not None and _address(prop.value):
            return _address(prop.value)
    return ""


def _contact(card: _Card, problems: Problems, where: str) -> Contact | None:
    phones = [p for p in card.properties if p.name == "TEL" and not p.binary and p.value.strip()]
    emails = [p for p in card.properties if p.name == "EMAIL" and not p.binary and p.value.strip()]
    phone = next((p for p in phones if _preferred(p)), None) or next(
        (p for p in phones if {"cell", "mobile", "iphone"} & set(_label(card, p).split(", "))),
        phones[0] if phones else None,
    )
    email = next((p for p in emails if _preferred(p)), emails[0] if emails else None)
    phone_text = _phone(phone.value) if phone else ""
    email_text = " ".join(_unescape(email.value).removeprefix("mailto:").split()) if email else ""
    name = " ".join(clean_text(_name(card), limit=10**6).split())
    if not name:
        name = email_text or phone_text
        if not name:
            return None
        problems.add("Contacts without a name are named after their email or phone number", where)
    notes: list[str] = []
    note = _first(card, "NOTE")
    if note is not None and _unescape(note.value).strip():
        notes.append(_unescape(note.value).strip())
    if len(name) > NAME_LIMIT:
        notes.append(f"Full name: {name}")
        name = name[:NAME_LIMIT].rstrip()
        problems.add("Very long names were shortened; the whole name is in the notes", where)
    if len(phone_text) > PHONE_LIMIT:
        notes.append(f"Phone: {phone_text}")
        phone_text = ""
    if len(email_text) > EMAIL_LIMIT:
        notes.append(f"Email: {email_text}")
        email_text = ""
    for prop in phones:
        if prop is not phone:
            notes.append(_labelled("Phone", _label(card, prop), _phone(prop.value)))
    for prop in emails:
        if prop is not email:
            notes.append(_labelled("Email", _label(card, prop), _unescape(prop.value).strip()))
    for prop in card.properties:
        title = _NOTE_LABELS.get(prop.name)
        if title is None or prop.binary:
            continue
        if prop.name in ("ADR", "ORG", "NICKNAME"):
            value = _address(prop.value)
        elif prop.name == "CATEGORIES":  # Google's own groups say nothing about the person
            groups = _unescape(prop.value).split(",")
            value = ", ".join(g.strip() for g in groups if g.strip() not in GOOGLE_GROUPS)
        else:
            value = _unescape(prop.value).strip()
        if value and not (prop.name in ("ORG", "NICKNAME") and value == name):
            notes.append(_labelled(title, _label(card, prop) if prop.name == "ADR" else "", value))
    return Contact(
        name=name,
        role=Role.OTHER,
        phone=clean_text(phone_text, limit=PHONE_LIMIT),
        email=clean_text(email_text, limit=EMAIL_LIMIT),
        notes=clean_text("\n".join(notes), what="The notes"),
    )


def _phone(value: str) -> str:
    return " ".join(_unescape(value).strip().removeprefix("tel:").split())


def _labelled(title: str, label: str, value: str) -> str:
    return f"{title} ({label}): {value}" if label else f"{title}: {value}"
