# SPDX-License-Identifier: GPL-3.0-or-later
"""Restoring a backup through the app (issue 9, point 3), end to end on a real vault: from a
backup copied to a drive that still opens with an older passphrase, checked first and shown,
the session closed, restored on a worker, then the unlock window says which passphrase opens
the vault now and, after unlocking with it, the restored journal is there and a new passphrase
is offered. Refused in plain words, changing nothing, while another process has the vault open;
a damaged backup is refused at its check."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from recovery_desktop.core.models import Entry
from recovery_desktop.storage import KdfCost, Vault
from recovery_desktop.storage.backup_check import check_backup
from recovery_desktop.storage.backup_format import read_manifest
from recovery_desktop.ui.export.backup_section import BackupSection
from recovery_desktop.ui.export.backup_words import moment_words
from recovery_desktop.ui.export.restore_dialog import ASK, CONFIRM, RestoreDialog
from recovery_desktop.ui.restore_window import RestoreWindow
from recovery_desktop.ui.unlock.new_passphrase import NewPassphraseDialog
from tests.backup_helpers import snapshot
from tests.integration.test_vault_lock_processes import Holder
from tests.ui.conftest import unlock_with
from tests.ui.text_fit import checked_count, cut_texts

OLD = "the passphrase of that spring"
NEW = "a passphrase chosen later on"


def _titles(vault: Vault) -> list[str]:
    return sorted(e.title for e in vault.entries.page(limit=50))


def _section(qtbot, main) -> BackupSection:
    section = main.show_page("export").sections["backup"]
    qtbot.waitUntil(lambda: not section.table.isHidden() or section.empty_label.isVisible())
    return section


def _check(qtbot, dialog: RestoreDialog, secret: str) -> None:
    dialog.secret.clear()
    qtbot.keyClicks(dialog.secret, secret)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy.busy, timeout=20_000)


def _restore_from_folder(qtbot, controller, copy: Path, monkeypatch) -> RestoreDialog:
    """Unlock with today's passphrase, then Export & backup → "Restore from another
    folder…" on `copy`: the restore dialog it opens."""
    main = unlock_with(qtbot, controller, NEW)
    section = _section(qtbot, main)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(copy))
    with qtbot.waitSignal(section.dialog_opened) as opened:
        qtbot.mouseClick(section.restore_other, Qt.MouseButton.LeftButton)
    return opened.args[0]


