# SPDX-License-Identifier: GPL-3.0-or-later
"""The Safety plan page: a plan for a hard moment, section by section, in the person's words.

`page.py` composes the page; `section.py` edits one section's ordered items (`item_row.py` is
one item); `crisis_lines.py` edits the crisis lines and their country (`country.py`, shared with
Help now and the unlock screen); `contact_picker.py` links a contact; `undo.py` brings back what
was removed; `wording.py` holds the sections' words. Importing this package loads nothing else.
"""
