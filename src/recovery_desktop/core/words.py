# SPDX-License-Identifier: GPL-3.0-or-later
"""The translation hook for the layers below ui/, which may not import Qt but have words for
the person to read (the insights' findings, summaries and tables; the charts' titles and labels).

`translate` returns the text as written (English, the source language) until the UI installs
Qt's translator at start-up: `install(QCoreApplication.translate)`. From then on every word
goes through the translation files Qt has loaded.

Give each area one context, a subclass of `Words`, and call it by its own name:

    class ChartWords(Words):
        '''The charts' words.'''

    TITLE = ChartWords.QT_TR_NOOP("Your mood, day by day")  # kept in a constant: marked here
    ChartWords.tr(TITLE)                                     # and translated where it is shown
    ChartWords.tr("No mood recorded {when} yet.", when=when)
    ChartWords.tr("%n new start(s)", None, len(starts))

pyside6-lupdate reads `Name.tr("text")` and `Name.QT_TR_NOOP("text")` as context "Name", which
is the class's name at run time too; so never call through an alias or an instance. Only a
literal string is extracted: no f-strings, no variables. Put values in with `{name}` fields,
filled after translating (a translator moves `{when}` where the language wants it). A count
goes in with `%n` and the number as the third argument, so that lupdate marks the message as
having plural forms; with no translation loaded, "(s)" becomes "s" or nothing, as in the UI
(`ui.today.card.plural`). Split a sentence with two counts into two counted phrases. A `#:`
comment on the line above a call reaches the translator.

Thread-safe: charts and summaries are made on worker threads. The translator is one
module-level reference, read once per call and replaced whole by `install`; Qt's
QCoreApplication.translate is itself thread-safe.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]
"""(context, text, disambiguation, n) -> text, as QCoreApplication.translate."""

_translator: Translator | None = None
_install_lock = threading.Lock()
_FIELD = re.compile(r"\{(\w+)\}")


def install(translator: Translator | None) -> Translator | None:
    """Translate with `translator` from now on (None: the text as written, again). Returns the
    one it replaces, so that a test can put it back."""
    global _translator
    with _install_lock:
        previous, _translator = _translator, translator
    return previous


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the person's language; with `n` >= 0, `%n` is the number and "(s)" the English
    plural when no translation supplied plural forms."""
    translator = _translator
    result = text if translator is None else translator(context, text, disambiguation, n)
    if n >= 0:
        result = result.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
    return result


def fill(template: str, **values: object) -> str:
    """Put `values` in for the `{name}` fields of a translated template, in one pass: a value
    that holds braces (a goal's title) stays as typed, and a field a translation misspelt
    stays visible instead of failing the whole chart."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return _FIELD.sub(value, template) if values else template


class Words:
    """A translation context: subclass it once per area; the subclass's name is the context."""

    @classmethod
    def tr(
        cls, text: str, disambiguation: str | None = None, n: int = -1, /, **values: object
    ) -> str:
        """Translate `text` in this context, then fill its `{name}` fields from `values`."""
        return fill(translate(cls.__name__, text, disambiguation, n), **values)

    @staticmethod
    def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
        """Mark `text` for translation where it is kept (a constant, a table of words); it is
        translated where it is shown, with `tr(value)` in the same context."""
        return text
