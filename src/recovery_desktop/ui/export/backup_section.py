# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Back up and restore" section of the Export & backup page.

- **Back up now** writes a backup into the backup folder on a worker (`vault.make_backup`),
  with a progress bar and a Cancel that leaves nothing behind (the backup is written under a
  hidden name and appears whole or not at all).
- **The list** of every backup the app looks after (`backup_list`), read on a worker: when,
  kind, size, and which passphrase opens it.
- **The backup folder**, with "Change…" (a folder dialog that remembers nothing,
  `file_dialogs`); an unsafe folder is refused by `vault.set_backup_folder` in plain words.
- **Restore…** on the chosen backup, or **Restore from another folder…** (a drive): refused at
  once while another window or program has the vault open, then `RestoreDialog` asks for the
  backup's secret, checks it, shows what it holds and hands it to the controller.

The session's backups are tracked in the controller's `BackupRuns` (through the `BackupHost` on
the main window), so a restore, a key change or quitting can stop them first.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from recovery_desktop.exchange.progress import Cancelled
from recovery_desktop.storage.errors import VaultError
from recovery_desktop.ui.backup_host import BackupHost, BackupRuns
from recovery_desktop.ui.export import file_dialogs
from recovery_desktop.ui.export.backup_list import BackupRow, BackupTableModel, read_backups
from recovery_desktop.ui.export.job_section import JobSection, set_role
from recovery_desktop.ui.export.jobs import VaultJob
from recovery_desktop.ui.export.restore_dialog import RestoreDialog
from recovery_desktop.ui.export.section import muted_label, plain_label
from recovery_desktop.ui.theme import make_heading

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.backup import BackupInfo

VISIBLE_ROWS = 6  # the list's height, in rows, before it scrolls


