# SPDX-License-Identifier: GPL-3.0-or-later
"""Restoring one backup, in two steps, changing nothing until the person says yes.

1. The backup's passphrase (or its recovery code) is typed and checked on a worker
   (`storage.backup_check.check_backup`: it opens, its database opens with the key inside, its
   schema is known; nothing is written). A wrong secret, a damaged, cut-short or foreign
   backup is refused here in plain words.
2. What it holds (`storage.backup_preview`: counts and dates, no word of the journal) and what
   a restore does: the vault as it is now is kept first as a backup, then this one takes its
   place, and afterwards the vault opens with the backup's passphrase and recovery code.

"Restore this backup" hands a `RestorePlan` to the controller (`BackupHost.start_restore`),
which ends the session and restores on a worker; a refusal (another program has the vault
open) is shown here and nothing changes. The secret is dropped from the dialog's fields as
soon as it has been handed over or the dialog closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.storage.keys import PASSPHRASE_SLOT, RECOVERY_SLOT
from recovery_desktop.storage.layout import BACKUPS_NAME
from recovery_desktop.ui.backup_host import BackupHost, RestorePlan
from recovery_desktop.ui.export.backup_words import BackupWords, moment_words
from recovery_desktop.ui.goals.words import medium_date
from recovery_desktop.ui.keys.code_steps import button, button_row
from recovery_desktop.ui.restore_window import fit_height
from recovery_desktop.ui.theme import make_heading
from recovery_desktop.ui.unlock.common import BusyIndicator, describe_error
from recovery_desktop.ui.workers import run_in_background

ASK, CONFIRM = range(2)


@dataclass(frozen=True)
class CheckedPreview:
    """What step 1 found, without the key (the restore checks again with the secret)."""

    created_at: datetime | None
    app_version: str | None
    upgrade_needed: bool
    entries: int
    first_day: object
    last_day: object
    people: int
    goals: int


def check_and_preview(backup: Path, secret: str, slot: str) -> CheckedPreview:
    """On a worker: step 1, and the counts. Raises the plain errors of `check_backup`."""
    from recovery_desktop.storage.backup_check import check_backup
    from recovery_desktop.storage.backup_preview import backup_contents
    from recovery_desktop.storage.migrations import SCHEMA_VERSION

    checked = check_backup(backup, secret, slot)
    contents = backup_contents(checked)
    manifest = checked.manifest
    return CheckedPreview(
        checked.created_at,
        manifest.app_version if manifest is not None else None,
        checked.schema_version < SCHEMA_VERSION,
        contents.entries,
        contents.first_day,
        contents.last_day,
        contents.people,
        contents.goals,
    )


def _label(parent: QWidget, text: str = "", *, role: str | None = None, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


class RestoreDialog(QDialog):
    """Check a backup with its secret, show what it holds, then hand it to the controller.
    `handed_over` is emitted once the controller has taken over (the session is ending)."""

    handed_over = Signal()

    def __init__(
        self,
        backup: Path,
        created_at: datetime | None,
        vault_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.backup = Path(backup)
        self.created_at = created_at
        self.vault_folder = Path(vault_folder)
        self.preview: CheckedPreview | None = None
        self._checked_secret: tuple[str, str] | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._ask_page())
        self.pages.addWidget(self._confirm_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        char = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(char * 76)
        self._use_code_toggled(False)

    # --- step 1 ----------------------------------------------------------------------------------

    def _ask_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Restore a backup"), page)
        make_heading(heading, 1.3)
        where = _label(
            page,
            self.tr("The backup of {when}, in {folder}.").format(
                when=moment_words(self.created_at), folder=self.backup.parent
            ),
            name="restore_which",
        )
        intro = _label(
            page,
            self.tr(
                "Type the passphrase this backup opens with: today's if the list says so, or "
                "the one you had when it was made. Nothing changes until you have seen what it "
                "holds and said yes."
            ),
            role="muted",
        )
        self.secret = QLineEdit(page)
        self.secret.setObjectName("restore_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.textChanged.connect(self._update)
        self.use_code = QCheckBox(self.tr("Use its recovery code instead"), page)
        self.use_code.setObjectName("restore_use_code")
        self.use_code.setAccessibleName(self.tr("Use the backup's recovery code instead"))
        self.use_code.toggled.connect(self._use_code_toggled)
        self.error = _label(page, role="error", name="restore_error")
        self.busy = BusyIndicator(page)
        self.cancel_button = button(page, self.tr("Cancel"), "restore_cancel", self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.check_button = button(
            page, self.tr("Check the backup"), "restore_check",
            self.tr("Check the backup with this passphrase"), primary=True,
        )  # fmt: skip
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, where, intro, self.secret, self.use_code, self.error, self.busy):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(button_row(self.check_button, self.cancel_button))
        QWidget.setTabOrder(self.secret, self.use_code)
        QWidget.setTabOrder(self.use_code, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.check_button)
        return page

    @property
    def slot(self) -> str:
        return RECOVERY_SLOT if self.use_code.isChecked() else PASSPHRASE_SLOT

    def _use_code_toggled(self, code: bool) -> None:
        what = self.tr("Recovery code of the backup") if code else self.tr("Passphrase of the backup")
        self.secret.setPlaceholderText(what)
        self.secret.setAccessibleName(what)
        self.check_button.setAccessibleName(
            self.tr("Check the backup with this recovery code")
            if code
            else self.tr("Check the backup with this passphrase")
        )
        self._update()

    def _update(self) -> None:
        self.check_button.setEnabled(bool(self.secret.text()) and not self.busy.busy)

    def check(self) -> None:
        """Step 1 on a worker: slow (one key derivation), writes nothing."""
        if not self.check_button.isEnabled():
            return
        secret, slot, backup = self.secret.text(), self.slot, self.backup
        self.error.clear()
        self.busy.start(self.tr("Checking the backup… this takes a moment."))
        for widget in (self.secret, self.use_code, self.check_button):
            widget.setEnabled(False)

        def checked(preview: CheckedPreview) -> None:
            self._checked_secret = (secret, slot)
            self._show_preview(preview)

        run_in_background(
            self, lambda: check_and_preview(backup, secret, slot), checked, self._check_failed
        )

    def _idle(self) -> None:
        self.busy.stop()
        self.secret.setEnabled(True)
        self.use_code.setEnabled(True)
        self._update()

    def _check_failed(self, error: BaseException) -> None:
        self._idle()
        self.error.setText(describe_error(error))
        self.secret.selectAll()
        self.secret.setFocus()

    # --- step 2 ----------------------------------------------------------------------------------

    def _confirm_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(self.tr("Restore this backup?"), page)
        make_heading(heading, 1.3)
        self.contents = _label(page, name="restore_contents")
        self.warning = _label(page, role="banner", name="restore_warning")
        self.confirm_error = _label(page, role="error", name="restore_refused")
        self.back_button = button(page, self.tr("Back"), "restore_back", self.tr("Back"))
        self.back_button.clicked.connect(self._back)
        self.cancel2_button = button(page, self.tr("Cancel"), "restore_cancel_2", self.tr("Cancel"))
        self.cancel2_button.clicked.connect(self.reject)
        self.confirm_button = button(
            page, self.tr("Restore this backup"), "restore_confirm",
            self.tr("Restore this backup now"), primary=True,
        )  # fmt: skip
        self.confirm_button.clicked.connect(self.confirm)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, self.contents, self.warning, self.confirm_error):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(button_row(self.confirm_button, self.back_button, self.cancel2_button))
        QWidget.setTabOrder(self.back_button, self.cancel2_button)
        QWidget.setTabOrder(self.cancel2_button, self.confirm_button)
        return page

    def _show_preview(self, preview: CheckedPreview) -> None:
        self._idle()
        self.preview = preview
        self.contents.setText(contents_text(preview))
        code = self._checked_secret is not None and self._checked_secret[1] == RECOVERY_SLOT
        self.warning.setText(
            self.tr(
                "What happens: your journal as it is now is kept first, as a backup in {kept}, "
                "so nothing is lost and you can come back to it the same way. Then this backup "
                "takes its place. The app closes your journal while it works, then asks you to "
                "unlock.\n\nAfterwards your vault opens with this backup's passphrase and "
                "recovery code: {which}"
            ).format(
                kept=self.vault_folder / BACKUPS_NAME,
                which=self.tr("the recovery code you just typed works.")
                if code
                else self.tr("the passphrase you just typed works."),
            )
        )
        self.confirm_button.setAccessibleDescription(
            self.contents.text() + "\n" + self.warning.text()
        )  # a screen reader hears what it holds and what happens, on the button itself
        self.confirm_error.clear()
        self.check_button.setDefault(False)
        self.pages.setCurrentIndex(CONFIRM)
        self._fit_words(self.contents, self.warning)
        self.confirm_button.setFocus()

    def _fit_words(self, *labels: QLabel) -> None:
        """Grow so the confirm step shows all its words: a folder's path is one word no line
        can break, and the wrapped text is taller than the ask step the window was sized for
        (a screenshot showed "What happens" cut off at the top and bottom)."""
        margins = self.layout().contentsMargins()
        width = self.width()
        for label in labels:
            metrics = label.fontMetrics()
            widest = max((metrics.horizontalAdvance(w) for w in label.text().split()), default=0)
            padding = label.width() - label.contentsRect().width()  # the banner's own
            width = max(width, widest + padding + margins.left() + margins.right())
        screen = self.screen()
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        fit_height(self, width, self.height())

    def _back(self) -> None:
        self._checked_secret = None
        self.check_button.setDefault(True)
        self.pages.setCurrentIndex(ASK)
        self.secret.setFocus()

    def confirm(self) -> None:
        """Hand the restore to the controller, or say why it cannot start now."""
        if self._checked_secret is None:
            return
        host = BackupHost.near(self)
        secret, slot = self._checked_secret
        if host is None:
            self.confirm_error.setText(
                self.tr("A backup can only be restored from the app's main window.")
            )
            return
        plan = RestorePlan(self.backup, secret, slot, self.created_at)
        refusal = host.start_restore(plan)
        if refusal:
            self.confirm_error.setText(refusal)
            return
        self._forget()
        self.handed_over.emit()
        self.hide()

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def _forget(self) -> None:
        self._checked_secret = None
        self.secret.clear()

    def done(self, result: int) -> None:
        """Closing (Cancel, Escape, a lock): forget the secret first. A check still running
        writes nothing; its answer is dropped with the dialog."""
        self._forget()
        super().done(result)


def contents_text(preview: CheckedPreview) -> str:
    """What the backup holds, in a few plain lines (counts in the locale's digits, %Ln)."""
    made = BackupWords.tr("It was made on {when}.").format(when=moment_words(preview.created_at))
    if preview.app_version:
        made = BackupWords.tr("It was made on {when} by Recovery Desktop {version}.").format(
            when=moment_words(preview.created_at), version=preview.app_version
        )
    n = preview.entries
    if n == 1:  # English words the two apart; a translation has plural forms for each
        entries = BackupWords.tr("%Ln journal entry", None, n)
    else:
        entries = BackupWords.tr("%Ln journal entries", None, n)
    if preview.entries and preview.first_day is not None and preview.last_day is not None:
        if preview.first_day == preview.last_day:
            entries = BackupWords.tr("{entries}, on {day}").format(
                entries=entries, day=medium_date(preview.first_day)  # type: ignore[arg-type]
            )
        else:
            entries = BackupWords.tr("{entries}, from {first} to {last}").format(
                entries=entries,
                first=medium_date(preview.first_day),  # type: ignore[arg-type]
                last=medium_date(preview.last_day),  # type: ignore[arg-type]
            )
    n = preview.people
    if n == 1:
        people = BackupWords.tr("%Ln person", None, n)
    else:
        people = BackupWords.tr("%Ln people", None, n)
    goals = BackupWords.tr("%Ln goal(s)", None, preview.goals)
    lines = [made, BackupWords.tr("It holds {entries}; {people}; {goals}.").format(
        entries=entries, people=people, goals=goals
    )]  # fmt: skip
    if preview.upgrade_needed:
        lines.append(
            BackupWords.tr(
                "It comes from an earlier version of the app, so it is brought up to date when "
                "you next unlock (a copy is put aside first)."
            )
        )
    return "\n".join(lines)
