# SPDX-License-Identifier: GPL-3.0-or-later
"""Retake the screenshots in docs/screenshots/ from the small demo vault, on a real X screen.

    Xvfb :94 -screen 0 1600x1000x24 -nolisten tcp &
    for theme in light dark; do
        DISPLAY=:94 XDG_CONFIG_HOME=$(mktemp -d) .venv/bin/python tools/screenshots.py $theme
    done
    cd docs/screenshots    # then, on the new files: about a third of the size
    pngquant --quality=80-100 --skip-if-larger --force --ext .png NEW.png...
    optipng -quiet -o2 NEW.png...

The two report pages (report-page-1.png, report-page-2-day-by-day.png) are the PDF itself:
`recovery-desktop demo --vault DIR`, then `recovery-desktop report --vault DIR --from ...
--to ... --name "J. D." --talk-about FILE --out report.pdf` and `pdftoppm -r 100 -png`.

The app starts as `recovery-desktop --demo` does (the small demo vault, seed 7, passphrase
"demo", in a fresh temporary folder deleted afterwards), the passphrase is typed into the real
unlock window, and each window is captured by the X server (ImageMagick's `import -window`),
so a picture is what a person sees. Needs Xvfb and ImageMagick (Debian: xvfb imagemagick).
Insights has its own shots (insights-*.png) and is not taken here.

`--only NAME[,NAME]` retakes some of them (the names without the theme, as in SHOTS).
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
NORMAL = (1280, 800)
SMALL = (960, 600)
SETTLE_MS = 700  # after a change, before a capture: layouts, lazy loads and repaints finish

# What is taken, in this order (the last ones change the demo vault, so they come last).
SHOTS = (
    "setup-welcome",
    "setup-recovery-code",
    "unlock-demo",
    "today",
    "today-960x600",
    "counter-new-start",
    "counter-start-dates",
    "journal-entry",
    "journal-checkin",
    "journal-search",
    "journal-960x600",
    "people",
    "people-log",
    "goals",
    "safety-plan",
    "safety-plan-people",
    "help-now",
    "help-now-locked",
    "export-backup",
    "backup-restore-confirm",
    "report-dialog",
    "settings",
    "keys-change-passphrase",
    "keys-new-recovery-code",
    "today-new-start-offer",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("theme", choices=("light", "dark"))
    parser.add_argument("--only", default="", help="comma-separated names from SHOTS")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        sys.exit("Run on an X screen (DISPLAY), e.g. Xvfb :94 -screen 0 1600x1000x24")
    os.environ["RECOVERY_DESKTOP_THEME"] = args.theme
    wanted = set(filter(None, args.only.split(","))) or set(SHOTS)
    unknown = wanted - set(SHOTS)
    if unknown:
        sys.exit(f"Unknown shots: {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    faulthandler.dump_traceback_later(600, exit=True)  # a step that hangs says where
    return Session(args.theme, wanted, args.out).run()


class Session:
    """The demo app on the X screen, driven step by step between captures."""

    def __init__(self, theme: str, wanted: set[str], out: Path) -> None:
        from recovery_desktop.app import _make_application
        from recovery_desktop.ui.theme import apply_theme

        self.theme = theme
        self.wanted = wanted
        self.out = out
        self.app = _make_application()
        apply_theme(self.app, theme)  # type: ignore[arg-type]
        self.temp = Path(tempfile.mkdtemp(prefix="recovery-desktop-demo-"))
        self.taken: list[Path] = []

    # --- helpers -------------------------------------------------------------------------------

    def wait(self, ms: int = SETTLE_MS) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def wait_until(self, condition: Callable[[], object], what: str, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"waited {seconds:.0f} s for {what}")
            self.wait(50)

    def top(self, name: str):  # noqa: ANN201 - a QWidget
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == name and widget.isVisible():
                return widget
        return None

    def wait_top(self, name: str):  # noqa: ANN201 - a QWidget
        self.wait_until(lambda: self.top(name) is not None, f"the window {name}")
        return self.top(name)

    def child(self, parent, cls, name: str):  # noqa: ANN001, ANN201
        found = parent.findChild(cls, name)
        if found is None:
            raise LookupError(f"no {cls.__name__} named {name}")
        return found

    def click(self, widget) -> None:  # noqa: ANN001
        """A real mouse click, from the event loop (a dialog it opens may run its own)."""
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        QTimer.singleShot(0, lambda: QTest.mouseClick(widget, Qt.MouseButton.LeftButton))
        self.wait(100)

    def type_into(self, widget, text: str) -> None:  # noqa: ANN001
        from PySide6.QtTest import QTest

        widget.setFocus()
        QTest.keyClicks(widget, text)

    def place(self, window, size: tuple[int, int] | None = None) -> None:  # noqa: ANN001
        if size is not None:
            window.resize(*size)
        window.move(0, 0)
        window.raise_()
        window.activateWindow()

    def shot(self, name: str, window) -> None:  # noqa: ANN001
        """Capture `window` as the X server shows it, after everything has settled."""
        from PySide6.QtGui import QCursor

        if name not in self.wanted:
            return
        QCursor.setPos(1599, 999)  # no hover highlight
        window.raise_()
        self.wait()
        self.app.processEvents()  # type: ignore[attr-defined]
        self.app.sync()  # type: ignore[attr-defined]
        path = self.out / f"{name}-{self.theme}.png"
        subprocess.run(["import", "-window", str(int(window.winId())), str(path)], check=True)
        self.taken.append(path)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path, flush=True)

    def close_top(self, name: str) -> None:
        window = self.top(name)
        if window is not None:
            window.close()
        self.wait(200)

    # --- the session ---------------------------------------------------------------------------

    def run(self) -> int:
        try:
            self.setup_wizard()
            controller = self.unlock()
            window = controller.main_window
            self.place(window, NORMAL)
            self.today(window)
            self.journal(window)
            self.people(window)
            self.goals_and_plan(window)
            self.help_now(window, controller)
            self.export(window)
            self.report(window)
            self.settings(window)
            self.new_start_offer(window)
            controller.shutdown()
        finally:
            shutil.rmtree(self.temp, ignore_errors=True)
        return 0

    def setup_wizard(self) -> None:
        """The first page as a new person sees it (the vault would go in their default folder;
        nothing is made there), then the recovery code of a throwaway vault."""
        from PySide6.QtWidgets import QLineEdit, QPushButton

        from recovery_desktop.storage import KdfCost
        from recovery_desktop.ui.unlock.setup_wizard import SetupWizard

        welcome = SetupWizard(Path("/home/sam/.local/share/recovery-desktop/vault"))
        welcome.show()
        self.place(welcome)
        self.shot("setup-welcome", welcome)
        welcome.close()
        welcome.deleteLater()
        if "setup-recovery-code" not in self.wanted:
            return
        wizard = SetupWizard(self.temp / "new-vault", cost=KdfCost.cheap())
        wizard.show()
        self.place(wizard)
        self.click(self.child(wizard, QPushButton, "setup_start"))
        for name in ("new_passphrase", "confirm_passphrase"):
            self.type_into(self.child(wizard, QLineEdit, name), "river stones at dawn")
        self.click(self.child(wizard, QPushButton, "setup_create"))
        self.wait_until(lambda: wizard.pages.currentIndex() == 2, "the recovery code page")
        self.shot("setup-recovery-code", wizard)
        wizard.hide()  # closing would ask whether to leave set-up; the folder goes at the end
        wizard.deleteLater()
        self.wait(200)

    def unlock(self):  # noqa: ANN201 - the AppController
        from recovery_desktop.app import DEMO_PASSPHRASE
        from recovery_desktop.demo.generator import generate_demo_vault
        from recovery_desktop.storage import KdfCost
        from recovery_desktop.ui.app_settings import AppSettings
        from recovery_desktop.ui.controller import AppController

        folder = self.temp / "vault"
        generate_demo_vault(folder, DEMO_PASSPHRASE, scale="small", cost=KdfCost.cheap(), seed=7)
        controller = AppController(
            folder, app_settings=AppSettings(), demo_passphrase=DEMO_PASSPHRASE
        )
        controller.start()
        unlock = self.wait_top("unlock_window")
        self.place(unlock)
        self.shot("unlock-demo", unlock)
        if "help-now-locked" in self.wanted:
            self.click(unlock.help_button)
            self.shot("help-now-locked", self.wait_top("help_now_dialog"))
            self.close_top("help_now_dialog")
        self.type_into(unlock.passphrase, DEMO_PASSPHRASE)
        self.click(unlock.unlock_button)
        self.wait_until(
            lambda: controller.main_window is not None and controller.main_window.isVisible(),
            "the main window",
        )
        self.wait(1500)  # Today's cards, the search index
        return controller

    def today(self, window) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QPushButton

        window.show_page("today")
        self.shot("today", window)
        self.place(window, SMALL)
        self.shot("today-960x600", window)
        self.place(window, NORMAL)
        page = window.page("today")
        if "counter-new-start" in self.wanted:
            self.click(self.child(page, QPushButton, "new_start_button"))
            self.shot("counter-new-start", self.wait_top("new_start_dialog"))
            self.click(self.child(self.top("new_start_dialog"), QPushButton, "new_start_cancel"))
        if "counter-start-dates" in self.wanted:
            self.click(self.child(page, QPushButton, "sober_dates_button"))
            self.shot("counter-start-dates", self.wait_top("starts_dialog"))
            self.click(self.child(self.top("starts_dialog"), QPushButton, "starts_cancel"))
        self.wait(200)

    def journal(self, window) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QLineEdit

        from recovery_desktop.core.models import EntryFilter

        entries = window.vault.entries
        written = entries.page(EntryFilter(checkins=False), 0, 40)
        checkins = entries.page(EntryFilter(checkins=True), 0, 20)
        entry = next(
            (s for s in written if (full := entries.get(s.id)) and full.people and full.tags),
            written[0],
        )
        checkin = next(
            (s for s in checkins if (full := entries.get(s.id)) and full.triggers), checkins[0]
        )
        window.open_entry(entry.id)
        self.shot("journal-entry", window)
        self.place(window, SMALL)
        self.shot("journal-960x600", window)
        self.place(window, NORMAL)
        window.open_entry(checkin.id)
        self.shot("journal-checkin", window)
        if "journal-search" in self.wanted:
            search = self.child(window.page("journal"), QLineEdit, "journal_search")
            self.type_into(search, "walk")
            self.wait(800)  # the search waits for typing to pause
            self.shot("journal-search", window)
            search.clear()
            self.wait(400)

    def people(self, window) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QPushButton

        contacts = window.vault.contacts.list()
        chosen = next((c for c in contacts if c.role.name == "SPONSOR"), contacts[0])
        window.open_person(chosen.id)
        self.shot("people", window)
        if "people-log" in self.wanted:
            page = window.page("people")
            button = self.child(page, QPushButton, "people_log_connection")
            details = next(
                a for a in button.menu().actions() if a.objectName() == "people_log_details"
            )
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, details.trigger)
            dialog = self.wait_top("log_connection_dialog")
            self.shot("people-log", dialog)
            dialog.reject()
            self.wait(200)

    def goals_and_plan(self, window) -> None:  # noqa: ANN001
        window.show_page("goals")
        self.shot("goals", window)
        from PySide6.QtCore import QPoint

        from recovery_desktop.core.models import PlanSection
        from recovery_desktop.ui.theme import SPACING

        page = window.show_page("safety_plan")
        self.shot("safety-plan", window)
        people = page.sections[PlanSection.HELP_PEOPLE]
        bar = page.scroll.verticalScrollBar()
        bar.setValue(people.mapTo(page.scroll.widget(), QPoint(0, 0)).y() - SPACING)
        self.shot("safety-plan-people", window)
        bar.setValue(0)

    def help_now(self, window, controller) -> None:  # noqa: ANN001
        if "help-now" not in self.wanted:
            return
        window.show_page("today")
        self.click(window.help_button)
        self.shot("help-now", self.wait_top("help_now_dialog"))
        self.close_top("help_now_dialog")

    def export(self, window) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QPushButton, QTableView

        page = window.show_page("export")
        # One backup in the list, as a person who has used the app for a while would have.
        section = page.findChild(QPushButton, "backup_start")
        self.click(section)
        table = page.findChild(QTableView, "backup_list")
        self.wait_until(
            lambda: section.isEnabled() and table.isVisible() and table.model().rowCount() > 0,
            "the backup in the list",
        )
        self.shot("export-backup", window)  # at 1280x800 every section is in view
        if "backup-restore-confirm" in self.wanted:
            table.selectRow(0)
            self.click(self.child(page, QPushButton, "backup_restore"))
            dialog = self.wait_top("restore_dialog")
            self.type_into(dialog.secret, "demo")
            self.click(dialog.check_button)
            self.wait_until(lambda: dialog.pages.currentIndex() == 1, "the restore preview")
            self.shot("backup-restore-confirm", dialog)
            dialog.reject()
            self.wait(200)

    def report(self, window) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QPushButton

        if "report-dialog" not in self.wanted:
            return
        page = window.show_page("export")
        self.click(self.child(page, QPushButton, "report_open"))
        dialog = self.wait_top("report_dialog")
        self.place(dialog, NORMAL)
        self.wait_until(lambda: "1 of" in dialog.pages.text(), "the report's preview", 120)
        self.wait(1500)
        self.shot("report-dialog", dialog)
        dialog.close()
        self.wait(300)

    def settings(self, window) -> None:  # noqa: ANN001
        from PySide6.QtWidgets import QPushButton

        self.click(window.settings_button)
        settings = self.wait_top("settings_dialog")
        self.shot("settings", settings)
        for button, dialog, name in (
            ("change_passphrase", "new_passphrase_dialog", "keys-change-passphrase"),
            ("new_recovery_code", "new_recovery_code_dialog", "keys-new-recovery-code"),
        ):
            if name in self.wanted:
                self.click(self.child(settings, QPushButton, button))
                self.shot(name, self.wait_top(dialog))
                self.top(dialog).reject()
                self.wait(200)
        settings.reject()
        self.wait(200)

    def new_start_offer(self, window) -> None:  # noqa: ANN001
        """Last: answering "Sober today? No" changes the demo vault's check-in."""
        from PySide6.QtWidgets import QPushButton

        if "today-new-start-offer" not in self.wanted:
            return
        page = window.show_page("today")
        self.click(self.child(page, QPushButton, "sober_no"))
        self.wait_until(
            lambda: self.child(page, QPushButton, "start_offer_yes").isVisible(), "the offer"
        )
        self.shot("today-new-start-offer", window)


if __name__ == "__main__":
    raise SystemExit(main())
