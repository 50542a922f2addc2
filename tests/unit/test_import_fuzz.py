# SPDX-License-Identifier: GPL-3.0-or-later
"""Every importer, fuzzed (DESIGN §9): whatever the file holds, it is read or refused with one
plain `ImportFileError`, never a crash; and what is read, the vault accepts."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_desktop.exchange.daylio import read_daylio
from recovery_desktop.exchange.dayone import read_dayone
from recovery_desktop.exchange.importing import ImportBatch, preview_import, write_import
from recovery_desktop.exchange.jrnl import read_jrnl
from recovery_desktop.exchange.progress import ImportFileError
from recovery_desktop.exchange.vcard import read_vcard
from recovery_desktop.storage import Vault
from tests.unit.exchange_helpers import DATA

READERS = {
    "daylio": (read_daylio, ".csv", sorted((DATA / "daylio").iterdir())),
    "jrnl": (read_jrnl, ".json", sorted((DATA / "jrnl").iterdir())),
    "dayone": (read_dayone, ".json", sorted((DATA / "dayone").iterdir())),
    "vcard": (read_vcard, ".vcf", sorted((DATA / "vcard").iterdir())),
}
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
texts = st.text(st.characters(codec="utf-8"), max_size=40)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=10,
)


def _read_or_refuse(kind: str, path: Path) -> ImportBatch | None:
    reader = READERS[kind][0]
    try:
        batch = reader(path)
    except ImportFileError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        return None
    assert isinstance(batch, ImportBatch)
    assert all(isinstance(p, str) and p for p in batch.problems)
    for entry in batch.entries:
        assert len(entry.title) <= 1000 and all(0 < len(t) <= 200 for t in entry.tags)
        assert entry.mood is None or 1 <= entry.mood <= 5
        assert entry.created_at is None or entry.created_at.tzinfo is not None
    for contact in batch.contacts:
        assert contact.name.strip() and len(contact.name) <= 500 and len(contact.phone) <= 200
    return batch


@FUZZ
@given(kind=st.sampled_from(sorted(READERS)), content=st.binary(max_size=400))
def test_any_bytes(tmp_path: Path, kind: str, content: bytes) -> None:
    path = tmp_path / f"any{READERS[kind][1]}"
    path.write_bytes(content)
    _read_or_refuse(kind, path)


@FUZZ
@given(data=st.data(), kind=st.sampled_from(sorted(READERS)))
def test_damaged_sample_files(tmp_path: Path, data: st.DataObject, kind: str) -> None:
    """Real files with bytes cut out, replaced or added anywhere."""
    sample = data.draw(st.sampled_from(READERS[kind][2]))
    content = bytearray(sample.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(content)))
        end = data.draw(st.integers(start, min(len(content), start + 30)))
        content[start:end] = data.draw(st.binary(max_size=12) | texts.map(str.encode))
    path = tmp_path / f"damaged{sample.suffix}"
    path.write_bytes(bytes(content))
    _read_or_refuse(kind, path)


DAYLIO_COLUMNS = ["full_date", "year", "date", "weekday", "time", "mood", "activities",
                  "scales", "note_title", "note"]  # fmt: skip
cells = (
    texts
    | st.dates().map(str)
    | st.sampled_from(["9:41\u202fPM", "12:00 am", "25:61", "7.05 a.m.", "00:00", "2018", "18 May"])
    | st.lists(texts, max_size=4).map(" | ".join)
    | st.sampled_from(["<br>", "<b></b>", "&amp;", "<li>x", "=1+1", "\ufeff"])
)


@FUZZ
@given(
    header=st.lists(st.sampled_from(DAYLIO_COLUMNS), min_size=1, max_size=10),
    rows=st.lists(st.lists(cells, max_size=11), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_daylio_shaped_files(
    tmp_path: Path, vault: Vault, header: list[str], rows: list, delimiter: str, encoding: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "daylio_export.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    batch = _read_or_refuse("daylio", path)
    if batch is not None:
        write_import(vault.connection, preview_import(vault.connection, batch))


jrnl_entries = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "title": texts | json_values,
            "body": texts | json_values,
            "date": st.dates().map(str) | texts | json_values,
            "time": st.sampled_from(["09:00", "23:59", "24:00", "7:5"]) | texts,
            "tags": st.lists(texts.map(lambda t: "@" + t), max_size=3) | json_values,
            "starred": st.booleans() | json_values,
        },
    )
    | json_values,
    max_size=5,
)


@FUZZ
@given(entries=jrnl_entries, outer=st.booleans())
def test_jrnl_shaped_files(tmp_path: Path, vault: Vault, entries: list, outer: bool) -> None:
    path = tmp_path / "journal.json"
    document = {"tags": {}, "entries": entries} if outer else (entries[0] if entries else {})
    path.write_text(json.dumps(document), encoding="utf-8")
    batch = _read_or_refuse("jrnl", path)
    if batch is not None:
        write_import(vault.connection, preview_import(vault.connection, batch))


dayone_entries = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "creationDate": st.datetimes().map(lambda d: d.isoformat() + "Z") | texts | json_values,
            "modifiedDate": st.datetimes().map(lambda d: d.isoformat()) | json_values,
            "timeZone": st.sampled_from(
                [
                    "Europe/Paris",
                    "Etc/GMT+12",
                    "Pacific/Kiritimati",
                    "../../etc/passwd",
                    "",
                    "GMT+0100",
                ]
            )
            | texts,  # fmt: skip
            "text": texts | st.just("![](dayone-moment://X)\\. \\(a\\)") | json_values,
            "richText": texts | json_values,
            "tags": st.lists(texts, max_size=3) | json_values,
            "starred": json_values,
            "photos": st.lists(json_values, max_size=2) | json_values,
            "location": json_values,
        },
    )
    | json_values,
    max_size=5,
)


@FUZZ
@given(entries=dayone_entries, zipped=st.booleans())
def test_day_one_shaped_files(tmp_path: Path, vault: Vault, entries: list, zipped: bool) -> None:
    document = json.dumps({"metadata": {"version": "1.0"}, "entries": entries})
    if zipped:
        path = tmp_path / "export.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("Journal.json", document)
    else:
        path = tmp_path / "Journal.json"
        path.write_text(document, encoding="utf-8")
    batch = _read_or_refuse("dayone", path)
    if batch is not None:
        write_import(vault.connection, preview_import(vault.connection, batch))


vcard_names = st.sampled_from(
    ["FN", "N", "TEL", "EMAIL", "item1.TEL", "item1.X-ABLabel", "NOTE", "ADR", "ORG", "PHOTO",
     "BEGIN", "END", "KIND", "CATEGORIES", "X-FOO", "GEO", "BDAY", "URL"]
)  # fmt: skip
vcard_params = st.lists(
    st.sampled_from(["CELL", "PREF", "TYPE=home", 'TYPE="work,voice"', "PREF=1",
                     "ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE", "CHARSET=UTF-8",
                     "CHARSET=nonsense", "ENCODING=b", "VALUE=uri", 'LABEL="a:b;c"']),
    max_size=3,
)  # fmt: skip
vcard_values = texts | st.sampled_from(
    ["VCARD", "=C3=BC=", "=E2=80", "tel:+1-555", "a\\;b;c\\,d\\n", "group", ";;;;", "=\r\n=41"]
)


@FUZZ
@given(
    lines=st.lists(st.tuples(vcard_names, vcard_params, vcard_values, st.booleans()), max_size=12),
    framed=st.booleans(),
)
def test_vcard_shaped_files(tmp_path: Path, vault: Vault, lines: list, framed: bool) -> None:
    text = []
    for name, params, value, folded in lines:
        line = ";".join([name, *params]) + ":" + value
        text.append(line[:10] + "\r\n " + line[10:] if folded else line)
    if framed:
        text = ["BEGIN:VCARD", "VERSION:3.0", *text, "END:VCARD"]
    path = tmp_path / "contacts.vcf"
    path.write_bytes("\r\n".join(text).encode("utf-8", errors="surrogatepass"))
    batch = _read_or_refuse("vcard", path)
    if batch is not None:
        write_import(vault.connection, preview_import(vault.connection, batch))
