# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Back up and restore" section of the Export & backup page over a real vault: Back up now
(listed afterwards), a cancelled backup that leaves no folder, the list's words (date, kind,
size, which passphrase opens it), the backup folder with its refusals, a foreign folder offered
for a restore, and the keyboard walk through the section."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import Vault
from recovery_desktop.storage.backup import make_backup
from recovery_desktop.storage.backup_format import BackupKind
from recovery_desktop.storage.bulk_import import insert_entries
from recovery_desktop.storage.connection import transaction
from recovery_desktop.ui.export import file_dialogs
from recovery_desktop.ui.export.backup_section import BackupSection
from recovery_desktop.ui.export.page import ExportPage
from recovery_desktop.ui.goals.words import medium_date
from tests.backup_helpers import snapshot
from tests.ui.test_export_page import _tab_walk


@pytest.fixture
def make_section(vault: Vault, qtbot: QtBot, themed_app):
    def make(width: int = 1100, height: int = 900) -> tuple[ExportPage, BackupSection]:
        page = ExportPage(vault)
        qtbot.addWidget(page)
        page.resize(width, height)
        page.show()
        qtbot.waitExposed(page)
        section = page.sections["backup"]
        assert isinstance(section, BackupSection)
        qtbot.waitUntil(lambda: not section.table.isHidden() or section.empty_label.isVisible())
        return page, section

    return make


def _reload(qtbot: QtBot, section: BackupSection) -> None:
    with qtbot.waitSignal(section.listed, timeout=10_000):
        section.reload()


def _back_up(qtbot: QtBot, section: BackupSection) -> str:
    with qtbot.waitSignal(section.finished, timeout=20_000) as finished:
        qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.model.rowCount() > 0 and not section.table.isHidden())
    return finished.args[0]


