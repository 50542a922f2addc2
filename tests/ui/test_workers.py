# SPDX-License-Identifier: GPL-3.0-or-later
"""run_in_background: work off the GUI thread, results, errors and progress back on it,
cancellation, and nothing delivered to a deleted parent."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThreadPool

from recovery_desktop.ui.workers import Task, run_in_background


def test_result_arrives_on_the_gui_thread(qtbot, qapp):
    gui = threading.get_ident()
    parent = QObject()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    handle = run_in_background(parent, work, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != gui and seen["callback"] == gui
    assert not handle.running


def test_errors_go_to_on_error(qtbot, qapp):
    parent = QObject()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("nope")

    run_in_background(parent, work, lambda _: pytest.fail("no result expected"), errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_progress_and_cancellation(qtbot, qapp):
    parent = QObject()
    progress: list[tuple[int, int]] = []
    started = threading.Event()
    release = threading.Event()
    results: list[object] = []

    def work(task: Task) -> str:
        task.report(1, 3)
        started.set()
        release.wait(5)
        for step in (2, 3):
            if task.cancelled():
                return "stopped"
            task.report(step, 3)
        return "done"

    release.set()
    run_in_background(parent, work, results.append, progress=lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: results == ["done"])
    assert progress == [(1, 3), (2, 3), (3, 3)]

    results.clear()
    started.clear()
    release.clear()
    handle = run_in_background(parent, work, results.append)
    qtbot.waitUntil(started.is_set)
    handle.cancel()
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert results == [] and handle.cancelled and not handle.running


def test_nothing_is_delivered_to_a_deleted_parent(qtbot, qapp):
    parent = QObject()
    release = threading.Event()
    results: list[object] = []
    run_in_background(parent, lambda: release.wait(5), results.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(parent))
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert results == []