@pytest.fixture
def moved_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A vault (now opened with NEW) and a copy of its backup on a drive, made while the
    passphrase was OLD: a copy moved elsewhere keeps the passphrase of its day."""
    folder = tmp_path / "vault"
    vault, _code = Vault.create(folder, OLD, KdfCost.cheap())
    vault.entries.save(Entry(entry_date=date(2026, 3, 1), title="Before the backup", body="x"))
    made = vault.make_backup()
    drive = tmp_path / "drive"
    drive.mkdir()
    copy = drive / made.path.name
    shutil.copytree(made.path, copy)
    vault.entries.save(Entry(entry_date=date(2026, 4, 1), title="After the backup", body="y"))
    vault.change_passphrase(NEW, KdfCost.cheap())
    vault.close()
    return folder, copy


def test_restore_from_a_backup_with_an_older_passphrase(
    qtbot, make_controller, moved_backup, monkeypatch
):
    folder, copy = moved_backup
    controller = make_controller(folder)
    controller.start()
    dialog = _restore_from_folder(qtbot, controller, copy, monkeypatch)
    when = moment_words(read_manifest(copy).created_at)
    assert when in dialog.findChild(QLabel, "restore_which").text()

    # Today's passphrase does not open a copy moved away before it was chosen.
    _check(qtbot, dialog, NEW)
    assert dialog.page == ASK
    assert "does not open this backup" in dialog.error.text()
    assert "Nothing was changed" in dialog.error.text()

    _check(qtbot, dialog, OLD)
    assert dialog.page == CONFIRM
    assert "It holds 1 journal entry, on" in dialog.contents.text()
    assert when in dialog.contents.text()
    assert "kept first, as a backup in" in dialog.warning.text()
    assert "the passphrase you just typed works" in dialog.warning.text()
    with qtbot.waitSignal(controller.restore_done, timeout=30_000) as done:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        # The session ended first: the vault is closed while the backup is put in place.
        assert isinstance(controller.restore_window, RestoreWindow)
        assert controller.vault is None and controller.main_window is None
    result = done.args[0].result
    assert result is not None and result.key_file_changed

    unlock = controller.unlock_window
    assert unlock is not None and unlock.isVisible()
    sentence = (
        f"Your vault is back as it was on {when}. It now opens with the passphrase and "
        "recovery code of that day."
    )
    assert unlock.banner.isVisible() and unlock.banner.text().startswith(sentence)
    assert str(result.kept.path) in unlock.banner.text()
    assert unlock.passphrase.accessibleDescription().startswith(sentence)

    # Today's passphrase no longer opens it; the backup's does, and the journal is as it was.
    qtbot.keyClicks(unlock.passphrase, NEW)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "didn't open" in unlock.message.text(), timeout=10_000)
    with qtbot.waitSignal(controller.restored_offer, timeout=10_000) as offered:
        main = unlock_with(qtbot, controller, OLD)
    assert _titles(controller.vault) == ["Before the backup"]
    journal = main.show_page("journal")
    assert journal.model.rowCount() == 1
    offer = offered.args[0]
    assert offer.isVisible() and offer.text.text().startswith(sentence)

    # The vault as it was is kept: it opens with the passphrase it had (NEW), whole.
    kept = check_backup(result.kept.path, NEW)
    assert kept.schema_version == result.schema_version

    qtbot.mouseClick(offer.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.findChild(NewPassphraseDialog) is not None)
    assert main.findChild(NewPassphraseDialog).isVisible()


def test_a_restore_is_refused_while_another_program_has_the_vault_open(
    qtbot, make_controller, vault: Vault, vault_dir: Path
):
    from tests.conftest import PASSPHRASE

    vault.entries.save(Entry(entry_date=date(2026, 3, 1), title="Mine", body="x"))
    vault.make_backup()
    vault.close()
    controller = make_controller(vault_dir)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    section = _section(qtbot, main)
    qtbot.waitUntil(lambda: section.restore_button.isEnabled())
    before = snapshot(vault_dir / "backups"), (vault_dir / "vault.keys").read_bytes()

    holder = Holder(vault_dir, "shared")  # as `recovery-desktop add` would hold it
    try:
        assert holder.line == "held"
        qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
        assert section.dialog is None  # refused before any passphrase is typed
        assert "no other window or program has the vault open" in section.restore_message.text()
        assert "Nothing was changed" in section.restore_message.text()
    finally:
        holder.stop()

    # The other program closed: the backup is checked; then it opens the vault again.
    with qtbot.waitSignal(section.dialog_opened) as opened:
        qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    dialog: RestoreDialog = opened.args[0]
    _check(qtbot, dialog, PASSPHRASE)
    assert dialog.page == CONFIRM
    holder = Holder(vault_dir, "shared")
    try:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        assert "no other window or program has the vault open" in dialog.confirm_error.text()
        assert controller.main_window is main and controller.vault.is_open
        assert controller.restore_window is None
    finally:
        holder.stop()
    assert (snapshot(vault_dir / "backups"), (vault_dir / "vault.keys").read_bytes()) == before
    assert _titles(controller.vault) == ["Mine"]


def test_a_damaged_backup_is_refused_at_its_check_and_nothing_changes(
    qtbot, make_controller, vault: Vault, vault_dir: Path
):
    from tests.conftest import PASSPHRASE

    made = vault.make_backup()
    db = made.path / "vault.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])  # cut short
    vault.close()
    controller = make_controller(vault_dir)
    controller.start()
    main = unlock_with(qtbot, controller, PASSPHRASE)
    section = _section(qtbot, main)
    qtbot.waitUntil(lambda: section.restore_button.isEnabled())
    before = snapshot(vault_dir / "backups"), (vault_dir / "vault.keys").read_bytes()
    with qtbot.waitSignal(section.dialog_opened) as opened:
        qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    dialog: RestoreDialog = opened.args[0]
    _check(qtbot, dialog, PASSPHRASE)
    assert dialog.page == ASK
    assert "cannot be restored" in dialog.error.text()
    assert "Nothing was changed" in dialog.error.text()
    assert (snapshot(vault_dir / "backups"), (vault_dir / "vault.keys").read_bytes()) == before
    assert controller.vault.is_open


def test_a_restore_cancelled_in_its_window_changes_nothing(
    qtbot, make_controller, moved_backup, monkeypatch
):
    folder, copy = moved_backup
    before = snapshot(folder)
    controller = make_controller(folder)
    controller.start()
    dialog = _restore_from_folder(qtbot, controller, copy, monkeypatch)
    _check(qtbot, dialog, OLD)
    with qtbot.waitSignal(controller.restore_done, timeout=30_000) as done:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        window = controller.restore_window
        assert window is not None and window.cancel_button.isEnabled()
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert done.args[0].cancelled and done.args[0].result is None
    unlock = controller.unlock_window
    assert "The restore was stopped. Your vault is as it was" in unlock.message.text()
    assert not unlock.banner.isVisible()
    # Nothing of the restore is left (the app's own lock and WAL files aside), and today's
    # passphrase opens today's journal.
    def files(found: dict[str, bytes | None]) -> set[str]:
        return {n for n in found if not n.startswith(("vault.db-", "vault.lock", "gui.lock"))}

    assert files(snapshot(folder)) == files(before)
    assert (folder / "vault.keys").read_bytes() == before["vault.keys"]
    unlock_with(qtbot, controller, NEW)
    assert _titles(controller.vault) == ["After the backup", "Before the backup"]


def test_both_steps_of_a_restore_show_all_their_words_at_the_size_it_opens(
    qtbot, make_controller, moved_backup, monkeypatch
):
    """What happens next is the one thing to read before saying yes: the confirm step grows
    the window to its words instead of cutting them off (seen on a screenshot)."""
    folder, copy = moved_backup
    controller = make_controller(folder)
    controller.start()
    main = unlock_with(qtbot, controller, NEW)
    section = _section(qtbot, main)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(copy))
    with qtbot.waitSignal(section.dialog_opened) as opened:
        qtbot.mouseClick(section.restore_other, Qt.MouseButton.LeftButton)
    dialog: RestoreDialog = opened.args[0]
    qtbot.waitExposed(dialog)
    assert cut_texts(dialog) == [] and checked_count(dialog) >= 4
    _check(qtbot, dialog, OLD)
    assert dialog.page == CONFIRM
    qtbot.waitUntil(lambda: dialog.warning.isVisible())
    assert cut_texts(dialog) == [] and checked_count(dialog) >= 4
    dialog.reject()
