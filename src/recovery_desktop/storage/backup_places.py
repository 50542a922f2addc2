# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a vault's backups go, and every folder the app has put one in (issue 9, point 3).

Kept in `backup-places.json` in the vault folder (0600, written atomically):

    {"format": 1, "vault_id": "<32 hex digits>", "folder": "/path" or null,
     "made_in": ["/path", ...]}

- `folder`: where "Back up now" and the automatic backups go; null means the vault's own
  `backups/` (the default: inside the vault folder, so the folder's own safety rules cover it).
- `made_in`: every other folder the app has written a backup into (an earlier choice, or
  `backup --out` on the command line). Backups the app makes follow every change of the
  passphrase or recovery code "wherever their folder" (issue 9): so the app remembers where
  they are, and re-wraps those that are still there. Copies the person moves or copies
  elsewhere keep the secrets of their day.
- `vault_id`: a random name for this vault folder, written into each backup's manifest, so a
  folder shared by two vaults' backups (or holding anything else) is never taken for ours.

Why a file beside the database and not a setting inside it: it must survive a restore (which
replaces the database with an older one that knows other folders, or none), and a key change
and a crash-recovery read it without decrypting the database. It holds folder names only, of
the same kind as the vault's own path that the app keeps in its plain settings; nothing the
person wrote. No Qt.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from recovery_desktop.storage.atomic import make_private_dir, write_atomically
from recovery_desktop.storage.backup_format import is_vault_id, read_small_file
from recovery_desktop.storage.errors import VaultDamagedError, VaultError
from recovery_desktop.storage.key_copies import CopyPlaces
from recovery_desktop.storage.layout import BACKUPS_NAME

log = logging.getLogger(__name__)

PLACES_NAME = "backup-places.json"
PLACES_FORMAT = 1
MAX_PLACES_BYTES = 64 * 1024
MAX_PLACES = 200
MAX_PATH_CHARS = 4096


@dataclass(frozen=True)
class BackupPlaces:
    vault_id: str | None = None
    folder: Path | None = None  # None: the vault's own backups/
    made_in: tuple[Path, ...] = field(default=())

    def to_json(self) -> bytes:
        data = {
            "format": PLACES_FORMAT,
            "vault_id": self.vault_id,
            "folder": None if self.folder is None else str(self.folder),
            "made_in": [str(p) for p in self.made_in],
        }
        return json.dumps(data, indent=2).encode() + b"\n"


def _damaged(vault_folder: Path) -> VaultDamagedError:
    return VaultDamagedError(
        f"The list of backup folders ({PLACES_NAME} in {vault_folder}) is damaged, so the "
        "backup settings cannot be changed safely. Nothing was changed. Moving that file away "
        "lets the app start the list afresh (backups in folders it named then keep the "
        "passphrase of their day)."
    )


def load_places(vault_folder: Path) -> BackupPlaces:
    """The vault's backup places; a missing file means the defaults. `VaultDamagedError` when
    the file is not what the app wrote (it is read as untrusted, as `vault.keys` is)."""
    path = Path(vault_folder) / PLACES_NAME
    try:
        raw = read_small_file(path, MAX_PLACES_BYTES)
    except FileNotFoundError:
        return BackupPlaces()
    except OSError as error:
        raise _damaged(Path(vault_folder)) from error
    try:
        if len(raw) > MAX_PLACES_BYTES:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or set(data) != {"format", "vault_id", "folder", "made_in"}:
            raise ValueError("unexpected fields")
        if data["format"] != PLACES_FORMAT or type(data["format"]) is not int:
            raise ValueError("unknown format")
        vault_id = data["vault_id"]
        if vault_id is not None and not is_vault_id(vault_id):
            raise ValueError("bad vault id")
        chosen = None if data["folder"] is None else _path(data["folder"])
        made_in = data["made_in"]
        if not isinstance(made_in, list) or len(made_in) > MAX_PLACES:
            raise ValueError("bad list")
        return BackupPlaces(vault_id, chosen, tuple(_path(p) for p in made_in))
    except (ValueError, TypeError, RecursionError) as error:
        raise _damaged(Path(vault_folder)) from error


def _path(value: object) -> Path:
    if not isinstance(value, str) or not value or len(value) > MAX_PATH_CHARS or "\0" in value:
        raise ValueError("bad path")
    path = Path(value)
    if not path.is_absolute():
        raise ValueError("relative path")
    return path


def save_places(vault_folder: Path, places: BackupPlaces) -> None:
    write_atomically(Path(vault_folder) / PLACES_NAME, places.to_json())


def own_backups(vault_folder: Path) -> Path:
    return Path(vault_folder) / BACKUPS_NAME


def backup_folder(vault_folder: Path) -> Path:
    """Where the next "Back up now" and automatic backup go."""
    chosen = load_places(vault_folder).folder
    return chosen if chosen is not None else own_backups(vault_folder)


def ensure_vault_id(vault_folder: Path) -> BackupPlaces:
    """The places, with a vault id (made and saved the first time one is needed)."""
    places = load_places(vault_folder)
    if places.vault_id is None:
        places = replace(places, vault_id=secrets.token_hex(16))
        save_places(vault_folder, places)
    return places


def record_place(vault_folder: Path, place: Path) -> BackupPlaces:
    """Remember that a backup is being written into `place` (before it is written, so a backup
    that exists is always one the app re-wraps)."""
    places = ensure_vault_id(vault_folder)
    place = _normal(place)
    if _same_folder(place, own_backups(vault_folder)) or place in places.made_in:
        return places
    places = replace(places, made_in=(*places.made_in, place)[-MAX_PLACES:])
    save_places(vault_folder, places)
    return places


def copy_places(vault_folder: Path) -> CopyPlaces:
    """Where this vault's key copies are, for `key_copies` (a damaged list: the own folder
    only, and the reason logged)."""
    own = own_backups(vault_folder)
    try:
        places = load_places(vault_folder)
    except VaultDamagedError:
        log.warning("The list of backup folders is damaged; only backups/ is looked after")
        return CopyPlaces(own)
    elsewhere: list[Path] = []
    for place in (places.folder, *places.made_in):
        if place is not None and place not in elsewhere and not _same_folder(place, own):
            elsewhere.append(place)
    return CopyPlaces(own, tuple(elsewhere), places.vault_id)


# --- choosing a folder -----------------------------------------------------------------------


def set_backup_folder(vault_folder: Path, folder: Path | None) -> Path:
    """Make `folder` the place for new backups (None: back to the vault's own `backups/`).

    The folder is made (0700) when missing. Refused in plain words (`VaultError`, nothing
    changed): a link, a file, another account's folder, one others can write to, and the vault
    folder itself. Backups already made elsewhere stay where they are, and stay looked after.
    Returns the folder now in use.
    """
    vault_folder = Path(vault_folder)
    places = ensure_vault_id(vault_folder)
    if folder is None or _same_folder(_normal(folder), own_backups(vault_folder)):
        if places.folder is not None:
            save_places(vault_folder, replace(places, folder=None))
        return own_backups(vault_folder)
    place = prepare_place(folder, vault_folder=vault_folder)
    made_in = places.made_in
    if places.folder is not None and places.folder not in made_in:
        made_in = (*made_in, places.folder)  # its backups stay looked after
    save_places(vault_folder, replace(places, folder=place, made_in=made_in[-MAX_PLACES:]))
    return place


def prepare_place(folder: Path, *, vault_folder: Path | None = None) -> Path:
    """Check (and make, 0700, when missing) a folder to write backups into; its normal path."""
    place = _normal(folder)
    if place.is_symlink():
        raise _unsafe(place, "is a link to somewhere else, and the app never writes through links")
    if vault_folder is not None and _same_folder(place, Path(vault_folder)):
        raise VaultError(
            f"{place} is the vault's own folder. Please choose another folder for backups (or "
            f"the vault's backups folder, {own_backups(vault_folder)}). Nothing was changed."
        )
    if vault_folder is not None and _inside_vault_files(place, Path(vault_folder)):
        raise VaultError(
            f"{place} is inside the vault folder. Please choose a folder outside it, or the "
            "vault's own backups folder. Nothing was changed."
        )
    if not place.exists():
        try:
            make_private_dir(place)
        except OSError as error:
            raise VaultError(
                f"The folder {place} could not be made ({error.strerror or error}). Nothing "
                "was changed; please choose another folder."
            ) from error
    if not place.is_dir():
        raise VaultError(f"{place} is a file, not a folder. Nothing was changed.")
    info = place.stat()
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise _unsafe(place, "belongs to another user account")
    if hasattr(os, "geteuid") and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise _unsafe(
            place,
            "can be changed by other people on this computer. To make it yours alone, run "
            f"chmod 700 '{place}' and try again",
        )
    return place


def _unsafe(place: Path, why: str) -> VaultError:
    from recovery_desktop.storage.folder import UnsafeFolderError

    return UnsafeFolderError(
        f"The folder {place} {why}, so it is not safe to keep backups there. Nothing was "
        "changed."
    )


def _normal(path: Path) -> Path:
    return Path(os.path.normpath(Path(path).expanduser().absolute()))


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return _normal(a) == _normal(b)


def _inside_vault_files(place: Path, vault_folder: Path) -> bool:
    """True for a folder under the vault folder other than its backups/ (where a restore or a
    sweep of the vault's own files could meet it)."""
    try:
        relative = place.resolve().relative_to(vault_folder.resolve())
    except ValueError:
        return False
    return relative.parts[:1] != (BACKUPS_NAME,)
