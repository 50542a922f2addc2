# SPDX-License-Identifier: GPL-3.0-or-later
"""What the goal editor and the promise editor share about saving: typing is stored a moment
after it stops (and at once by `flush()`), and what the vault refuses stays on screen with the
reason beside it, so nothing typed is lost.

The two editors hold different things (a goal; one promise of a goal), so each keeps its own
fields, `dirty()` and `save()`; only the timer, the refusal and its error line live here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from recovery_desktop.storage.goals import GoalRepository
from recovery_desktop.ui.goals.attempt import attempt
from recovery_desktop.ui.today.card import error_label

AUTOSAVE_MS = 1500

T = TypeVar("T")


class AutosavingEditor(QWidget):
    """The base of an editor that writes through a `GoalRepository` as the person types.

    Subclasses lay out their fields, add `self.error` (the refusal's line, hidden) where it
    belongs, and define `dirty()` and `save()`; `save()` writes through `_store()`. While
    `_loading` is True, edits made by the program do not start the timer.
    """

    def __init__(
        self,
        goals: GoalRepository,
        parent: QWidget | None,
        *,
        name: str,
        error_name: str,
        today: Callable[[], date],
        autosave_ms: int,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._goals = goals
        self._today = today
        self._loading = False
        self.refused: str | None = None
        """The vault's reason for refusing the last save, in plain words (None: stored)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self._autosave)
        self.error: QLabel = error_label(error_name, self)

    def dirty(self) -> bool:
        """True when the fields hold something the vault has not got yet."""
        raise NotImplementedError

    def save(self) -> bool:
        """Store what is shown. True when nothing is left unsaved."""
        raise NotImplementedError

    def has_unsaved_changes(self) -> bool:
        """The vault refused what is shown, and it is still there to keep."""
        return self.refused is not None and self.dirty()

    def flush(self) -> None:
        """Save now what the timer would have saved later."""
        if self.dirty():
            self.save()

    def _store(self, write: Callable[[], T]) -> T | None:
        """Run `write`; on refusal keep the reason and show it (None), else clear it."""
        saved, problem = attempt(write)
        if saved is None:
            self.refused = problem
            self.error.setText(problem or "")
            self.error.setVisible(True)
            return None
        self._forget_refusal()
        return saved

    def _forget_refusal(self) -> None:
        self.refused = None
        self.error.setVisible(False)

    def _autosave(self) -> None:
        self.save()

    def _typed(self, *_: object) -> None:
        if not self._loading:
            self._timer.start()