def _push(parent: QWidget, text: str, name: str, accessible: str) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class BackupSection(JobSection):
    """Back up now, the list of backups, the backup folder, and restore. `finished` follows
    "Back up now"."""

    listed = Signal()  # the list of backups was read again
    dialog_opened = Signal(object)  # the RestoreDialog, once shown

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__("backup", parent, vault)
        self.set_title(self.tr("Back up and restore"))
        self.dialog: RestoreDialog | None = None
        self._own_runs = BackupRuns()
        self._listing = 0  # the newest list request; older answers are dropped
        self._select_after_listing: Path | None = None
        self._connected_host: BackupHost | None = None

        self.body.addWidget(
            muted_label(
                self.tr(
                    "A backup is a copy of your whole vault, still encrypted: it opens with your "
                    "passphrase or recovery code. One is made for you after you unlock, once a "
                    "day; the last 7 days and 4 weeks of those are kept. Backups you make "
                    "yourself stay until you delete them."
                ),
                self,
            )
        )
        self.automatic_note = plain_label("", self, role="muted")
        self.automatic_note.setObjectName("backup_automatic_note")
        self.automatic_note.hide()
        self.body.addWidget(self.automatic_note)
        self._build_folder_row()
        self._build_backup_now()
        self._build_list()
        self._connect_host()
        self.show_folder()
        self.reload()

    # --- building ------------------------------------------------------------------------------

    def _build_folder_row(self) -> None:
        self.folder_label = plain_label("", self)
        self.folder_label.setObjectName("backup_folder")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_folder = _push(
            self, self.tr("Change…"), "backup_change_folder",
            self.tr("Change the folder for backups"),
        )  # fmt: skip
        self.change_folder.clicked.connect(self.choose_folder)
        self.default_folder = _push(
            self, self.tr("Use the vault's folder"), "backup_default_folder",
            self.tr("Put new backups in the vault's own backups folder"),
        )  # fmt: skip
        self.default_folder.clicked.connect(self.use_default_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.change_folder, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.default_folder, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.folder_message = plain_label("", self, role="error")
        self.folder_message.setObjectName("backup_folder_message")
        self.folder_message.hide()
        self.body.addWidget(self.folder_message)

    def _build_backup_now(self) -> None:
        self.add_job_rows(
            "backup",
            start=(self.tr("Back up now"), self.tr("Back up now")),
            progress=self.tr("Backup progress"),
            cancel=self.tr("Cancel the backup"),
        )
        self.start_button.clicked.connect(self.start)

    def _build_list(self) -> None:
        heading = QLabel(self.tr("Your backups"), self)
        heading.setObjectName("backup_list_heading")
        make_heading(heading, 1.0)
        self.body.addWidget(heading)
        self.empty_label = muted_label(self.tr("No backups yet."), self)
        self.empty_label.setObjectName("backup_list_empty")
        self.empty_label.hide()
        self.body.addWidget(self.empty_label)
        self.model = BackupTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("backup_list")
        self.table.setAccessibleName(self.tr("Your backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._fit_table(1)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.table.hide()  # until the list is read
        self.body.addWidget(self.table)
        self.selected_label = muted_label("", self)
        self.selected_label.setObjectName("backup_selected")
        self.selected_label.hide()
        self.body.addWidget(self.selected_label)
        self.restore_button = _push(
            self, self.tr("Restore…"), "backup_restore", self.tr("Restore the chosen backup")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_other = _push(
            self, self.tr("Restore from another folder…"), "backup_restore_other",
            self.tr("Restore a backup from another folder or a drive"),
        )  # fmt: skip
        self.restore_other.clicked.connect(self.restore_from_folder)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.restore_other)
        row.addStretch(1)
        self.body.addLayout(row)
        self.restore_message = plain_label("", self, role="error")
        self.restore_message.setObjectName("backup_restore_message")
        self.restore_message.hide()
        self.body.addWidget(self.restore_message)

    # --- the session ----------------------------------------------------------------------------

    def host(self) -> BackupHost | None:
        return BackupHost.near(self)

    def runs(self) -> BackupRuns:
        host = self.host()
        return host.runs if host is not None else self._own_runs

    def _connect_host(self) -> None:
        host = self.host()
        if host is None or host is self._connected_host:
            return
        self._connected_host = host
        host.changed.connect(self._host_changed)
        self._show_automatic_note(host)

    def _host_changed(self) -> None:
        host = self._connected_host
        if host is not None and shiboken6.isValid(host):
            self._show_automatic_note(host)
        self.reload()

    def _show_automatic_note(self, host: BackupHost) -> None:
        self.automatic_note.setText(host.automatic_note)
        set_role(self.automatic_note, "error" if host.automatic_note_is_error else "muted")
        self.automatic_note.setVisible(bool(host.automatic_note))

    # --- the contract ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._connect_host()
        self.show_folder()
        self.reload()

    # --- the folder -----------------------------------------------------------------------------

    def show_folder(self) -> None:
        if self.vault is None:
            return
        from recovery_desktop.storage.backup_places import own_backups

        try:
            folder = self.vault.backup_folder
        except VaultError as error:
            self._say_folder(str(error))
            self.folder_label.setText(self.tr("Backups go to: (unknown)"))
            return
        self.folder_label.setText(self.tr("Backups go to: {folder}").format(folder=folder))
        self.folder_label.setAccessibleName(self.folder_label.text())
        self.default_folder.setVisible(folder != own_backups(self.vault.folder))

    def choose_folder(self) -> None:
        if self.vault is None:
            return
        chosen = file_dialogs.choose_folder(self, self.tr("Choose a folder for your backups"))
        if chosen is not None:
            self._set_folder(chosen)

    def use_default_folder(self) -> None:
        self._set_folder(None)

    def _set_folder(self, folder: Path | None) -> None:
        assert self.vault is not None
        focused = QApplication.focusWidget() is self.default_folder
        try:
            now = self.vault.set_backup_folder(folder)
        except VaultError as error:
            self._say_folder(str(error))
            return
        self._say_folder("")
        self.show_folder()
        if focused and not self.default_folder.isVisible():
            self.change_folder.setFocus()
        self._say(
            self.tr(
                "New backups go to {folder}. Backups made before stay where they are, and "
                "still follow when you change your passphrase."
            ).format(folder=now),
            role="muted",
        )

    def _say_folder(self, text: str) -> None:
        self.folder_message.setText(text)
        self.folder_message.setVisible(bool(text))

    # --- back up now ----------------------------------------------------------------------------

    def start(self) -> None:
        """Write a backup on a worker, with progress and Cancel."""
        if self.busy() or self.vault is None:
            return
        vault, runs = self.vault, self.runs()
        run = runs.begin()

        def work(_conn, progress, stop) -> BackupInfo:  # noqa: ANN001 - on the worker
            from recovery_desktop.storage.backup import BackupCancelledError

            try:
                return vault.make_backup(
                    progress=progress, cancelled=lambda: stop.is_set() or run.cancelled()
                )
            except BackupCancelledError as error:
                raise Cancelled() from error
            finally:
                runs.end(run)

        self.run_job(VaultJob(self, work), self.tr("Backing up your journal…"))

    def idle_controls(self) -> tuple[QWidget, ...]:
        return (self.start_button, self.change_folder, self.default_folder, self.restore_other)

    def stopping_words(self) -> str:
        return self.tr("Stopping the backup…")

    def cancelled_words(self) -> str:
        return self.tr("Backup stopped. Nothing was written.")

    def _done(self, info: BackupInfo) -> None:
        self._show_running(False)
        self._say(
            self.tr(
                "Done. Your journal is backed up in {path}. It opens with today's passphrase "
                "or recovery code, and follows when you change them while it stays in that "
                "folder."
            ).format(path=info.path),
            role=None,
        )
        self._select_after_listing = info.path
        self.reload()
        self.finished.emit("done")

    def _show_running(self, running: bool) -> None:
        super()._show_running(running)
        self._update_restore()  # no restore while a backup is being written

    # --- the list -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again on a worker; `listed` follows."""
        if self.vault is None:
            return
        vault = self.vault
        self._listing += 1
        number = self._listing
        # Bound methods only: a lambda on a child's signal that holds the section would drop
        # the section's last reference while Qt deletes it (PySide crashes then).
        job = VaultJob(self, lambda _conn, _progress, _stop: (number, read_backups(vault)))
        job.finished.connect(job.deleteLater)
        job.succeeded.connect(self._listed)
        job.failed.connect(self._list_failed)
        job.start()

    def _listed(self, answer: tuple[int, list[BackupRow]]) -> None:
        number, rows = answer
        if number != self._listing:
            return
        current = self.selected_row()
        keep = self._select_after_listing or (current.path if current else None)
        self._select_after_listing = None
        self.model.set_rows(rows)
        self._fit_table(len(rows))
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        index = next((i for i, row in enumerate(rows) if row.path == keep), 0)
        if rows:
            self.table.selectRow(index)
        self._selection_changed()
        self.listed.emit()

    def _fit_table(self, rows: int) -> None:
        """As tall as its rows, up to `VISIBLE_ROWS` (then it scrolls)."""
        shown = max(1, min(rows, VISIBLE_ROWS))
        vertical = self.table.verticalHeader()
        row = vertical.sectionSize(0) if rows else vertical.defaultSectionSize()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        scroll = self.table.horizontalScrollBar()
        if scroll.isVisible():
            height += scroll.sizeHint().height()
        self.table.setFixedHeight(height + row * shown + 2)

    def _list_failed(self, message: str) -> None:
        self._say_restore(message)
        self.listed.emit()

    def selected_row(self) -> BackupRow | None:
        index = self.table.selectionModel().currentIndex()
        rows = self.model.rows
        if not index.isValid() or not 0 <= index.row() < len(rows):
            return None
        return rows[index.row()]

    def _selection_changed(self, *_: object) -> None:
        row = self.selected_row()
        text = row.description() if row is not None else ""
        self.selected_label.setText(text)
        self.selected_label.setVisible(bool(text))
        self.table.setAccessibleDescription(text)
        self._update_restore()

    def _update_restore(self) -> None:
        self.restore_button.setEnabled(self.selected_row() is not None and not self.busy())

    # --- restore --------------------------------------------------------------------------------

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_restore(row.path, row.info.created_at)

    def restore_from_folder(self) -> None:
        """A backup folder the app does not list (one copied to a drive, say)."""
        from recovery_desktop.storage.backup_check import locate_backup
        from recovery_desktop.storage.backup_format import NotABackupError, backup_folders_in

        chosen = file_dialogs.choose_folder(self, self.tr("Choose the backup folder to restore"))
        if chosen is None:
            return
        try:
            _source, _db, _keys, _wal, manifest = locate_backup(chosen)
        except NotABackupError as error:
            inside = [folder.name for folder, _ in backup_folders_in(chosen)]
            text = str(error)
            if inside:
                text = self.tr(
                    "{folder} holds backups rather than being one: {names}. Please choose one "
                    "of them. Nothing was changed."
                ).format(folder=chosen, names=", ".join(inside[-5:]))
            self._say_restore(text)
            return
        self.open_restore(chosen, manifest.created_at if manifest is not None else None)

    def open_restore(self, backup: Path, created_at: datetime | None) -> RestoreDialog | None:
        """Refuse at once, in plain words, while another window or program has the vault open;
        else ask for the backup's secret."""
        if self.vault is None or self.busy():
            return None
        host = self.host()
        refusal = (
            host.restore_refusal()
            if host is not None
            else self.tr("A backup can only be restored from the app's main window.")
        )
        if refusal:
            self._say_restore(refusal)
            return None
        self._say_restore("")
        dialog = RestoreDialog(backup, created_at, self.vault.folder, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _say_restore(self, text: str) -> None:
        self.restore_message.setText(text)
        self.restore_message.setVisible(bool(text))
