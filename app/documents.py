"""The documents a planning or comparison command writes beside its text: PDF and Word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .files import OutputError


def pdf_bytes(path: Path, html: str) -> bytes:
    """The HTML page as PDF; an InputError naming `path` when this machine cannot make it (no CJK font)."""
    from ..reports import document
    try:
        return document.render_pdf(html)
    except document.ReportError as exc:
        raise OutputError(str(path), str(exc)) from None


def analysis_files(view, lang: str, date: dt.date, pdf_path: Path | None,
                   docx_path: Path | None) -> list[tuple[Path, bytes]]:
    """An analysis view (plan, progress, compare) as the PDF and Word files asked for, dated `date`."""
    files = []
    if pdf_path:
        from ..reports.outputs import document_html
        files.append((pdf_path, pdf_bytes(pdf_path, document_html(view, lang))))
    if docx_path:
        from ..reports.docx_report import analysis_docx
        files.append((docx_path, analysis_docx(view.doc, lang, date)))
    return files
