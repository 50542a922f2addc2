# SPDX-License-Identifier: GPL-3.0-or-later
"""Every picture the README and the docs show exists: a screenshot renamed or removed must not
leave a broken image behind."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".git", ".venv", "build", "node_modules"}
# ![alt](path "title") and <img src="path">
IMAGE = re.compile(
    r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|<img[^>]+src=\"([^\"]+)\""
)
PNG_START = b"\x89PNG\r\n\x1a\n"


def _documents() -> list[Path]:
    return sorted(
        path for path in ROOT.rglob("*.md") if not SKIP.intersection(path.relative_to(ROOT).parts)
    )


def _images(document: Path) -> list[str]:
    text = document.read_text(encoding="utf-8")
    return [a or b for a, b in IMAGE.findall(text)]


def test_the_readme_shows_screenshots() -> None:
    shown = _images(ROOT / "README.md")
    assert len(shown) >= 10  # the check below cannot pass on a README it failed to read
    assert all(image.startswith("docs/screenshots/") for image in shown)


def test_every_image_the_docs_show_exists() -> None:
    missing = []
    for document in _documents():
        for image in _images(document):
            if re.match(r"[a-z]+://", image):
                missing.append(f"{document.name}: {image} (the docs show no image from the web)")
                continue
            path = (document.parent / image.split("#")[0]).resolve()
            if not path.is_file() or path.stat().st_size == 0:
                missing.append(f"{document.relative_to(ROOT)}: {image}")
            elif path.suffix == ".png" and not path.read_bytes().startswith(PNG_START):
                missing.append(f"{document.relative_to(ROOT)}: {image} is not a PNG")
    assert missing == []
