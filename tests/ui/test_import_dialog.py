# SPDX-License-Identifier: GPL-3.0-or-later
"""Imports through the Export & backup page: the preview before anything is written, Daylio
moods matched by the person (and the preview following), Import and Cancel, a cancelled
import that writes nothing, files that cannot be read, and vCard from the People page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.ui.export.import_dialog import (
    CANCELLED,
    DONE,
    FAILED,
    PREVIEW,
    ImportDialog,
    import_contacts,
)
from recovery_desktop.ui.export.import_preview import long_date
from recovery_desktop.ui.export.import_section import ImportSection
from recovery_desktop.ui.export.page import ExportPage

DATA = Path(__file__).resolve().parents[1] / "data"
DAYLIO = DATA / "daylio" / "daylio_android_8col_bom_12h.csv"


@pytest.fixture
def page(vault: Vault, qtbot: QtBot, themed_app) -> ExportPage:
    made = ExportPage(vault)
    qtbot.addWidget(made)
    made.resize(1100, 800)
    made.show()
    qtbot.waitExposed(made)
    return made


def _open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _open_import(qtbot: QtBot, page: ExportPage, kind: str) -> ImportDialog:
    section = page.sections["import"]
    assert isinstance(section, ImportSection)
    section.kind_box.setCurrentIndex(section.kind_box.findData(kind))
    with qtbot.waitSignal(section.dialog_opened) as opened:
        qtbot.mouseClick(section.choose_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.state != "reading", timeout=20_000)
    return dialog


def test_a_daylio_import_with_a_mood_changed_in_the_preview(
    page: ExportPage, qtbot: QtBot, vault: Vault, monkeypatch
) -> None:
    _open_file(monkeypatch, DAYLIO)
    dialog = _open_import(qtbot, page, "daylio")
    assert dialog.state == PREVIEW and dialog.isVisible()
    assert dialog.windowTitle() == "Import from Daylio"
    view = dialog.view
    assert view.summary.text() == (
        f"To add: 6 entries, from {long_date(date(2024, 3, 10))} to {long_date(date(2024, 3, 14))}."
    )
    assert "“tired”" in view.problems.text()  # a name of their own: no mood yet, and said so
    assert list(view.mood_combos) == ["rad", "meh", "tired", "good", "awful", "bad"]
    tired = view.mood_combos["tired"]
    assert tired.currentText() == "no mood" and view.mood_combos["rad"].currentText() == "great (5)"
    assert vault.entries.count() == 0  # nothing written by the preview

    tired.setFocus()
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000) as shown:
        qtbot.keyClicks(tired, "bad")  # the combo follows typed text: "bad (2)"
    assert tired.currentText() == "bad (2)"
    assert shown.args[0].mood_mapping["tired"] == 2
    assert "“tired”" not in view.problems.text()
    assert tired.hasFocus()  # the rows stay as they were while the preview updates
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].added == {"entries": 6}
    assert dialog.state == DONE and dialog.status.text() == "Imported: 6 entries."
    assert dialog.cancel_button.text() == "Close" and not dialog.import_button.isVisible()
    moods = vault.connection.execute("SELECT mood FROM entry ORDER BY id").fetchall()
    assert [m for (m,) in moods] == [5, 3, 2, 4, 1, 2]
    assert page.sections["import"].status.text() == "Imported: 6 entries."
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())

    again = _open_import(qtbot, page, "daylio")  # the same file again: nothing new
    assert again.view.summary.text().startswith("Nothing new to add")
    assert not again.import_button.isEnabled() and again.cancel_button.hasFocus()
    assert "6 of the things in this file are already in your vault" in (
        again.view.duplicates.text()
    )


def _big_jrnl(path: Path, count: int = 8000) -> Path:
    entries = [
        {
            "date": f"{2000 + i // 360}-{1 + (i // 30) % 12:02d}-{1 + i % 28:02d}",
            "time": "21:30",
            "title": f"Evening {i}",
            "body": f"Entry {i}. " + "Called my sponsor and went for a walk. " * 12,
            "tags": ["@walk"],
            "starred": False,
        }
        for i in range(count)
    ]
    path.write_text(json.dumps({"tags": {"@walk": count}, "entries": entries}), encoding="utf-8")
    return path


def test_cancelling_an_import_while_it_writes_leaves_the_vault_as_it_was(
    page: ExportPage, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    vault.entries.save(Entry(entry_date=date(2024, 1, 1), body="mine"))
    _open_file(monkeypatch, _big_jrnl(tmp_path / "journal.json"))
    dialog = _open_import(qtbot, page, "jrnl")
    assert dialog.state == PREVIEW, dialog.status.text()
    assert dialog.view.summary.text().startswith(f"To add: {QLocale().toString(8000)} entries")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.state == "writing" and dialog.cancel_button.hasFocus()
    with qtbot.waitSignal(dialog.job.progressed, timeout=20_000):
        pass
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # stays to say how it ended
    qtbot.waitUntil(lambda: dialog.state == CANCELLED, timeout=20_000)
    assert dialog.status.text() == "Import cancelled. Nothing was written."
    assert vault.entries.count() == 1
    assert vault.connection.execute("SELECT count(*) FROM tag").fetchone()[0] == 0


def test_a_full_export_is_refused_by_a_vault_that_has_entries(
    page: ExportPage, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    from recovery_desktop.exchange.data_export import export_json

    vault.entries.save(Entry(entry_date=date(2024, 1, 1), body="mine"))
    export_json(vault.connection, tmp_path / "all.json")
    _open_file(monkeypatch, tmp_path / "all.json")
    dialog = _open_import(qtbot, page, "json")
    assert dialog.state == PREVIEW
    assert dialog.view.blocked.isVisible() and "new, empty vault" in dialog.view.blocked.text()
    assert not dialog.import_button.isEnabled()
    dialog.write()  # even asked directly, nothing happens
    assert dialog.state == PREVIEW and vault.entries.count() == 1


def test_a_file_that_is_not_what_was_chosen_says_so_and_writes_nothing(
    page: ExportPage, qtbot: QtBot, vault: Vault, monkeypatch
) -> None:
    _open_file(monkeypatch, DAYLIO)
    dialog = _open_import(qtbot, page, "vcard")  # a Daylio file, read as contacts
    assert dialog.state == FAILED
    assert "daylio_android_8col_bom_12h.csv" in dialog.status.text()
    assert not dialog.scroll.isVisible() and not dialog.import_button.isVisible()
    assert dialog.cancel_button.text() == "Close" and dialog.cancel_button.hasFocus()
    assert vault.contacts.list() == []


def test_closing_the_file_dialog_opens_nothing(page: ExportPage, qtbot: QtBot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    section = page.sections["import"]
    qtbot.mouseClick(section.choose_button, Qt.MouseButton.LeftButton)
    assert section.dialog is None and page.findChild(ImportDialog) is None


def test_the_people_page_imports_contacts_from_a_vcard(
    vault: Vault, qtbot: QtBot, themed_app, monkeypatch
) -> None:
    people = QWidget()  # stands in for the People page: any widget can call it
    qtbot.addWidget(people)
    people.show()
    asked: list[tuple] = []

    def open_file(*args, **kwargs):
        asked.append(args)
        return str(DATA / "vcard" / "apple_contacts_3_0.vcf"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    dialog = import_contacts(vault, people)
    assert dialog is not None and dialog.windowTitle() == "Import contacts"
    assert "*.vcf" in asked[0][3]
    with qtbot.waitSignal(dialog.preview_shown, timeout=20_000):
        pass
    assert dialog.view.summary.text() == "To add: 2 contacts."
    assert "photo" in dialog.view.problems.text()
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert imported.args[0].added == {"contacts": 2}
    assert len(vault.contacts.list()) == 2


def test_cancel_while_reading_closes_and_writes_nothing(
    page: ExportPage, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    _open_file(monkeypatch, _big_jrnl(tmp_path / "journal.json", 3000))
    section = page.sections["import"]
    section.kind_box.setCurrentIndex(section.kind_box.findData("jrnl"))
    with qtbot.waitSignal(section.dialog_opened) as opened:
        qtbot.mouseClick(section.choose_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    assert dialog.state == "reading" and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    QThreadPool.globalInstance().waitForDone(20_000)
    assert vault.entries.count() == 0


def test_tab_walks_the_preview_in_reading_order_with_every_control_named(
    page: ExportPage, qtbot: QtBot, monkeypatch
) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    _open_file(monkeypatch, DAYLIO)
    dialog = _open_import(qtbot, page, "daylio")
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    assert dialog.import_button.hasFocus()  # ready to import; the preview is above it
    dialog.scroll.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [dialog.scroll]
    for _ in range(20):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is dialog.scroll:
            break
        seen.append(QApplication.focusWidget())
    names = [w.objectName() for w in seen]
    assert names == [
        "import_preview_scroll",
        *(f"import_mood_{i}" for i in range(6)),
        "import_cancel",
        "import_confirm",
    ]
    for widget in seen:
        assert widget.accessibleName(), widget.objectName()
    assert dialog.view.mood_combos["tired"].accessibleName() == "Mood for “tired”"
