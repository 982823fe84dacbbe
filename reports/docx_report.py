"""The readiness report and the planning documents as Word (.docx), for editing in Word or WPS.

Lays out the same content as the PDF (`readiness.Report`, `analysis.Doc`): headings as Word
headings (the navigation pane lists them), tables as Word tables whose header row repeats on
each page, charts as PNG pictures drawn from the same SVG (`raster.png`). The file is the
same bytes for the same input: its dates are the evaluation's, its zip entries carry no clock.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import charts, raster
from .analysis import Doc
from .blocks import Cell, Figures, Grid, Para, Run
from .readiness import Report, whatif_para
from .words import lang_tag, page_parts, phrase

FONT = "Microsoft YaHei"        # 微软雅黑: on every Chinese Windows; WPS substitutes its own on Linux
BLUE = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x55, 0x55, 0x55)
WHATIF_FILL, WHATIF_TEXT = "FFF4E0", RGBColor(0x4A, 0x2C, 0x00)  # a what-if's line (as the PDF's .whatif)
COLOURS = {"pass": "2E7D32", "partial": "B26A00", "fail": "C62828", "unknown": "6A1B9A", "error": "8B0000",
           "waived": "1565C0", "not_applicable": "777777", "ready": "2E7D32", "nearly_ready": "9E9D24",
           "not_ready": "C62828", "not_assessable": "6D6D6D",
           "plan_on_track": "2E7D32", "plan_partly_behind": "B26A00", "plan_behind": "C62828"}
PX_MM = 25.4 / 96                # a CSS pixel in millimetres


def _fonts(style, size: float | None = None, color: RGBColor | None = None) -> None:
    """A style's Latin and East Asian font (Word keeps them apart: w:eastAsia)."""
    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    if size:
        style.font.size = Pt(size)
    if color is not None:
        style.font.color.rgb = color


def _new(date: dt.date, title: str, lang: str) -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(16)
    sec.top_margin, sec.bottom_margin = Mm(18), Mm(16)
    _fonts(doc.styles["Normal"], 9.5)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12), ("Heading 3", 10.5)):
        _fonts(doc.styles[name], size, BLUE)
    doc.styles["Normal"].paragraph_format.space_after = Pt(2)
    # the text's language: Chinese for East Asian text (Word's template says en-US, and LibreOffice then
    # draws Chinese with Japanese glyph forms), the report's language for the rest
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang_tag(lang))
    lang_el.set(qn("w:eastAsia"), "zh-CN")
    props = doc.core_properties
    when = dt.datetime(date.year, date.month, date.day)
    props.title, props.author, props.last_modified_by = title, "ipcheck", "ipcheck"
    props.created = props.modified = when
    props.revision, props.language = 1, lang_tag(lang, region=False)
    props.comments = props.keywords = props.subject = props.category = ""
    return doc


