# SPDX-License-Identifier: GPL-3.0-or-later
"""Help for a blank page: a gentle writing prompt, and the Templates menu and dialogs.

The prompt card shows only while the body is empty, so it never stands between a person and
what they are writing. Templates are the built-in ones from core.prompts plus the person's own
(`vault.templates`); choosing one never replaces text that is already there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recovery_desktop.core.prompts import TEMPLATES, Prompt, next_prompt, prompt_of_the_day
from recovery_desktop.core.validation import ValidationError
from recovery_desktop.storage import Vault
from recovery_desktop.ui.widgets.plain_buttons import without_icons


class PromptCard(QFrame):
    """ "A place to start": today's prompt, with "Use this prompt" and "Another prompt"."""

    use_prompt = Signal(str)

    def __init__(self, parent: QWidget | None = None, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.setObjectName("journal_prompt_card")
        self.setProperty("role", "banner")
        self.prompt: Prompt = prompt_of_the_day(today())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.heading = QLabel(self)
        self.heading.setObjectName("journal_prompt_theme")
        self.text = QLabel(self)
        self.text.setObjectName("journal_prompt_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use this prompt"), self)
        self.use_button.setObjectName("journal_use_prompt")
        self.use_button.setAccessibleName(self.tr("Use this prompt in the entry"))
        self.another_button = QPushButton(self.tr("Another prompt"), self)
        self.another_button.setObjectName("journal_another_prompt")
        self.another_button.setAccessibleName(self.tr("Show another writing prompt"))
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.another_button)
        buttons.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.use_button.clicked.connect(lambda: self.use_prompt.emit(self.prompt.text))
        self.another_button.clicked.connect(self.show_another)
        self._show()

    def show_day(self, day: date) -> None:
        """Show the prompt of `day` (the page was left open past midnight)."""
        self.prompt = prompt_of_the_day(day)
        self._show()

    def show_another(self) -> None:
        self.prompt = next_prompt(self.prompt)
        self._show()

    def _show(self) -> None:
        self.heading.setText(
            self.tr("Not sure where to start? A question about %1:").replace(
                "%1", self.tr(self.prompt.theme)
            )
        )
        self.text.setText(self.prompt.text)
        self.text.setAccessibleName(self.prompt.text)


class TemplatesButton(QToolButton):
    """A "Templates" menu: built-in shapes, the person's own, save and manage."""

    chosen = Signal(str)  # the template's Markdown body

    def __init__(
        self,
        vault: Vault,
        body_text: Callable[[], str],
        title_text: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._body_text = body_text
        self._title_text = title_text
        self.setObjectName("journal_templates_button")
        self.setAccessibleName(self.tr("Templates"))
        self.setText(self.tr("Templates") + " \u25be")
        self.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.setToolTip(self.tr("Start from a template, or save this entry as one"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("journal_templates_menu")
        self.setMenu(self.menu_)
        self.menu_.aboutToShow.connect(self.rebuild_menu)

    def rebuild_menu(self) -> None:
        """Read the person's templates each time the menu opens (they may have changed)."""
        menu = self.menu_
        menu.clear()
        menu.addSection(self.tr("Built in"))
        for template in TEMPLATES:
            action = menu.addAction(self.tr(template.title))
            action.triggered.connect(lambda _=False, body=template.body: self.chosen.emit(body))
        own = self._vault.templates.list() if self._vault.is_open else []
        if own:
            menu.addSection(self.tr("Your templates"))
            for _id, title, body in own:
                action = menu.addAction(title)
                action.triggered.connect(lambda _=False, b=body: self.chosen.emit(b))
        menu.addSeparator()
        save = menu.addAction(self.tr("Save as template…"))
        save.setObjectName("journal_save_as_template")
        save.setEnabled(bool(self._body_text().strip()))
        save.triggered.connect(self.save_as_template)
        manage = menu.addAction(self.tr("Manage your templates…"))
        manage.setObjectName("journal_manage_templates")
        manage.setEnabled(bool(own))
        manage.triggered.connect(self.manage_templates)

    def save_as_template(self) -> None:
        dialog = SaveTemplateDialog(self._vault, self._title_text(), self._body_text(), self)
        dialog.open()

    def manage_templates(self) -> None:
        dialog = ManageTemplatesDialog(self._vault, self)
        dialog.open()


class SaveTemplateDialog(QDialog):
    """Ask for a name and keep the entry's text as one of the person's templates."""

    def __init__(self, vault: Vault, title: str, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("journal_save_template_dialog")
        self.setWindowTitle(self.tr("Save as template"))
        self._vault = vault
        self._body = body
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Keep this entry's text as a template to start from."), self)
        )
        form = QFormLayout()
        self.name = QLineEdit(title, self)
        self.name.setObjectName("journal_template_name")
        self.name.setAccessibleName(self.tr("Template name"))
        form.addRow(self.tr("Name:"), self.name)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("journal_template_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("journal_template_buttons")
        without_icons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        try:
            self._vault.templates.add(self.name.text(), self._body)
        except ValidationError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()


class ManageTemplatesDialog(QDialog):
    """The person's own templates, each of which can be deleted."""

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journal_manage_templates_dialog")
        self.setWindowTitle(self.tr("Your templates"))
        self._vault = vault
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("journal_templates_list")
        self.list.setAccessibleName(self.tr("Your templates"))
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete template"), self)
        self.delete_button.setObjectName("journal_delete_template")
        self.delete_button.setAccessibleName(self.tr("Delete the chosen template"))
        row.addWidget(self.delete_button)
        row.addStretch(1)
        close = without_icons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        close.setObjectName("journal_templates_close")
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for template_id, title, _body in self._vault.templates.list():
            item = QListWidgetItem(title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, template_id)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.delete_button.setEnabled(self.list.count() > 0)

    def delete_chosen(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self._vault.templates.delete(int(item.data(Qt.ItemDataRole.UserRole)))
        self.reload()
