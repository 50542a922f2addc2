# SPDX-License-Identifier: GPL-3.0-or-later
"""Plain sentences about the key copies the app manages, after a secret or the key changed.

Every copy the app made follows a new passphrase or recovery code, wherever its folder: the
vault's `backups/`, the folder chosen for backups and every other folder the app put a backup in
(see `storage/key_copies.py` and `storage/backup_places.py`); copies the person moved or copied
elsewhere keep the secrets of their day. The screens say both, and name the folders, so "your
old passphrase stops working" is never more than the truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from recovery_desktop.storage.key_copies import BackupCopy, CopiesReport
from recovery_desktop.storage.rekey import RekeyReport
from recovery_desktop.ui.words import QtWords

PASSPHRASE, RECOVERY_CODE, KEY = "passphrase", "recovery code", "key"


class KeyWords(QtWords):
    """What the screens that change a passphrase, a recovery code or the vault's key say."""


def _pick(n: int, one: str, many: str) -> str:
    """`one` (the sentence about a single copy) when `n` is 1, else `many` (translated with
    `%n` and the count, so that a language gets its plural forms: "21" may take the form
    of "1")."""
    return one if n == 1 else many


def _names(copies: Sequence[BackupCopy]) -> str:
    return ", ".join(copy.folder.name if copy.folder else copy.db.name for copy in copies)


def folders_of(copies: Sequence[BackupCopy]) -> list[Path]:
    """The folders the copies are in, in the order first met (a backup folder's own folder)."""
    found: list[Path] = []
    for copy in copies:
        place = copy.folder.parent if copy.folder is not None else copy.db.parent
        if place not in found:
            found.append(place)
    return found


def _folders(copies: Sequence[BackupCopy]) -> str:
    return ", ".join(str(folder) for folder in folders_of(copies))


def moved_elsewhere_note(secret: str) -> str:
    """The one sentence about copies the app does not look after."""
    if secret == PASSPHRASE:
        return KeyWords.tr(
            "Copies of your vault that you moved or copied elsewhere yourself (away from where "
            "the app put them) keep the passphrase of the day they were made."
        )
    if secret == RECOVERY_CODE:
        return KeyWords.tr(
            "Copies of your vault that you moved or copied elsewhere yourself (away from where "
            "the app put them) keep the recovery code of the day they were made."
        )
    return KeyWords.tr(
        "Copies of your vault that you moved or copied elsewhere yourself (away from where the "
        "app put them) keep the key, passphrase and recovery code of the day they were made."
    )


def secret_changed_text(report: CopiesReport, secret: str) -> str:
    """After a new passphrase or recovery code: what now opens what, copy by copy."""
    n_updated, n_other, n_failed = len(report.updated), len(report.other_key), len(report.failed)
    if secret == PASSPHRASE:
        lines = [KeyWords.tr("Your old passphrase no longer opens your vault.")]
        if n_updated:
            lines.append(
                _pick(
                    n_updated,
                    KeyWords.tr(
                        "The backup the app made ({folders}) follows the change: it now opens only "
                        "with the new passphrase too."
                    ),
                    KeyWords.tr(
                        "The %n backups the app made ({folders}) follow the change: they now open "
                        "only with the new passphrase too.",
                        None,
                        n_updated,
                    ),
                ).format(folders=_folders(report.updated))
            )
        failed = _pick(
            n_failed,
            KeyWords.tr(
                "One backup could not be updated ({reason}): {names}. It still opens with your "
                "old passphrase. Free some space or check the folder, then change the passphrase "
                "again, or delete it from {folder}."
            ),
            KeyWords.tr(
                "%n backups could not be updated ({reason}): {names}. They still open with your "
                "old passphrase. Free some space or check the folder, then change the passphrase "
                "again, or delete them from {folder}.",
                None,
                n_failed,
            ),
        )
    else:
        lines = [KeyWords.tr("Your old recovery code no longer opens your vault.")]
        if n_updated:
            lines.append(
                _pick(
                    n_updated,
                    KeyWords.tr(
                        "The backup the app made ({folders}) follows the change: it now opens only "
                        "with the new recovery code too."
                    ),
                    KeyWords.tr(
                        "The %n backups the app made ({folders}) follow the change: they now open "
                        "only with the new recovery code too.",
                        None,
                        n_updated,
                    ),
                ).format(folders=_folders(report.updated))
            )
        failed = _pick(
            n_failed,
            KeyWords.tr(
                "One backup could not be updated ({reason}): {names}. It still opens with your "
                "old recovery code. Free some space or check the folder, then make a new code "
                "again, or delete it from {folder}."
            ),
            KeyWords.tr(
                "%n backups could not be updated ({reason}): {names}. They still open with your "
                "old recovery code. Free some space or check the folder, then make a new code "
                "again, or delete them from {folder}.",
                None,
                n_failed,
            ),
        )
    if n_other:
        lines.append(
            _pick(
                n_other,
                KeyWords.tr(
                    "One older backup was made before the vault's key changed and kept under that "
                    "key: it still opens with the passphrase and recovery code of its day ({names})."
                ),
                KeyWords.tr(
                    "%n older backups were made before the vault's key changed and kept under that "
                    "key: they still open with the passphrase and recovery code of their day "
                    "({names}).",
                    None,
                    n_other,
                ),
            ).format(names=_names(report.other_key))
        )
    if n_failed:
        copies = [copy for copy, _ in report.failed]
        lines.append(
            failed.format(
                reason="; ".join(sorted({reason for _, reason in report.failed})),
                names=_names(copies),
                folder=_folders(copies),
            )
        )
    lines.append(moved_elsewhere_note(secret))
    return "\n\n".join(lines)


def key_changed_text(report: RekeyReport) -> str:
    """After a change of the vault's key: the old secrets, and each old backup's fate, with
    the folders they are in."""
    lines = [
        KeyWords.tr(
            "Your vault now has a new key, and your journal was re-encrypted with it. Your old "
            "passphrase and recovery code no longer open it; only the new ones do."
        )
    ]
    if report.reencrypted:
        lines.append(
            _pick(
                len(report.reencrypted),
                KeyWords.tr(
                    "The backup the app made ({folders}) was re-encrypted under the new key: it "
                    "opens with your new passphrase and recovery code."
                ),
                KeyWords.tr(
                    "The %n backups the app made ({folders}) were re-encrypted under the new key: "
                    "they open with your new passphrase and recovery code.",
                    None,
                    len(report.reencrypted),
                ),
            ).format(folders=_folders(report.reencrypted))
        )
    if report.deleted:
        lines.append(
            _pick(
                len(report.deleted),
                KeyWords.tr("The backup made under the old key was deleted, as you chose."),
                KeyWords.tr(
                    "The %n backups made under the old key were deleted, as you chose.",
                    None,
                    len(report.deleted),
                ),
            )
        )
    if report.kept:
        lines.append(
            _pick(
                len(report.kept),
                KeyWords.tr(
                    "The backup made under the old key was kept, as you chose: it still opens "
                    "with your OLD passphrase and recovery code ({names}). Delete it from {folder} "
                    "when you no longer need it."
                ),
                KeyWords.tr(
                    "The %n backups made under the old key were kept, as you chose: they still "
                    "open with your OLD passphrase and recovery code ({names}). Delete them from "
                    "{folder} when you no longer need them.",
                    None,
                    len(report.kept),
                ),
            ).format(names=_names(report.kept), folder=_folders(report.kept))
        )
    lines.append(moved_elsewhere_note(KEY))
    return "\n\n".join(lines)