def _shade(element, fill: str) -> None:
    """A background colour on a cell's or a run's properties."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    element.append(shd)


def _ems(text: str) -> float:
    """How wide a text is in ems: a Chinese character one, a Latin letter or digit about half."""
    return sum(1 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def _runs(p, runs: tuple[Run, ...], size: float | None = None, line_ems: float = 0) -> None:
    """Runs into paragraph `p`. With `line_ems` (a table cell's line, in ems), a run that must stay whole
    (a lead unit's part) starts a new line where it would not fit on the current one: Word and WPS
    break Chinese text anywhere."""
    used = 0.0
    for r in runs:
        if line_ems and r.keep and used and used + _ems(r.text) > line_ems:
            p.runs[-1].add_break()
            used = 0.0
        used += _ems(r.text)
        run = p.add_run(r.text)
        if size:
            run.font.size = Pt(size)
        style = r.style
        if style == "strong":
            run.bold = True
        elif style in ("note", "url"):
            run.font.size = Pt(7.5 if style == "url" else 8)
            run.font.color.rgb = GREY
        elif style.startswith("s-"):
            run.font.color.rgb = RGBColor.from_string(COLOURS.get(style[2:], "222222"))
            run.bold = style in ("s-pass", "s-fail", "s-partial", "s-error")
        elif style.startswith("verdict"):
            key = style.split("v-")[-1]
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            _shade(run._r.get_or_add_rPr(), COLOURS.get(key, "6D6D6D"))


def _para(doc_or_cell, para: Para, size: float | None = None, cls: str = ""):
    p = doc_or_cell.add_paragraph()
    _runs(p, para.runs, size)
    if (cls or para.cls) == "note":
        for run in p.runs:
            run.font.size = Pt(8)
            if run.font.color.rgb is None:
                run.font.color.rgb = GREY
    elif (cls or para.cls) == "whatif":  # a what-if's line: shaded as the PDF's box, never read as a result
        _shade(p._p.get_or_add_pPr(), WHATIF_FILL)
        for run in p.runs:
            run.font.color.rgb = WHATIF_TEXT
    return p


def _styled(p, style_id: str):
    """A paragraph given a style of Word's template by its id ("Heading1", "ListBullet"): python-docx looks
    a style up by name by reading all of them, a hundred times in a report."""
    p._p.style = style_id
    return p


def _heading(doc, text: str, level: int):
    """A Word heading (the navigation pane lists it), as `Document.add_heading` makes it."""
    p = _styled(doc.add_paragraph(), "Title" if level == 0 else f"Heading{level}")
    p.add_run(text)
    return p


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _fixed(t, widths) -> None:
    """Fixed column widths, as Word and WPS read them (the grid, the table's layout and each cell)."""
    t.autofit = False
    tblpr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for col, w in zip(t.columns, widths):
        col.width = w


def _cell_text(cell, c: Cell, size: float, width) -> None:
    cell.paragraphs[0].text = ""
    line_ems = (width.mm - 2.5) / (size * 25.4 / 72)  # the cell's width less its margins, in ems of its text
    for i, line in enumerate(c.lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _runs(p, line, size, line_ems)
        if c.cls.startswith("s-"):
            for run in p.runs:
                run.font.color.rgb = RGBColor.from_string(COLOURS.get(c.cls[2:], "222222"))
        if "num" in c.cls:
            p.alignment = 2  # right


def _table(doc, head: list[str], rows: list, widths_pct: list[int], width_mm: float = 178, size: float = 8) -> None:
    """A Word table: a blue header row that repeats on each page, group rows shaded across the table."""
    t = doc.add_table(rows=1, cols=len(head))
    t._tbl.tblStyle_val = "TableGrid"  # the style "Table Grid" by its id (a look-up by name reads every style)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [Mm(width_mm * w / sum(widths_pct)) for w in widths_pct]
    _fixed(t, widths)
    for i, h in enumerate(head):
        cell = t.rows[0].cells[i]
        cell.width = widths[i]
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(h)
        run.font.size, run.font.color.rgb, run.bold = Pt(size), RGBColor(0xFF, 0xFF, 0xFF), True
        _shade(cell._tc.get_or_add_tcPr(), "1F4E79")
    _repeat_header(t.rows[0])
    for row in rows:
        cells = t.add_row().cells
        if isinstance(row, str):  # a group row
            merged = cells[0].merge(cells[-1])
            merged.paragraphs[0].text = ""
            run = merged.paragraphs[0].add_run(row)
            run.bold, run.font.size, run.font.color.rgb = True, Pt(size), BLUE
            _shade(merged._tc.get_or_add_tcPr(), "E8EEF5")
            continue
        for i, c in enumerate(row):  # widths: the grid's and the header row's (fixed layout) hold for every row
            if isinstance(c, Cell):
                _cell_text(cells[i], c, size, widths[i])
            else:
                cells[i].paragraphs[0].text = ""
                run = cells[i].paragraphs[0].add_run(c)
                run.font.size = Pt(size)
    doc.add_paragraph()


def _grid(doc, g: Grid, size: float = 8) -> None:
    widths = list(g.widths) or [1] * len(g.head)  # (no widths: columns of one width, as Word lays them out)
    _table(doc, list(g.head), [r.group if r.group else list(r.cells) for r in g.rows], widths, size=size)


Pictures = Callable[[str], bytes]   # a chart's SVG -> its PNG
SCALE = 2                           # pictures at twice their size: sharp when printed


def _png(svg: str) -> bytes:
    return raster.png(svg, SCALE)


def _picture(container, chart: charts.Chart, picture: Pictures, room_mm: float = 178) -> None:
    """A chart as a picture, at its size or narrower to fit `room_mm` (a table cell less its margins)."""
    p = container.add_paragraph() if hasattr(container, "add_paragraph") else container
    p.add_run().add_picture(io.BytesIO(picture(chart.svg)), width=Mm(min(chart.width * PX_MM, room_mm)))


def chart_svgs(report: Report) -> list[str]:
    """Every chart of the report, in the order the Word file shows them (to draw them ahead)."""
    return [f.chart.svg for s in report.body + report.appendix for it in s.items if it.kind == "figures"
            for f in it.items]


def _figures(doc, figs: Figures, picture: Pictures) -> None:
    if figs.wide:  # each chart across the page
        for f in figs.items:
            _picture(doc, f.chart, picture)
            for n in f.notes:
                _para(doc, n)
        return
    items = list(figs.items)
    t = doc.add_table(rows=(len(items) + 1) // 2, cols=2)
    _fixed(t, [Mm(89), Mm(89)])
    for k, f in enumerate(items):
        cell = t.rows[k // 2].cells[k % 2]
        cell.width = Mm(89)
        _picture(cell.paragraphs[0], f.chart, picture, 89 - 4.5)  # (Word's cell margins: 1.9 mm each side)
        for n in f.notes:
            _para(cell, n)
    doc.add_paragraph()


def _items(doc, items, picture: Pictures) -> None:
    for it in items:
        if it.kind == "heading":
            _heading(doc, it.text, 2)
        elif it.kind == "para":
            _para(doc, it)
        elif it.kind == "bullets":
            for p in it.items:
                q = _styled(doc.add_paragraph(), "ListBullet")
                _runs(q, p.runs)
        elif it.kind == "grid":
            _grid(doc, it)
        elif it.kind == "figures":
            _figures(doc, it, picture)


def _field_char(p, kind: str) -> None:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    p.add_run()._r.append(el)


def _field_begin(p, instr: str) -> None:
    """A Word field's start and instruction (PAGE, NUMPAGES, TOC) in paragraph `p`; what follows, until
    the field's "end" mark, is shown until Word or WPS compute it."""
    _field_char(p, "begin")
    el = OxmlElement("w:instrText")
    el.set(qn("xml:space"), "preserve")
    el.text = f" {instr} "
    p.add_run()._r.append(el)
    _field_char(p, "separate")


def _field(p, instr: str, shown: str) -> None:
    """A Word field in paragraph `p` (PAGE, NUMPAGES): Word and WPS compute it; `shown` until they do."""
    _field_begin(p, instr)
    p.add_run(shown)
    _field_char(p, "end")


def _page_numbers(doc, lang: str) -> None:
    """Every page's foot: 第 N 页 / 共 M 页, or Page N of M, as the PDF has it."""
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = 1  # centred
    for kind, piece in page_parts(lang):  # "第 " PAGE " 页 / 共 " NUMPAGES " 页"
        if kind == "text":
            p.add_run(piece)
        else:
            _field(p, "PAGE" if piece == "page" else "NUMPAGES", "1")
    for r in p.runs:
        r.font.size, r.font.color.rgb = Pt(7.5), GREY


def _contents(doc, report: Report) -> None:
    """The table of contents as a Word field (TOC): Word and WPS add the page numbers when the field is
    updated (F9, or right-click → update field); until then it lists the headings as they are."""
    p = doc.add_paragraph()
    r = p.add_run(phrase("report.contents", report.lang))
    r.bold, r.font.size, r.font.color.rgb = True, Pt(13), BLUE
    entries = [heading for _, heading, _ in report.contents]
    first = doc.add_paragraph()
    _field_begin(first, 'TOC \\o "1-1" \\h \\z \\u')  # (a field over several paragraphs: ended after the last entry)
    last = first
    for k, heading in enumerate(entries):
        last = first if k == 0 else doc.add_paragraph()
        last.add_run(heading)
        last.paragraph_format.space_after = Pt(1)
    _field_char(last, "end")


def deterministic_zip(data: bytes) -> bytes:
    """An Office file (a zip: .docx, .xlsx) again with every entry dated 1980-01-01 and the same
    permissions, so that the same content is the same bytes whatever the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return deterministic_zip(buf.getvalue())


def report_docx(report: Report, picture: Pictures = _png) -> bytes:
    """The readiness report as a .docx: page 1 for leadership, the contents, then the body and the appendix.

    `picture` gives each chart's PNG (drawn here unless a `raster.Painter` drew them ahead, at `SCALE`)."""
    doc = _new(report.date, f"{report.city} {report.title}", report.lang)
    _page_numbers(doc, report.lang)
    _heading(doc, report.city, 0)
    p = doc.add_paragraph()
    r = p.add_run(report.title)
    r.font.size, r.bold = Pt(13), True
    doc.add_paragraph(report.subtitle).runs[0].font.color.rgb = GREY
    if report.whatif:  # before any verdict
        _para(doc, whatif_para(report.whatif, report.lang))
    for b in report.briefs:
        _heading(doc, b.title, 2)
        _para(doc, Para((Run(b.meta, "note"),)))
        head = doc.add_paragraph()
        _runs(head, (Run(f" {b.verdict_words} ", f"verdict v-{b.verdict}"),), 12)
        lead = head.add_run("  " + b.lead)
        lead.bold, lead.font.size = True, Pt(14)
        _para(doc, Para((Run(b.verdict_reason, "note"),)))
        for d in b.details:
            doc.add_paragraph(d)
        marks = {"gap": "▲ ", "nogap": "· ", "evidence": "? ", "met": "✔ ", "nomet": "· "}
        styles = {"gap": "s-fail", "nogap": "s-not_applicable", "evidence": "s-unknown", "met": "s-pass",
                  "nomet": "s-not_applicable"}
        for kind, m in b.messages:
            q = doc.add_paragraph()
            _runs(q, (Run(marks[kind], styles[kind]), Run(m)))
        if b.actions:
            _grid(doc, b.actions)
    doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    _contents(doc, report)
    for n in report.notes:
        _para(doc, Para((Run(n, "note"),)))
    _para(doc, Para((Run(report.footer, "note"),)))
    for k, s in enumerate(report.body + report.appendix):
        if s is report.appendix[0]:  # (the body follows the contents, as in the PDF; the appendix a new page)
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        _heading(doc, s.heading, 1)
        _items(doc, s.items, picture)
    return _bytes(doc)


def analysis_docx(d: Doc, lang: str, date: dt.date, picture: Pictures = _png) -> bytes:
    """A planning or comparison document (plan, progress, compare) as a .docx: its blocks written as the
    readiness report's are (`_items`)."""
    doc = _new(date, d.title, lang)
    _page_numbers(doc, lang)
    _heading(doc, d.title, 0)
    for m in d.meta:
        _para(doc, m, cls=m.cls or "note")
    for s in d.sections:
        _heading(doc, s.heading, 1)
        _items(doc, s.items, picture)
    if d.method:
        _heading(doc, phrase("explain.method", lang), 1)
        for m in d.method:
            _para(doc, m)
    return _bytes(doc)
