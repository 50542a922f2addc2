# SPDX-License-Identifier: GPL-3.0-or-later
"""A whole desktop session opens no socket and leaves no plain text on disk.

Any socket Python makes or uses fails the test on the spot (an audit hook, `tests/socket_watch`);
sockets are also counted in the process's open files, so one made by Qt's C++ code, which no
Python hook sees, would show up too. HOME and the XDG folders point into the test's temp folder
and are scanned for the phrase with the vault and the temp folder.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import pytest

from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE
from tests.integration.test_privacy import files_containing, private_home
from tests.socket_watch import no_sockets
from tests.ui.conftest import unlock_with

PHRASE = "Porcupine saxophone tuesday"


def open_sockets() -> int:
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return count


def test_a_desktop_session_stays_offline_and_private(
    qtbot, make_controller, vault_and_code, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    around = private_home(tmp_path, monkeypatch)
    vault, _ = vault_and_code
    folder = vault.folder
    vault.close()
    sockets_before = open_sockets()

    with no_sockets():
        controller = make_controller(folder)
        controller.start()
        main = unlock_with(qtbot, controller, PASSPHRASE)
        for page in (
            "today",
            "journal",
            "people",
            "goals",
            "insights",
            "safety plan",
            "export & backup",
        ):
            main.sidebar.setCurrentRow(
                next(
                    i
                    for i in range(main.sidebar.count())
                    if main.sidebar.item(i).text().lower() == page
                )
            )
        journal = main.pages["journal"]
        journal.new_entry()
        body = journal.editor.body
        body.setFocus()
        qtbot.keyClicks(body, PHRASE)
        journal.save_now()
        main.show_help_now()
        controller.lock()  # as the idle timer does, with the Help now dialog still open
        qtbot.waitUntil(lambda: controller.main_window is None, timeout=5000)

    assert open_sockets() == sockets_before
    assert "PySide6.QtNetwork" not in sys.modules
    assert files_containing([folder, *around], PHRASE) == []
    # The scan saw the app's own files there, not an empty folder: the settings it keeps.
    assert any(p.is_file() for p in (tmp_path / "home").rglob("*"))
    with Vault.open(folder, PASSPHRASE) as reopened:  # it was written, encrypted
        assert [e.preview for e in reopened.entries.search("saxophone")] == [PHRASE]
