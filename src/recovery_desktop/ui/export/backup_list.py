# SPDX-License-Identifier: GPL-3.0-or-later
"""The list of backups on the Export & backup page: what `vault.list_backups()` finds, read on
a worker (it opens one page of each backup's database, and a backup folder may be on a slow
drive), and a thin table model over it.

Each row says when the backup was made (the locale's date and time), its kind, its size and
which passphrase opens it: the vault's own key file in it means today's passphrase and
recovery code; the vault's key with another key file, an earlier passphrase (an update that
failed); another key, the passphrase of its day (kept through a key change).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from recovery_desktop.storage.backup_format import BACKUP_KEYS_NAME, BackupKind
from recovery_desktop.storage.key_copies import BACKUP_KEYS_SUFFIX
from recovery_desktop.ui.export.backup_words import (
    BackupWords,
    OpensWith,
    kind_phrase,
    kind_words,
    moment_words,
    opens_explained,
    opens_words,
    size_words,
)

if TYPE_CHECKING:
    from recovery_desktop.storage import Vault
    from recovery_desktop.storage.backup import BackupInfo

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class BackupRow:
    info: BackupInfo
    opens: OpensWith
    weekly: bool = False  # an automatic backup the rotation keeps for its week

    @property
    def path(self) -> Path:
        return self.info.path

    @property
    def kind_text(self) -> str:
        return kind_words(self.info.kind, weekly=self.weekly)

    @property
    def when_text(self) -> str:
        return moment_words(self.info.created_at)

    def description(self) -> str:
        """The selected backup, in a sentence or two (also the row's accessible text)."""
        return BackupWords.tr("{when}: {kind}, {size}, in {folder}. {opens}").format(
            kind=kind_phrase(self.info.kind, weekly=self.weekly),
            when=self.when_text,
            size=size_words(self.info.size_bytes),
            folder=self.path.parent,
            opens=opens_explained(self.opens),
        )


def read_backups(vault: Vault) -> list[BackupRow]:
    """On a worker: every backup the app looks after, newest first, with which passphrase opens
    each. Uses the vault's folder and key, never its connection."""
    from recovery_desktop.core.backup_rotation import DAILY, backups_to_keep
    from recovery_desktop.storage.layout import KEYS_NAME

    infos = vault.list_backups()
    try:
        today_keys: bytes | None = (vault.folder / KEYS_NAME).read_bytes()
    except OSError:
        today_keys = None
    automatic = [i for i, info in enumerate(infos) if info.kind is BackupKind.AUTOMATIC]
    times = [infos[i].created_at for i in automatic]
    daily: set[int] = set()
    if all(t is not None for t in times):
        kept = backups_to_keep([t.astimezone() for t in times], DAILY, 0)  # type: ignore[union-attr]
        daily = {automatic[k] for k in kept}
    else:
        daily = set(automatic)
    return [
        BackupRow(info, _opens(info, today_keys), i in automatic and i not in daily)
        for i, info in enumerate(infos)
    ]


def _opens(info: BackupInfo, today_keys: bytes | None) -> OpensWith:
    if info.under_current_key is False:
        return OpensWith.ITS_DAY
    if info.under_current_key is None or today_keys is None:
        return OpensWith.UNKNOWN
    keys = (
        info.path.with_suffix(BACKUP_KEYS_SUFFIX)
        if info.kind is BackupKind.BEFORE_UPGRADE
        else info.path / BACKUP_KEYS_NAME
    )
    with contextlib.suppress(OSError):
        return OpensWith.TODAY if keys.read_bytes() == today_keys else OpensWith.EARLIER
    return OpensWith.UNKNOWN


class BackupTableModel(QAbstractTableModel):
    """Read-only rows: Made, Kind, Size, Opens with. `set_rows` replaces them."""

    MADE, KIND, SIZE, OPENS = range(4)

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - a QObject
        super().__init__(parent)
        self.rows: list[BackupRow] = []
        self._headers = (
            BackupWords.tr("Made"),
            BackupWords.tr("Kind"),
            BackupWords.tr("Size"),
            BackupWords.tr("Opens with"),
        )

    def set_rows(self, rows: list[BackupRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.MADE: row.when_text,
                self.KIND: row.kind_text,
                self.SIZE: size_words(row.info.size_bytes),
                self.OPENS: opens_words(row.opens),
            }[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row.path)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return row.description()
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
