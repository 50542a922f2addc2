# SPDX-License-Identifier: GPL-3.0-or-later
"""The words of backups, in one place: when one was made (the locale's date and time), its kind,
its size, and which passphrase opens it. Translated in the context "BackupWords" (ui/words.py).

Kinds in the person's words: "Daily" and "Weekly" for the automatic ones (which of the two the
rotation keeps it as: the newest of each of the last 7 days with a backup are daily, the older
ones kept for their week are weekly), "By hand", "Before a restore", "Before an upgrade".
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from PySide6.QtCore import QLocale, QTime

from recovery_desktop.storage.backup_format import BackupKind
from recovery_desktop.ui.goals.words import medium_date
from recovery_desktop.ui.words import QtWords


class BackupWords(QtWords):
    """The words of backups, in the Back up and restore section and the restore screens."""


class OpensWith(Enum):
    """Which secrets open a backup, as far as the app can tell without asking for them."""

    TODAY = "today"  # its key file is the vault's: today's passphrase and recovery code
    EARLIER = "earlier"  # the vault's key, an older key file (it could not be updated)
    ITS_DAY = "its_day"  # made under the vault's earlier key, kept through a key change
    UNKNOWN = "unknown"


def moment_words(moment: datetime | None) -> str:
    """ "Nov 25, 2026 at 10:15 AM" in the locale's order and local time; "a day it does not
    say" when the backup does not say."""
    if moment is None:
        return BackupWords.tr("a day it does not say")
    local = moment.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return BackupWords.tr("{day} at {time}").format(day=medium_date(local.date()), time=time)


def kind_words(kind: BackupKind, *, weekly: bool = False) -> str:
    if kind is BackupKind.AUTOMATIC:
        return BackupWords.tr("Weekly") if weekly else BackupWords.tr("Daily")
    return {
        BackupKind.MANUAL: BackupWords.tr("By hand"),
        BackupKind.BEFORE_RESTORE: BackupWords.tr("Before a restore"),
        BackupKind.BEFORE_UPGRADE: BackupWords.tr("Before an upgrade"),
    }[kind]


def kind_phrase(kind: BackupKind, *, weekly: bool = False) -> str:
    """The kind in a sentence about one backup."""
    if kind is BackupKind.AUTOMATIC:
        return (
            BackupWords.tr("made automatically, kept as a weekly backup")
            if weekly
            else BackupWords.tr("made automatically, kept as a daily backup")
        )
    return {
        BackupKind.MANUAL: BackupWords.tr("made by hand"),
        BackupKind.BEFORE_RESTORE: BackupWords.tr("the vault as it was before a restore"),
        BackupKind.BEFORE_UPGRADE: BackupWords.tr("the vault as it was before an upgrade"),
    }[kind]


def size_words(size_bytes: int) -> str:
    """ "1.2 MB" (as file managers count: 1024 bytes to a KB)."""
    return QLocale().formattedDataSize(
        max(0, size_bytes), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def opens_words(opens: OpensWith) -> str:
    return {
        OpensWith.TODAY: BackupWords.tr("Today's passphrase"),
        OpensWith.EARLIER: BackupWords.tr("An earlier passphrase"),
        OpensWith.ITS_DAY: BackupWords.tr("The passphrase of its day"),
        OpensWith.UNKNOWN: BackupWords.tr("Unknown"),
    }[opens]


def opens_explained(opens: OpensWith) -> str:
    """One sentence for the selected backup."""
    return {
        OpensWith.TODAY: BackupWords.tr(
            "It opens with today's passphrase and recovery code: it follows when you change them."
        ),
        OpensWith.EARLIER: BackupWords.tr(
            "Its key could not be updated when your passphrase last changed, so it opens with "
            "the passphrase and recovery code you had before."
        ),
        OpensWith.ITS_DAY: BackupWords.tr(
            "It was made before the vault's key changed and kept as you chose: it opens with "
            "the passphrase and recovery code you had when it was made."
        ),
        OpensWith.UNKNOWN: BackupWords.tr("The app could not tell which passphrase opens it."),
    }[opens]