def _a_big_journal(vault: Vault, count: int = 8000) -> None:
    """About 17 MB: a backup takes a good part of a second."""
    words = "one day at a time, and then the next one " * 35
    entries = [
        Entry(entry_date=date(2000, 1, 1) + timedelta(days=i // 3), title=f"Day {i}",
              body=f"{i} {words}")
        for i in range(count)
    ]  # fmt: skip
    with transaction(vault.connection):
        insert_entries(vault.connection, entries, lambda _n: None)


def _locale_moment(moment: datetime) -> str:
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def test_back_up_now_writes_a_backup_and_lists_it(make_section, qtbot: QtBot, vault: Vault):
    vault.entries.save(Entry(entry_date=date(2026, 3, 1), body="kept safe"))
    _page, section = make_section()
    assert section.empty_label.isVisible() and section.empty_label.text() == "No backups yet."
    assert not section.restore_button.isEnabled()
    assert str(vault.folder / "backups") in section.folder_label.text()
    assert not section.default_folder.isVisible()  # the default folder is in use

    assert _back_up(qtbot, section) == "done"
    (made,) = [p for p in (vault.folder / "backups").iterdir() if p.name.startswith("backup-")]
    assert sorted(os.listdir(made)) == ["manifest.json", "vault.db", "vault.keys"]
    assert str(made) in section.status.text() and section.status.text().startswith("Done.")
    assert not section.progress.isVisible() and section.start_button.isEnabled()

    assert section.model.rowCount() == 1
    row = section.selected_row()
    assert row is not None and row.path == made
    cells = [section.model.index(0, c).data() for c in range(4)]
    assert cells[1] == "By hand" and cells[3] == "Today's passphrase"
    assert _locale_moment(row.info.created_at) in cells[0]
    assert cells[2].endswith("B")  # "188.9 kB", in the locale's numbers
    assert "made by hand" in section.selected_label.text()
    assert str(made.parent) in section.selected_label.text()
    assert section.restore_button.isEnabled()
    # A backup the vault's own passphrase change reaches: still today's afterwards.
    vault.change_passphrase("a brand new passphrase for today", cheap_cost())
    _reload(qtbot, section)
    assert section.model.index(0, 3).data() == "Today's passphrase"


def cheap_cost():  # noqa: ANN201
    from recovery_desktop.storage import KdfCost

    return KdfCost.cheap()


def test_a_backup_cancelled_on_its_first_progress_leaves_no_folder(
    make_section, qtbot: QtBot, vault: Vault
):
    _a_big_journal(vault)
    _page, section = make_section()
    backups = vault.folder / "backups"
    before = sorted(os.listdir(backups))
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    job = section.job
    assert job is not None and section.busy()
    assert section.cancel_button.isVisible() and not section.start_button.isEnabled()
    assert not section.restore_other.isEnabled()  # no restore while a backup is written
    with qtbot.waitSignal(job.progressed, timeout=20_000):
        pass
    with qtbot.waitSignal(section.finished, timeout=20_000) as finished:
        qtbot.mouseClick(section.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == ["cancelled"]
    assert sorted(os.listdir(backups)) == before  # no backup, no hidden .partial- folder
    assert section.status.text() == "Backup stopped. Nothing was written."
    assert section.start_button.isEnabled() and not section.cancel_button.isVisible()


def test_the_list_names_each_kind_and_which_passphrase_opens_it(
    make_section, qtbot: QtBot, vault: Vault
):
    key = Vault.derive_key(vault.folder, "correct horse battery staple")
    now = datetime.now(UTC).replace(microsecond=0)
    # Automatic ones on 9 different days: the newest 7 days are "Daily", older ones "Weekly".
    for days in range(9):
        make_backup(vault.folder, key, kind=BackupKind.AUTOMATIC, now=now - timedelta(days=days))
    by_hand = make_backup(vault.folder, key, now=now - timedelta(days=30))
    # A backup whose key file could not follow the last change: an earlier passphrase.
    (by_hand.path / "vault.keys").write_bytes(b"{}")
    _page, section = make_section()
    _reload(qtbot, section)
    rows = section.model.rows
    assert [r.kind_text for r in rows] == ["Daily"] * 7 + ["Weekly"] * 2 + ["By hand"]
    assert [r.opens.value for r in rows[:9]] == ["today"] * 9
    assert section.model.index(9, 3).data() == "An earlier passphrase"
    assert section.table.height() < section.table.verticalHeader().length() + 200  # it scrolls
    section.table.selectRow(9)
    assert "could not be updated" in section.selected_label.text()
    day = (now - timedelta(days=30)).astimezone().date()
    assert medium_date(day) in section.model.index(9, 0).data()  # the locale's own date


def test_the_backup_folder_can_change_and_unsafe_ones_are_refused_plainly(
    make_section, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
):
    _page, section = make_section()
    asked: list[tuple] = []

    def choose(folder: Path):
        def answer(*args, **kwargs):
            asked.append((args, kwargs))
            return str(folder)

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", answer)

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    choose(shared)
    qtbot.mouseClick(section.change_folder, Qt.MouseButton.LeftButton)
    assert section.folder_message.isVisible()
    assert "can be changed by other people on this computer" in section.folder_message.text()
    assert "Nothing was changed" in section.folder_message.text()
    assert vault.backup_folder == vault.folder / "backups"
    args = asked[-1][0]
    assert Path(args[2]) == file_dialogs.start_folder()  # never where a backup went before
    assert args[3] & QFileDialog.Option.DontUseNativeDialog

    inside = vault.folder / "elsewhere-inside"
    choose(inside)
    qtbot.mouseClick(section.change_folder, Qt.MouseButton.LeftButton)
    assert "inside the vault folder" in section.folder_message.text()

    drive = tmp_path / "drive" / "my backups"
    drive.parent.mkdir()
    choose(drive)
    qtbot.mouseClick(section.change_folder, Qt.MouseButton.LeftButton)
    assert not section.folder_message.isVisible()
    assert vault.backup_folder == drive and drive.is_dir()
    assert str(drive) in section.folder_label.text()
    assert section.default_folder.isVisible()
    assert _back_up(qtbot, section) == "done"
    assert [p.name[:7] for p in drive.iterdir()] == ["backup-"]
    assert section.selected_row().path.parent == drive

    qtbot.mouseClick(section.default_folder, Qt.MouseButton.LeftButton)
    assert vault.backup_folder == vault.folder / "backups"
    assert not section.default_folder.isVisible()
    _reload(qtbot, section)
    assert section.model.rowCount() == 1  # the backup on the drive is still looked after


def test_a_folder_that_is_no_backup_is_refused_plainly_and_nothing_changes(
    make_section, qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch
):
    drive = tmp_path / "drive"  # a drive that holds a backup of this vault, copied there
    drive.mkdir()
    made = vault.make_backup()
    shutil.copytree(made.path, drive / made.path.name)
    shutil.rmtree(made.path)
    _page, section = make_section()
    foreign = tmp_path / "holiday photos"
    foreign.mkdir()
    (foreign / "beach.jpg").write_bytes(b"\xff\xd8 not a journal")
    before = snapshot(vault.folder)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(foreign))
    qtbot.mouseClick(section.restore_other, Qt.MouseButton.LeftButton)
    text = section.restore_message.text()
    assert section.restore_message.isVisible() and section.dialog is None
    assert "not a Recovery Desktop backup" in text and "Nothing was changed" in text

    # The drive that holds backups, chosen instead of one of them: say which to choose.
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(drive))
    qtbot.mouseClick(section.restore_other, Qt.MouseButton.LeftButton)
    assert made.path.name in section.restore_message.text()
    assert "Please choose one of them" in section.restore_message.text()
    assert snapshot(vault.folder) == before


def test_tab_walks_the_section_in_reading_order_with_every_control_named(
    make_section, qtbot: QtBot, vault: Vault, tmp_path: Path
):
    vault.set_backup_folder(tmp_path / "drive")
    vault.make_backup()
    for width, height in ((960, 600), (1600, 900)):
        page, section = make_section(width, height)
        page.activateWindow()
        qtbot.waitUntil(lambda page=page: page.isActiveWindow())
        qtbot.waitUntil(lambda s=section: s.restore_button.isEnabled())
        first = section.change_folder
        forward = [w.objectName() for w in _tab_walk(page, first, Qt.Key.Key_Tab)]
        expected = [
            "backup_change_folder",
            "backup_default_folder",
            "backup_start",
            "backup_list",
            "backup_restore",
            "backup_restore_other",
        ]
        inside = [name for name in forward if name.startswith("backup_")]
        assert inside == expected
        assert forward[forward.index("backup_restore_other") + 1] == "import_kind"
        # In the list, the arrows move between backups and Tab leaves it.
        section.table.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(section.table, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is section.restore_button
        reachable = [
            w
            for w in section.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(section)
        ]
        for widget in reachable:
            assert widget.objectName() and widget.accessibleName(), widget
