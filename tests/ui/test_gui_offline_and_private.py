# SPDX-License-Identifier: GPL-3.0-or-later
"""A whole desktop session opens no socket and leaves no plain text on disk.

Any socket Python makes or uses fails the test on the spot (an audit hook, `tests/socket_watch`);
sockets are also counted in the process's open files, so one made by Qt's C++ code, which no
Python hook sees, would show up too if it stayed open; and the system's print service (libcups,
which Qt asks from C as soon as a printer is made) is pointed at a socket of the test's own that
counts every question. HOME and the XDG folders point into the test's temp folder and are
scanned for the phrase with the vault and the temp folder.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog

from recovery_desktop.core.models import Entry, Visibility
from recovery_desktop.storage import Vault
from tests.conftest import PASSPHRASE
from tests.integration.test_privacy import files_containing, private_home
from tests.report_helpers import squeezed
from tests.socket_watch import no_sockets, print_service_watch
from tests.ui.conftest import unlock_with

PHRASE = "Porcupine saxophone tuesday"


def open_sockets() -> int:
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    return count


def go_to(main, page: str) -> None:
    main.sidebar.setCurrentRow(
        next(i for i in range(main.sidebar.count()) if main.sidebar.item(i).text().lower() == page)
    )


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
            go_to(main, page)
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


SHARED = "Marmalade tuba on a wednesday"


def test_the_counselor_report_previews_and_saves_without_asking_anyone(
    qtbot, make_controller, vault_and_code, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Opening the report from Export & backup, looking at its pages, changing a choice and
    saving the PDF ask no printer and open no socket: only Print… may ask the print service."""
    around = private_home(tmp_path, monkeypatch)
    vault, _ = vault_and_code
    vault.entries.save(
        Entry(entry_date=date.today(), body=f"{SHARED}.", visibility=Visibility.SHARED)
    )
    folder = vault.folder
    vault.close()
    saved = tmp_path / "for my counselor.pdf"  # chosen on purpose: outside the scanned folders
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(saved), "PDF files (*.pdf)")
    )

    with print_service_watch() as print_service:
        sockets_before = open_sockets()
        with no_sockets():
            controller = make_controller(folder)
            controller.start()
            main = unlock_with(qtbot, controller, PASSPHRASE)
            go_to(main, "export & backup")
            section = main.pages["export"].sections["report"]
            qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
            dialog = section.dialog
            qtbot.waitUntil(lambda: dialog.pages.text().startswith("Page 1 of"), timeout=30_000)
            first = dialog.pages.text()
            box = dialog.form.safety_plan  # a choice changed: the pages are made again
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
            qtbot.waitUntil(
                lambda: (
                    dialog._prepared is not None
                    and dialog._prepared.content.safety_plan is not None
                    and not dialog.busy
                ),
                timeout=30_000,
            )
            assert dialog.pages.text() != first  # the plan's page
            qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.saved_to == saved, timeout=30_000)
            dialog.close()
            assert QThreadPool.globalInstance().waitForDone(30_000)
            controller.lock()
            qtbot.waitUntil(lambda: controller.main_window is None, timeout=5000)
        sockets_after = open_sockets()

    assert print_service.asked == 0, "the print service was asked without Print… being clicked"
    assert sockets_after == sockets_before
    assert "PySide6.QtNetwork" not in sys.modules
    words = squeezed(" ".join(page.extract_text() for page in pypdf.PdfReader(saved).pages))
    assert squeezed(SHARED) in words
    assert files_containing([folder, *around], SHARED) == []
