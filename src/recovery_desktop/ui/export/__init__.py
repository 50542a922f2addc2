# SPDX-License-Identifier: GPL-3.0-or-later
"""The Export & backup page (`page.ExportPage`) and its sections.

- `sections`: the list of sections, in reading order; plug the counselor report and backups
  in there (one line each, see its docstring). `section.Section` is their contract.
- `data_export`: "Export your data" (JSON, or CSV in a zip or a folder).
- `backup_section`, `backup_list`, `backup_words`, `restore_dialog`: "Back up and restore"
  (Back up now, the list of backups, the backup folder, restore with a check first).
- `import_section`, `import_dialog`, `import_preview`, `import_kinds`: "Import from another
  app"; `import_dialog.import_contacts(vault, parent)` is the People page's vCard import.
- `jobs`: long work on a worker with its own connection, progress and a real Cancel.
- `file_dialogs`: file dialogs that remember nothing private.
"""
