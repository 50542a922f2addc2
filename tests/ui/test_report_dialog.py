# SPDX-License-Identifier: GPL-3.0-or-later
"""The report dialog, driven as a person would: it previews the pages, follows the choices,
saves the PDF the preview showed (page for page), scrolls by keyboard, prints only when asked,
and a Cancel while saving leaves no file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit

from recovery_desktop.exchange.report_pdf import ReportPages
from recovery_desktop.storage import Vault
from recovery_desktop.ui.report import open_report_dialog
from recovery_desktop.ui.report.dialog import ReportDialog
from tests.report_helpers import (
    PASSPHRASE,
    PRIVATE_PHRASE,
    SHARED_PHRASE,
    TODAY,
    make_demo,
    squeezed,
)
from tests.socket_watch import print_service_watch

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("report-dialog") / "demo")


@pytest.fixture
def dialog(qtbot, themed_app, demo_folder: Path) -> Iterator[ReportDialog]:
    with Vault.open(demo_folder, PASSPHRASE) as vault:
        shown = open_report_dialog(vault, None, today=TODAY)
        qtbot.addWidget(shown)
        _wait_for_preview(qtbot, shown)
        yield shown
        shown.cancel_job()
        QThreadPool.globalInstance().waitForDone(WAIT_MS)


def _wait_for_preview(qtbot, dialog: ReportDialog) -> None:
    qtbot.waitUntil(
        lambda: (
            not dialog.busy and dialog._prepared is not None and dialog.preview.page_count() > 0
        ),
        timeout=WAIT_MS,
    )


def _tick(qtbot, box) -> None:
    """Click a check box on its box (a box stretched by its layout ends where its words do)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def _save_here(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def chosen(parent, caption, where, filters):
        asked.append(where)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", chosen)
    return asked


def page_lines(pages: ReportPages, index: int) -> list[str]:
    """The lines of text the preview draws on page `index` (from 0), read from its layout."""
    document = pages.document
    layout = document.documentLayout()
    lines = []
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text = block.layout()
        for number in range(text.lineCount()):
            line = text.lineAt(number)
            if int((top + line.y() + line.height() / 2) // pages.page_height) == index:
                start = line.textStart()
                words = block.text()[start : start + line.textLength()].replace("\ufffc", "")
                if words.strip():  # "\ufffc" holds a chart's place
                    lines.append(words)
        block = block.next()
    return lines


def assert_same_pages(pages: ReportPages, pdf: Path) -> None:
    """Every line the preview shows on a page is on the same page of the PDF."""
    printed = [squeezed(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]
    assert len(printed) == pages.count
    for index in range(pages.count):
        lines = page_lines(pages, index)
        assert lines, f"page {index + 1} shows no text"
        missing = [line for line in lines if squeezed(line) not in printed[index]]
        assert missing == [], f"page {index + 1} of the preview differs from the PDF's"


def test_the_preview_follows_the_choices_and_the_saved_pdf_is_what_it_showed(
    qtbot, dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_count = dialog.preview.page_count()
    assert dialog.pages.text() == f"Page 1 of {first_count}"
    assert "30 days before" in dialog.form.compared.text()
    assert dialog.form.parts[next(iter(dialog.form.parts))].isChecked()
    assert not dialog.form.safety_plan.isChecked()  # the plan only when ticked

    qtbot.keyClicks(dialog.form.talk_about, "The weekend with my sister")
    _tick(qtbot, dialog.form.safety_plan)
    qtbot.waitUntil(
        lambda: (
            dialog._prepared is not None
            and dialog._prepared.options.talk_about == "The weekend with my sister"
            and dialog._prepared.content.safety_plan is not None
            and not dialog.busy
        ),
        timeout=WAIT_MS,
    )
    assert dialog.preview.page_count() == first_count + 1  # the plan's page
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    assert dialog.pages.text() == f"Page 2 of {first_count + 1}"

    asked = _save_here(monkeypatch, tmp_path / "for-my-counselor")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=WAIT_MS)
    assert asked and asked[0].endswith("recovery-report-2025-06-01-to-2025-06-30.pdf")
    saved = tmp_path / "for-my-counselor.pdf"
    assert dialog.saved_to == saved
    pages = pypdf.PdfReader(saved).pages
    assert len(pages) == dialog.preview.page_count()
    assert_same_pages(dialog._pages, saved)
    text = squeezed(" ".join(page.extract_text() for page in pages))
    assert squeezed("The weekend with my sister") in text
    assert squeezed(SHARED_PHRASE) in text and squeezed(PRIVATE_PHRASE) not in text
    assert str(saved) in dialog.status.text()


def test_cancel_while_saving_leaves_no_file(
    qtbot, dialog: ReportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    _save_here(monkeypatch, folder / "report.pdf")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.cancel.isVisible() and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    assert QThreadPool.globalInstance().waitForDone(WAIT_MS)
    qtbot.wait(50)  # let a late delivery arrive, if one were (wrongly) sent
    assert list(folder.iterdir()) == []
    assert dialog.saved_to is None and not dialog.cancel.isVisible()
    assert dialog.status.text() == "Stopped. Nothing was saved."
    assert dialog.save.isEnabled()  # and the person can save again


def test_dates_the_wrong_way_round_are_explained_not_drawn(qtbot, dialog: ReportDialog) -> None:
    form = dialog.form
    assert form.last_day.maximumDate() == form.last_day.date()  # nothing after today
    form.last_day.setDate(form.first_day.date().addDays(-1))
    qtbot.waitUntil(lambda: "comes after" in dialog.status.text(), timeout=WAIT_MS)
    assert not dialog.save.isEnabled() and not dialog.print_button.isEnabled()
    assert form.period_choice.currentData() == 0  # "Dates I choose"


def test_the_pages_scroll_by_keyboard_and_fit_the_view(qtbot, dialog: ReportDialog) -> None:
    view = dialog.preview
    count = view.page_count()
    assert count > 2
    assert view.accessibleName() == "Preview of the report's pages"
    assert view.accessibleDescription().startswith(f"Page 1 of {count}.")
    assert dialog.fit.isChecked() and not dialog.previous_page.isEnabled()
    gap = view.fontMetrics().height()
    shown = view.page_image(1)
    assert shown.width() / shown.devicePixelRatio() == view.viewport().width() - 2 * gap

    qtbot.mouseClick(dialog.whole_page, Qt.MouseButton.LeftButton)
    assert not view.fits_width() and dialog.pages.text() == f"Page 1 of {count}"
    shown = view.page_image(1)
    assert shown.height() / shown.devicePixelRatio() <= view.viewport().height() - 2 * gap

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert dialog.pages.text() == f"Page 2 of {count}"
    assert view.accessibleDescription().startswith(f"Page 2 of {count}.")
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert dialog.pages.text() == f"Page {count} of {count}"
    assert not dialog.next_page.isEnabled() and dialog.previous_page.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert dialog.pages.text() == f"Page 1 of {count}"
    qtbot.mouseClick(dialog.fit, Qt.MouseButton.LeftButton)  # and back, on the same page
    qtbot.mouseClick(dialog.next_page, Qt.MouseButton.LeftButton)
    assert view.fits_width() and dialog.pages.text() == f"Page 2 of {count}"
    fitted = view.page_image(2).width()
    dialog.resize(dialog.width() - 200, dialog.height())  # the pages narrow, in the same place
    qtbot.waitUntil(lambda: view.page_image(2).width() < fitted, timeout=WAIT_MS)
    assert dialog.pages.text() == f"Page 2 of {count}"


def test_print_asks_the_print_service_only_when_clicked(
    qtbot, themed_app, demo_folder: Path, tmp_path: Path
) -> None:
    """The preview asks no printer; Print… does, and prints the previewed pages (here to a
    PDF file, chosen in the print dialog as a person would)."""
    printed = tmp_path / "printed.pdf"
    answered: list[str] = []

    def print_to_file() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "report_print_dialog"
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.findText("PDF", Qt.MatchFlag.MatchContains))
        dialog.findChild(QLineEdit, "filename").setText(str(printed))
        answered.append(dialog.objectName())
        dialog.accept()  # as its Print button does: the choices go to the printer

    with Vault.open(demo_folder, PASSPHRASE) as vault:
        with print_service_watch() as previewing:
            shown = open_report_dialog(vault, None, today=TODAY)
            qtbot.addWidget(shown)
            _wait_for_preview(qtbot, shown)
        with print_service_watch() as printing:
            QTimer.singleShot(0, print_to_file)
            qtbot.mouseClick(shown.print_button, Qt.MouseButton.LeftButton)
        assert answered == ["report_print_dialog"]
        assert shown.status.text() == f"Sent {shown.preview.page_count()} pages to the printer."
        assert_same_pages(shown._pages, printed)
        shown.cancel_job()
        QThreadPool.globalInstance().waitForDone(WAIT_MS)
    assert previewing.asked == 0
    if printing.watched:  # Print… is the moment the system's print service may be asked
        assert printing.asked > 0


def test_a_locked_vault_is_said_plainly(qtbot, themed_app, demo_folder: Path) -> None:
    vault = Vault.open(demo_folder, PASSPHRASE)
    shown = open_report_dialog(vault, None, today=TODAY)
    qtbot.addWidget(shown)
    _wait_for_preview(qtbot, shown)
    vault.close()  # as the app's lock does
    _tick(qtbot, shown.form.parts[next(iter(shown.form.parts))])
    qtbot.waitUntil(lambda: "could not be made" in shown.status.text(), timeout=WAIT_MS)
    assert not shown.busy and shown.status.property("role") == "error"


def test_the_export_page_opens_the_report(qtbot, themed_app, demo_folder: Path) -> None:
    """Export & backup's "Counselor report" section opens this dialog over the window."""
    from recovery_desktop.ui.export.page import ExportPage

    with Vault.open(demo_folder, PASSPHRASE) as vault:
        page = ExportPage(vault)
        qtbot.addWidget(page)
        page.show()
        section = page.sections["report"]
        qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
        shown = section.dialog
        assert isinstance(shown, ReportDialog) and shown.isVisible()
        assert shown.parent() is page.window()  # owned by the window: closed with it
        _wait_for_preview(qtbot, shown)
        shown.cancel_job()
        QThreadPool.globalInstance().waitForDone(WAIT_MS)
        shown.close()
