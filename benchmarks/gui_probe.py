# SPDX-License-Identifier: GPL-3.0-or-later
"""Child processes for the GUI benchmarks; each prints one number (milliseconds or MiB).

python -m benchmarks.gui_probe bare            # a bare PySide6 window shown (the floor)
python -m benchmarks.gui_probe start FOLDER    # `recovery-desktop --vault FOLDER` to its unlock window
python -m benchmarks.gui_probe today FOLDER PASSPHRASE    # unlock (after KDF) to Today shown
python -m benchmarks.gui_probe journal FOLDER PASSPHRASE  # timeline first page; worst scroll step
python -m benchmarks.gui_probe people FOLDER PASSPHRASE   # People shown; busiest person opened
python -m benchmarks.gui_probe insights FOLDER PASSPHRASE # first chart, all charts, stalls
"""

from __future__ import annotations

import os
import sys
import time

START = time.perf_counter()
# The parent's clock reading just before it started this process (the same monotonic clock on
# Linux), so "start-up" includes what a person waits for: the interpreter starting too.
SPAWNED = float(os.environ.get("RECOVERY_DESKTOP_BENCH_SPAWNED", START))
# The process's CPU time when its window was shown: steadier than wall time on a busy machine.
CPU_AT_SHOWN: list[float] = []
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _shown(widget) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    widget.show()
    QApplication.processEvents()


def bare() -> float:
    """A bare PySide6 window shown, from process start: the floor of every start-up."""
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    _shown(window)
    CPU_AT_SHOWN.append(time.process_time())
    del app
    return (time.perf_counter() - SPAWNED) * 1000


def start(folder: str) -> float:
    """`recovery-desktop --vault FOLDER` from process start to its unlock window shown: the
    command's own path (arguments, settings, theme, the controller, the window), stopped where
    the app would start waiting for the person."""
    from PySide6.QtWidgets import QApplication

    shown: list[float] = []

    def painted_then_stop(app: QApplication) -> int:
        QApplication.processEvents()
        shown.append(time.perf_counter())
        CPU_AT_SHOWN.append(time.process_time())
        return 0

    QApplication.exec = painted_then_stop  # type: ignore[method-assign]
    from recovery_desktop.cli import main

    main(["--vault", folder])
    return (shown[0] - SPAWNED) * 1000


_KEEP: list[object] = []


def _main_window(folder: str, passphrase: str):  # noqa: ANN202
    """The session as a person gets it: the app as `recovery-desktop` makes it, its controller
    and unlock window; then the vault, opened off the clock (the KDF is its own figure),
    handed over as the unlock window does when its worker is done. Timed from there to the
    main window shown with Today: the session's lock, idle watch, keys and hosts included.
    Automatic backups are off so that no backup of the big vault runs beside the timings."""
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from recovery_desktop.app import _make_application
    from recovery_desktop.storage import Vault
    from recovery_desktop.ui.app_settings import AppSettings
    from recovery_desktop.ui.controller import AppController
    from recovery_desktop.ui.theme import apply_theme

    app = _make_application()
    apply_theme(app)
    controller = AppController(Path(folder), app_settings=AppSettings(), automatic_backups=False)
    controller.start()
    QApplication.processEvents()
    vault = Vault.from_data_key(Path(folder), Vault.derive_key(Path(folder), passphrase))
    started = time.perf_counter()
    controller.unlock_window.unlocked.emit(vault)
    window = controller.main_window
    QApplication.processEvents()
    _KEEP.append(controller)  # alive as long as the probe runs
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


class _Stalls:
    """The longest wait of a 5 ms timer on the GUI thread: how long the window stood still."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self._last) * 1000)
        self._last = now

    def reset(self) -> None:
        self.worst, self._last = 0.0, time.perf_counter()


def insights(folder: str, passphrase: str) -> str:
    """Insights opened: first chart on screen, all charts, the longest stall meanwhile; then
    "All" chosen: all charts again, and the longest stall."""
    from PySide6.QtCore import QEventLoop

    app, window, _ = _main_window(folder, passphrase)
    stalls = _Stalls()
    drawn: list[float] = []

    def wait_drawn(count: int) -> None:
        while len(drawn) < count:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    started = time.perf_counter()
    page = window.show_page("insights")
    page.charts_drawn.connect(lambda: drawn.append(time.perf_counter()))
    first = None
    while len(drawn) < 1:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        mood = page.cards.get("mood")
        if first is None and mood is not None and mood.canvas is not None:
            first = (time.perf_counter() - started) * 1000
    opened = (drawn[0] - started) * 1000
    open_stall = stalls.worst
    stalls.reset()
    started = time.perf_counter()
    page.picker.choose(3)  # All
    wait_drawn(2)
    return f"{first:.3f} {opened:.3f} {open_stall:.3f} {(drawn[1] - started) * 1000:.3f} {stalls.worst:.3f} {page.current.period.days}"


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    probes = {
        "bare": bare,
        "start": start,
        "today": today,
        "journal": journal,
        "people": people,
        "insights": insights,
    }
    result = probes[kind](*args)
    print(result if isinstance(result, str) else f"{result:.3f}")
    if CPU_AT_SHOWN and os.environ.get("RECOVERY_DESKTOP_BENCH_CPU"):
        print(f"cpu {CPU_AT_SHOWN[0] * 1000:.3f}")
