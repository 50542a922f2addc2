# SPDX-License-Identifier: GPL-3.0-or-later
"""Child processes for the GUI benchmarks; each prints one number (milliseconds or MiB).

python -m benchmarks.gui_probe bare            # a bare PySide6 window shown (the floor)
python -m benchmarks.gui_probe unlock FOLDER   # start-up to our unlock window shown
python -m benchmarks.gui_probe today FOLDER PASSPHRASE    # unlock (after KDF) to Today shown
python -m benchmarks.gui_probe journal FOLDER PASSPHRASE  # timeline first page; worst scroll step
python -m benchmarks.gui_probe people FOLDER PASSPHRASE   # People shown; busiest person opened
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _shown(widget) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    widget.show()
    QApplication.processEvents()


def bare() -> float:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    _shown(window)
    del app
    return (time.perf_counter() - START) * 1000


def unlock(folder: str) -> float:
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from recovery_desktop.ui.theme import apply_theme
    from recovery_desktop.ui.unlock.unlock_window import UnlockWindow

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    _shown(UnlockWindow(Path(folder)))
    return (time.perf_counter() - START) * 1000


def _main_window(folder: str, passphrase: str):  # noqa: ANN202
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    key = Vault.derive_key(Path(folder), passphrase)
    started = time.perf_counter()
    from recovery_desktop.ui.main_window import MainWindow

    window = MainWindow(Vault.from_data_key(Path(folder), key))
    _shown(window)
    return app, window, (time.perf_counter() - started) * 1000


def today(folder: str, passphrase: str) -> float:
    _app, _window, elapsed = _main_window(folder, passphrase)
    return elapsed


def journal(folder: str, passphrase: str) -> str:
    from PySide6.QtWidgets import QApplication

    _app, window, _ = _main_window(folder, passphrase)
    started = time.perf_counter()
    window.show_page("journal")
    QApplication.processEvents()
    first_page = (time.perf_counter() - started) * 1000
    view = window.pages["journal"].timeline
    bar = view.verticalScrollBar()
    worst = 0.0
    for _ in range(200):  # page down 200 times, fetching more as a person scrolling would
        step = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        QApplication.processEvents()
        worst = max(worst, (time.perf_counter() - step) * 1000)
    return f"{first_page:.3f} {worst:.3f} {view.model().rowCount()}"


def people(folder: str, passphrase: str) -> str:
    """The People page shown, then the busiest person opened (figures, the first page of
    their history and the entries that mention them, painted), then their history scrolled."""
    from PySide6.QtWidgets import QApplication

    _app, window, _ = _main_window(folder, passphrase)
    started = time.perf_counter()
    page = window.show_page("people")
    QApplication.processEvents()
    page_ms = (time.perf_counter() - started) * 1000
    contact_id, count = window.vault.connection.execute(
        "SELECT contact_id, count(*) AS n FROM connection WHERE contact_id IS NOT NULL "
        "GROUP BY contact_id ORDER BY n DESC LIMIT 1"
    ).fetchone()
    started = time.perf_counter()
    page.open_contact(contact_id)
    QApplication.processEvents()
    person_ms = (time.perf_counter() - started) * 1000
    bar = page.details.history.view.verticalScrollBar()
    worst = 0.0
    for _ in range(100):
        step = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        QApplication.processEvents()
        worst = max(worst, (time.perf_counter() - step) * 1000)
    return f"{page_ms:.3f} {person_ms:.3f} {worst:.3f} {count}"


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    probes = {"bare": bare, "unlock": unlock, "today": today, "journal": journal, "people": people}
    result = probes[kind](*args)
    print(result if isinstance(result, str) else f"{result:.3f}")
