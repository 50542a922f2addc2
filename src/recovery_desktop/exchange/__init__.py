# SPDX-License-Identifier: GPL-3.0-or-later
"""Exports, importers and the counselor report. No Qt except in `report_pdf.py`.

What the Export & backup page and the CLI call (all Qt-free; run them off the GUI thread with a
connection of the worker's own, `vault.open_connection()`, and close it afterwards):

Export (`data_export`, formats in docs/export-format.md)::

    export_json(conn, path, *, include_private=False, progress=None, cancelled=None) -> ExportSummary
    export_csv(conn, path, *, include_private=False, progress=None, cancelled=None) -> ExportSummary
        # path ending in .zip: a zip; otherwise a new (or empty) folder

Import (`importing`)::

    read_import(kind, path) -> batch        # kind: "daylio", "jrnl", "dayone", "vcard", "json"
    preview_import(conn, batch) -> ImportPreview
    batch.with_mood_mapping({"tired": 2})   # Daylio: the person's own mood names, then preview again
    write_import(conn, preview, *, progress=None, cancelled=None) -> ImportResult

Counselor report (REPORT.md; `report_content` decides what it says, without Qt; `report_pdf`,
the one module here that uses Qt, lays it out; a QGuiApplication must exist)::

    write_report(sources, ReportOptions(period, sections, talk_about=..., name=..., paper=...),
                 path, today, progress=None, cancelled=None) -> ReportSummary
    prepare_report(...) -> PreparedReport       # on a worker: the vault read, the charts drawn
    ReportPages(prepared)                       # the pages, laid out as the PDF lays them out:
    pages.image(index, width); pages.paint_on(printer)   # the preview's pictures; printing

`progress(done, total)` is called between chunks on the calling thread; `cancelled` is a
callable returning True, or a `threading.Event`. Errors a person should read are one of
`progress.ExportError`, `progress.ImportFileError` (a plain sentence each) or
`progress.Cancelled` (nothing was written).
"""
