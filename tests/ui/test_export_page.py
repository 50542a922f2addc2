# SPDX-License-Identifier: GPL-3.0-or-later
"""The Export & backup page over a real vault: its sections, the data export (JSON, CSV in a
zip or a folder, private entries only when ticked), a long export cancelled with no file left
behind, file dialogs that remember nothing, and the keyboard walk through the page."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry, Visibility
from recovery_desktop.storage import Vault
from recovery_desktop.storage.bulk_import import insert_entries
from recovery_desktop.storage.connection import transaction
from recovery_desktop.ui.export import file_dialogs
from recovery_desktop.ui.export.data_export import ExportSection
from recovery_desktop.ui.export.page import ExportPage
from recovery_desktop.ui.export.section import ComingSoonSection

SHARED_PHRASE = "walked the long way home"
PRIVATE_PHRASE = "only the lighthouse knows"


@pytest.fixture
def make_page(vault: Vault, qtbot: QtBot, themed_app):
    def make(width: int = 1100, height: int = 800) -> ExportPage:
        page = ExportPage(vault)
        qtbot.addWidget(page)
        page.resize(width, height)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def _journal(vault: Vault) -> None:
    vault.entries.save(Entry(entry_date=date(2024, 5, 1), body=SHARED_PHRASE))
    vault.entries.save(
        Entry(entry_date=date(2024, 5, 2), body=PRIVATE_PHRASE, visibility=Visibility.PRIVATE)
    )


def _save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[tuple]:
    asked: list[tuple] = []

    def answer(*args, **kwargs):
        asked.append((args, kwargs))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def _export(qtbot: QtBot, section: ExportSection) -> str:
    with qtbot.waitSignal(section.finished, timeout=20_000) as finished:
        qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def test_the_page_has_four_sections_and_every_one_is_built(make_page) -> None:
    page = make_page()
    assert list(page.sections) == ["report", "data_export", "backup", "import"]
    for section in page.sections.values():
        assert not isinstance(section, ComingSoonSection)
        assert section.focus_order()  # each has something to press
    assert page.sections["data_export"].title.text() == "Export your data"
    assert page.sections["report"].title.text() == "Counselor report"


def test_json_export_leaves_private_entries_out_unless_ticked(
    make_page, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    _journal(vault)
    page = make_page()
    section = page.sections["data_export"]
    assert isinstance(section, ExportSection)
    assert not section.include_private.isChecked()  # unticked by default
    target = tmp_path / "out" / "mine"
    target.parent.mkdir()
    asked = _save_to(monkeypatch, target)  # the person left off ".json"

    assert _export(qtbot, section) == "done"
    written = target.with_name("mine.json")
    text = written.read_text(encoding="utf-8")
    assert SHARED_PHRASE in text and PRIVATE_PHRASE not in text
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert str(written) in section.status.text()
    assert "1 private entry was left out" in section.status.text()
    (args, kwargs) = asked[0]
    assert kwargs["options"] & QFileDialog.Option.DontUseNativeDialog
    assert Path(args[2]).parent == file_dialogs.start_folder()  # never the last place used

    section.include_private.setChecked(True)
    _save_to(monkeypatch, tmp_path / "out" / "all.json")
    assert _export(qtbot, section) == "done"
    tables = json.loads((tmp_path / "out" / "all.json").read_text(encoding="utf-8"))["tables"]
    bodies = [row["body"] for row in tables["entry"]["rows"]]
    assert PRIVATE_PHRASE in bodies and SHARED_PHRASE in bodies
    assert "Private entries are in it too" in section.status.text()


def test_csv_as_a_zip_and_in_a_new_folder(
    make_page, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    _journal(vault)
    page = make_page()
    section = page.sections["data_export"]
    _save_to(monkeypatch, tmp_path / "export.zip")
    qtbot.mouseClick(section.format_buttons["csv_zip"], Qt.MouseButton.LeftButton)
    assert "zip" in section.format_hint.text()
    assert _export(qtbot, section) == "done"
    assert (tmp_path / "export.zip").is_file()

    places = tmp_path / "places"
    (places / f"recovery-desktop-export-{date.today().isoformat()}").mkdir(parents=True)
    (places / f"recovery-desktop-export-{date.today().isoformat()}" / "keep.txt").write_text("x")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(places))
    qtbot.mouseClick(section.format_buttons["csv_folder"], Qt.MouseButton.LeftButton)
    assert _export(qtbot, section) == "done"
    made = places / f"recovery-desktop-export-{date.today().isoformat()}-2"
    assert (made / "entry.csv").is_file()  # the folder that had a file in it is left alone
    assert (places / f"recovery-desktop-export-{date.today().isoformat()}" / "keep.txt").exists()
    assert str(made) in section.status.text()


def test_an_export_into_the_vault_folder_or_a_missing_folder_is_refused_plainly(
    make_page, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    page = make_page()
    section = page.sections["data_export"]
    _save_to(monkeypatch, vault.folder / "vault.json")
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    assert "inside the vault's own folder" in section.status.text()
    assert section.status.property("role") == "error"
    assert section.job is None and not (vault.folder / "vault.json").exists()

    _save_to(monkeypatch, tmp_path / "no such folder" / "x.json")
    assert _export(qtbot, section) == "failed"
    assert "does not exist" in section.status.text() and "Nothing was written" in (
        section.status.text()
    )
    assert section.start_button.isEnabled() and not section.cancel_button.isVisible()


def _a_big_journal(vault: Vault, count: int = 8000) -> None:
    """Enough entries that an export takes a while (about half a second as CSV in a zip)."""
    first = date(2000, 1, 1)
    words = "one day at a time, and then the next one " * 35
    entries = [
        Entry(entry_date=first + timedelta(days=i // 3), title=f"Day {i}", body=f"{i} {words}")
        for i in range(count)
    ]
    with transaction(vault.connection):
        insert_entries(vault.connection, entries, lambda _n: None)


def _long_export_to(
    name: str, make_page, vault: Vault, tmp_path: Path, monkeypatch
) -> tuple[ExportPage, ExportSection, Path]:
    """The page over a journal big enough that its export takes a while, the save dialog
    answering `exports/<name>`; the page, its export section and the (empty) folder."""
    _a_big_journal(vault)
    page = make_page()
    out = tmp_path / "exports"
    out.mkdir()
    _save_to(monkeypatch, out / name)
    return page, page.sections["data_export"], out


def test_a_long_export_cancelled_after_its_first_progress_leaves_no_file(
    make_page, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    _, section, out = _long_export_to("everything.zip", make_page, vault, tmp_path, monkeypatch)
    qtbot.mouseClick(section.format_buttons["csv_zip"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    job = section.job
    assert job is not None and section.busy()
    assert section.progress.isVisible() and section.cancel_button.isVisible()
    assert not section.start_button.isEnabled()
    with qtbot.waitSignal(job.progressed, timeout=20_000):
        pass
    assert any(out.iterdir())  # the export has begun writing (its hidden temp file)
    with qtbot.waitSignal(section.finished, timeout=20_000) as finished:
        qtbot.mouseClick(section.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["cancelled"]
    assert list(out.iterdir()) == []  # no partial file, no temp file
    assert section.status.text() == "Export cancelled. No file was written."
    assert section.start_button.isEnabled() and not section.progress.isVisible()


def test_a_lock_drops_the_page_and_stops_its_export_without_a_file(
    make_page, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
) -> None:
    page, section, out = _long_export_to(
        "everything.json", make_page, vault, tmp_path, monkeypatch
    )
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(section.job.progressed, timeout=20_000):
        pass
    page.deleteLater()  # what locking does to every page (`MainWindow.discard`)
    qtbot.waitUntil(lambda: not shiboken6.isValid(page))
    assert QThreadPool.globalInstance().waitForDone(20_000)
    assert list(out.iterdir()) == []


def test_file_dialogs_remember_nothing_of_where_an_export_went(
    make_page, qtbot: QtBot, tmp_path: Path
) -> None:
    """The real dialog (not replaced): Qt writes the folder into its own settings file
    (QtProject.conf, wherever Qt put it for this process); the app puts it back as it was."""
    page = make_page()
    target_dir = tmp_path / "secret-place-for-exports"
    target_dir.mkdir()
    qt_settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    before = {k: qt_settings.value(f"FileDialog/{k}") for k in file_dialogs.QT_REMEMBERED}
    qt_settings.setValue("FileDialog/history", ["file:///earlier/history"])
    qt_settings.remove("FileDialog/lastVisited")
    qt_settings.sync()

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, choose)
            return
        dialog.setDirectory(str(target_dir))
        dialog.findChild(QLineEdit, "fileNameEdit").setText("my-export.json")
        dialog.accept()

    try:
        QTimer.singleShot(0, choose)
        chosen = file_dialogs.save_file(page, "Save", "x.json", "JSON files (*.json)", ".json")
        assert chosen == target_dir / "my-export.json"
        written = Path(qt_settings.fileName()).read_text(encoding="utf-8", errors="replace")
        assert "secret-place-for-exports" not in written
        assert "file:///earlier/history" in written  # what was there before is kept
        assert "lastVisited" not in written
    finally:
        for key, value in before.items():
            if value is None:
                qt_settings.remove(f"FileDialog/{key}")
            else:
                qt_settings.setValue(f"FileDialog/{key}", value)
        qt_settings.sync()


def _tab_walk(page: QWidget, first: QWidget, key: Qt.Key) -> list[QWidget]:
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [first]
    for _ in range(40):
        current = QApplication.focusWidget()
        modifiers = (
            Qt.KeyboardModifier.ShiftModifier
            if key == Qt.Key.Key_Backtab
            else Qt.KeyboardModifier.NoModifier
        )
        QTest_keyClick(current, key, modifiers)
        now = QApplication.focusWidget()
        if now is first:
            return seen
        seen.append(now)
    raise AssertionError(f"Tab never came back: {[w.objectName() for w in seen]}")


def QTest_keyClick(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:  # noqa: N802
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifiers)


def test_tab_walks_the_page_in_reading_order_with_every_control_named(
    make_page, qtbot: QtBot
) -> None:
    for width, height in ((960, 600), (1600, 900)):
        page = make_page(width, height)
        page.activateWindow()
        qtbot.waitUntil(lambda page=page: page.isActiveWindow())
        first = page.findChild(QAbstractButton, "export_format_json")
        forward = [w.objectName() for w in _tab_walk(page, first, Qt.Key.Key_Tab)]
        expected = [
            "export_format_json",  # one stop for the three formats (arrows move between them)
            "export_include_private",
            "export_start",
            "backup_change_folder",  # no backups yet (test_backup_section.py walks a list)
            "backup_start",
            "backup_restore_other",
            "import_kind",
            "import_choose_file",
            "report_open",  # the first section's, reached last from here
        ]
        assert [name for name in forward if name != "export_scroll"] == expected
        backward = [w.objectName() for w in _tab_walk(page, first, Qt.Key.Key_Backtab)]
        assert [n for n in backward if n != "export_scroll"] == [expected[0], *expected[:0:-1]]
        reachable = [
            w
            for w in page.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(page)
        ]
        for widget in reachable:
            assert widget.objectName() and widget.accessibleName(), widget


def test_the_page_fits_from_960x600_to_2560x1440(make_page, qtbot: QtBot) -> None:
    for width, height, two in ((760, 600, False), (2300, 1440, True)):  # the page, sidebar aside
        page = make_page(width, height)
        qtbot.waitUntil(lambda page=page, two=two: page._two_columns is two)
        viewport = page.scroll.viewport().width()
        for section in page.sections.values():
            qtbot.waitUntil(lambda s=section: s.isVisible() and s.width() > 0)
            right = section.mapTo(page.scroll.widget(), section.rect().topRight()).x()
            assert right <= viewport, (width, section.objectName())
        assert not page.scroll.horizontalScrollBar().isVisible()
        if two:  # wide: the text keeps a readable width, centred
            export = page.sections["data_export"]
            assert export.width() < width / 2
