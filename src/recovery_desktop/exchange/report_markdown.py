# SPDX-License-Identifier: GPL-3.0-or-later
"""Markdown rendered simply, as HTML for the report's shared entries. No Qt.

Paragraphs, line breaks, headings, lists, quotes, **bold**, *italic*, `code` and links (their
words, then the address). Everything else stays as the person typed it. All text is escaped
first, so nothing in an entry can become markup, an image or a request for a file.
"""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,9}[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")


def inline(text: str) -> str:
    """One line of Markdown as escaped HTML with simple emphasis."""
    out = html.escape(text, quote=True)
    out = _LINK.sub(lambda m: m.group(1) + (f" ({m.group(2)})" if m.group(2) else ""), out)
    out = _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", out)
    out = _BOLD.sub(lambda m: f"<b>{m.group(2)}</b>", out)
    return _ITALIC.sub(lambda m: f"<i>{m.group(2)}</i>", out)


def to_html(text: str) -> str:
    """A whole entry as HTML blocks: <p>, <h4>, <ul>/<ol>, <blockquote>."""
    blocks: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""
    quote: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            blocks.append("<p>" + "<br/>".join(inline(line) for line in paragraph) + "</p>")
            paragraph.clear()

    def end_list() -> None:
        nonlocal list_tag
        if items:
            blocks.append(
                f"<{list_tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{list_tag}>"
            )
            items.clear()
        list_tag = ""

    def end_quote() -> None:
        if quote:
            blocks.append(
                "<blockquote><p>" + "<br/>".join(inline(q) for q in quote) + "</p></blockquote>"
            )
            quote.clear()

    def end_all() -> None:
        end_paragraph()
        end_list()
        end_quote()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            end_all()
            continue
        if _RULE.match(line):
            end_all()
            blocks.append("<hr/>")
            continue
        heading = _HEADING.match(line)
        if heading:
            end_all()
            blocks.append(f"<h4>{inline(heading.group(2))}</h4>")
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            tag = "ul" if bullet else "ol"
            end_paragraph()
            end_quote()
            if list_tag and list_tag != tag:
                end_list()
            list_tag = tag
            items.append(inline((bullet or numbered).group(1)))  # type: ignore[union-attr]
            continue
        quoted = _QUOTE.match(line)
        if quoted:
            end_paragraph()
            end_list()
            quote.append(quoted.group(1))
            continue
        if items:  # a line right after an item continues it
            items[-1] += " " + inline(line.strip())
            continue
        end_quote()
        paragraph.append(line.strip())
    end_all()
    return "".join(blocks)
