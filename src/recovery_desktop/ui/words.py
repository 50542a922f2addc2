# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation contexts for words kept outside a Qt class: the words shared by several screens
(roles, kinds, dates), the words of helper functions, and tables of words kept in constants.

A bare `tr("...")` in a module (a wrapper around QCoreApplication.translate) is filed by
pyside6-lupdate under an empty context, so no translation can match it; and the count passed
to QCoreApplication.translate as a fourth argument is read as the old "encoding" argument, so a
counted message gets no plural forms. Instead, as core/words.py does below ui/, give each area
one context, a subclass of `QtWords`, and call it by its own name:

    class ConnectionWords(QtWords):
        '''The words of connections.'''

    ConnectionWords.tr("a call")
    ConnectionWords.tr("%n day(s) ago", None, days)      # a count: plural forms
    ConnectionWords.tr("last in touch {when}", when=ago)  # a field, filled after translating
    LABEL = ConnectionWords.QT_TR_NOOP("Call")            # marked here, translated where shown

lupdate reads `Name.tr("text")` and `Name.QT_TR_NOOP("text")` as context "Name", the class's
name at run time too; so never call through an alias or an instance, and pass only a literal
string. Unlike core/words.py, the lookup goes to Qt directly: the UI's words do not depend on the
start-up hook, and `%Ln` (the count in the locale's digits, "1,234") works as in any Qt `tr()`.
With no translation loaded, "(s)" after a count becomes "s" or nothing (`ui.today.card.plural`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from recovery_desktop.core.words import Words, fill


class QtWords(Words):
    """A translation context of ui/: subclass it once per area; the subclass's name is the
    context. Call from the GUI thread or any other (QCoreApplication.translate is thread-safe)."""

    @classmethod
    def tr(
        cls, text: str, disambiguation: str | None = None, n: int = -1, /, **values: object
    ) -> str:
        """Translate `text` in this context, then fill its `{name}` fields from `values`."""
        translated = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
        if n >= 0:  # English plural when no translation supplied plural forms
            translated = translated.replace("(s)", "" if n == 1 else "s")
        return fill(translated, **values)
