"""A plan document on disk (.txt, .html, .docx, .pdf) as plain text in simplified characters.

What the plan reader (`engine.planread`) reads is text: this module is the one place that
opens plan files. A government page or attachment is often GB2312/GBK/GB18030: an HTML page
is decoded by the charset it declares, else (like a .txt that is not UTF-8) by the
charset-normalizer detector. Tables become a row per line, cells separated by tabs, in the
order they stand in the document. Traditional characters become simplified with OpenCC.

Anything that is not a plan document this can read is an `InputError` of one line in the
user's language (a scanned PDF, an old .doc or .wps file, a file too big, an encoding that
cannot be told); nothing is guessed.
"""

from __future__ import annotations

import io
import os
import re
import stat
import warnings
import zipfile
from functools import lru_cache
from pathlib import Path

from ..engine.errors import InputError
from ..reports.words import phrase

MAX_PLAN_BYTES = 20 * 1024 * 1024   # a 30-page plan is well under 1 MB as text or .docx, a few MB as PDF
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 500
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
OLD_FORMATS = (".doc", ".wps", ".rtf", ".dot", ".wpt", ".odt", ".xls", ".et")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\x84\x31\x95\x33", "gb18030"), (b"\xff\xfe", "utf-16-le"),
         (b"\xfe\xff", "utf-16-be"))
_NOT_WORD = (("xl/workbook.xml", "workbook"), ("ppt/presentation.xml", "slides"), ("content.xml", "odf"))
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # an old Office (.doc, .wps, .xls) compound file
_CHINESE = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "hz", "utf_16", "utf_16_le", "utf_16_be",
            "utf_32", "utf_8")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
          "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul"}
# a line that starts a numbered part or item (一、 （二） 3. 第四条): a paragraph of its own, never a wrapped line
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、)）．]|\.(?!\d))"
                       r"|第[一二三四五六七八九十百]+[章节条部分])")
# characters that show nothing or steer the terminal: controls (a tab and a line break aside), zero-width
# spaces and joiners, a byte-order mark left mid-file, bidirectional overrides; a form feed, a line or a
# paragraph separator ends a line
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SKIP = {"script", "style", "noscript", "template", "head", "iframe", "object", "svg", "select", "button", "-comment"}


def _say(code: str, lang: str, **args: object) -> str:
    return phrase(code, lang, **args)


def _error(path: str, code: str, lang: str, **args: object) -> InputError:
    return InputError(path, 0, 0, _say(code, lang, **args))


def _read(path: str, lang: str) -> bytes:
    """The file's bytes: a regular file, at most MAX_PLAN_BYTES (checked before anything is read)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _error(path, "draft.err.no_file", lang) from None
    except OSError as exc:
        raise _error(path, "draft.err.cannot_read", lang, why=exc.strerror or exc) from None
    if not stat.S_ISREG(st.st_mode):
        raise _error(path, "draft.err.not_a_file", lang)
    if st.st_size > MAX_PLAN_BYTES:
        raise _error(path, "draft.err.too_big", lang, size=f"{st.st_size:,}", limit=f"{MAX_PLAN_BYTES:,}")
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_PLAN_BYTES + 1)
    except OSError as exc:
        raise _error(path, "draft.err.cannot_read", lang, why=exc.strerror or exc) from None


def _codec(name: str) -> str | None:
    """Python's name for a declared or detected charset; GB2312 and GBK are read as GB18030, their superset."""
    import codecs
    try:
        found = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "gb18030" if found in ("gb2312", "gbk", "gb18030", "hz") and found != "hz" else found


def decode(path: str, data: bytes, lang: str, declared: str | None = None) -> str:
    """Bytes as text: UTF-8 (with or without BOM), the declared charset, else what charset-normalizer finds."""
    for bom, codec in _BOMS:  # a byte-order mark says the encoding outright: nothing to guess
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        codec = _codec(declared)
        if codec and codec != "utf-8":
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass  # a page that lies about its charset: let the detector look
    from charset_normalizer import from_bytes
    best = from_bytes(data, cp_isolation=list(_CHINESE)).best()
    codec = _codec(best.encoding) if best is not None else None
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            text = ""
        if _CJK.search(text):
            return text
    raise _error(path, "draft.err.encoding", lang)


# ---------------------------------------------------------------- HTML


def _html_text(data: bytes, path: str, lang: str) -> str:
    """A saved government page as text: blocks a line each, each table row a line of tab-separated cells."""
    from selectolax.lexbor import LexborHTMLParser
    m = _CHARSET.search(data[:8192])
    text = decode(path, data, lang, m.group(1).decode("ascii", "replace") if m else None)
    tree = LexborHTMLParser(text)
    out: list[str] = []
    _walk(tree.root, out)
    return "".join(out)


def _walk(root, out: list[str]) -> None:
    """Append a node's text: inline text runs on, a block ends its line, a table row is cells joined by tabs.

    Walked with a stack, not by recursion: a page nested thousands of elements deep is read like any other.
    A row that lays the page out (a cell holding a table or a heading, or a row of one cell) is not a
    row of figures: its cells are read as blocks, so a table nested in it keeps its own rows."""
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            _new_line(out)
            continue
        tag = node.tag
        if tag in _SKIP:
            continue
        if tag == "-text":
            out.append(re.sub(r"[ \t\r\n\f]+", " ", node.text_content or ""))
            continue
        if tag == "tr" and not _layout_row(node):
            cells = []
            for cell in node.iter():
                if cell.tag in ("td", "th"):
                    parts: list[str] = []
                    _walk_children(cell, parts)
                    cells.append(" ".join(" ".join(parts).split()))
            _new_line(out)
            out.append("\t".join(cells) + "\n")
            continue
        if tag in _BLOCK or tag in ("td", "th"):
            _new_line(out)
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack += [(c, False) for c in reversed(children)]


def _layout_row(tr) -> bool:
    """Whether a table row lays a page out rather than holding figures: one cell, or a cell with a table or heading."""
    cells = [c for c in tr.iter() if c.tag in ("td", "th")]
    return len(cells) == 1 or any(c.css_first("table, h1, h2, h3, h4, h5, h6") is not None for c in cells)


def _new_line(out: list[str]) -> None:
    """End the line being written, if one is (a block starts on its own line; no empty lines are made)."""
    for piece in reversed(out):
        if piece.strip(" "):
            if not piece.endswith("\n"):
                out.append("\n")
            return
        if "\n" in piece:
            return


def _walk_children(node, out: list[str]) -> None:
    child = node.child
    while child is not None:
        _walk(child, out)
        child = child.next


# ---------------------------------------------------------------- Word, PDF


def _docx_text(data: bytes, path: str, lang: str) -> str:
    """A .docx as text: its paragraphs and tables in document order, a table row per line (cells by tabs)."""
    _check_zip(data, path, lang)
    import docx
    from docx.table import Table
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged file; each is one line for the user
        why = re.sub(r"\s*'?<[^<>]* at 0x[0-9a-fA-F]+>'?", "", f"{type(exc).__name__}: {exc}")  # no address
        raise _error(path, "draft.err.damaged", lang, what=".docx", why=why) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += _table_rows(block)
        else:
            lines.append(_para_text(block))
    return "\n".join(lines)


# a paragraph's text as it reads with its tracked changes accepted: inserted runs (w:ins) and links in,
# deleted and moved-away runs out; a text box's own paragraphs are not this paragraph's
_RUN_TEXT = ("./w:r/*[self::w:t or self::w:tab or self::w:br or self::w:cr]"
             " | .//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)"
             " and not(parent::w:p)]/*[self::w:t or self::w:tab or self::w:br or self::w:cr]")


def _para_text(paragraph) -> str:
    """A Word paragraph's text, a tracked insertion included (python-docx's `.text` leaves it out)."""
    out = []
    for el in paragraph._p.xpath(_RUN_TEXT):
        tag = el.tag.rsplit("}", 1)[-1]
        out.append(el.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
    return "".join(out)


def _table_rows(table) -> list[str]:
    """A Word table a row per line; a merged cell (which python-docx repeats) once; a nested table's rows after."""
    rows = []
    for row in table.rows:
        seen, cells, nested = set(), [], []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts = [_para_text(p).strip() for p in cell.paragraphs]
            cells.append(" ".join(t for t in texts if t))
            for inner in cell.tables:
                nested += _table_rows(inner)
        rows.append("\t".join(cells))
        rows += nested
    return rows


def _check_zip(data: bytes, path: str, lang: str) -> None:
    if data[:8] == _OLE:
        raise _error(path, "draft.err.old_format", lang)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _error(path, "draft.err.damaged", lang, what=".docx", why=str(exc)) from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise _error(path, "draft.err.damaged", lang, what=".docx", why=f"unpacks to more than {MAX_UNPACKED_BYTES:,}")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:  # a workbook, a presentation or another zip given a .docx name
        kind = next((k for part, k in _NOT_WORD if part in names), "other")
        raise _error(path, "draft.err.not_word", lang, what=_say(f"draft.err.not_word.{kind}", lang))


def _pdf_text(data: bytes, path: str, lang: str) -> str:
    """A PDF's text layer, page after page; a PDF without one (a scan) is refused: OCR comes first."""
    if not data.startswith(b"%PDF"):
        raise _error(path, "draft.err.damaged", lang, what="PDF", why="no %PDF header")
    import logging

    import pdfplumber
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[tuple[str, bool, bool]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                if len(pdf.pages) > MAX_PDF_PAGES:
                    raise _error(path, "draft.err.too_many_pages", lang, n=len(pdf.pages), limit=MAX_PDF_PAGES)
                for page in pdf.pages:
                    pages += _page_lines(page)
                    page.close()
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged or encrypted file
        raise _error(path, "draft.err.damaged", lang, what="PDF", why=f"{type(exc).__name__}: {exc}") from None
    text = _joined(pages)
    if len(_CJK.findall(text)) < 20:
        raise _error(path, "draft.err.no_text_layer", lang)
    return text


def _page_lines(page) -> list[tuple[str, bool, bool]]:
    """A PDF page's lines in reading order, each with whether it runs on into the next line and whether it
    starts a paragraph.

    A ruled table is read as a table (a row per line, its cells by tabs, a cell's wrapped lines
    put back together); the text around it line by line, where a line that reaches the right edge
    of the text is a paragraph wrapped by the layout, not the end of one. A page set in two columns
    is read column by column: between lines that cross the gutter (a heading), the left column
    first, then the right, never a line of one column run into the line beside it."""
    tables = page.find_tables()
    rest = page
    for t in tables:
        rest = rest.outside_bbox(t.bbox)
    lines = rest.extract_text_lines(x_tolerance=1, return_chars=True)  # 1, not 3: words in a row stay apart
    gutter = _gutter(lines, page.width)
    items: list[tuple[tuple[float, int, float, int], str, bool, bool]] = []
    if gutter is None:
        items += [((ln["top"], 0, 0.0, 0), *rest_) for ln, rest_ in zip(lines, _line_items(lines, page.width))]
    else:
        bands = _bands(lines, gutter)
        crossing = {_key(c) for _, _, ln in bands if ln is not None for c in ln["chars"]}
        for top, bottom, spanning in bands:
            if spanning is not None:
                items += [((top, 0, 0.0, 0), *_line_items([spanning], page.width)[0])]
                continue
            for col, (x0, x1) in enumerate(((page.bbox[0], gutter), (gutter, page.bbox[2]))):
                def inside(obj, x0=x0, x1=x1, top=top, bottom=bottom) -> bool:
                    if obj.get("object_type") != "char":
                        return True
                    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                    return x0 <= x < x1 and top <= y < bottom and _key(obj) not in crossing
                col_lines = rest.filter(inside).extract_text_lines(x_tolerance=1, return_chars=True)
                said = _line_items(col_lines, x1 - x0)
                items += [((top, col, ln["top"], 0), *it) for ln, it in zip(col_lines, said)]
    for t in tables:
        for i, row in enumerate(t.extract(x_tolerance=1)):
            cells = ["".join((c or "").split("\n")).strip() for c in row]
            items.append(((t.bbox[1], 0, 0.0, i + 1), "\t".join(cells), False, True))
    return [(text, runs_on, starts) for _, text, runs_on, starts in sorted(items, key=lambda x: x[0])]


def _line_items(lines: list[dict], width: float) -> list[tuple[str, bool, bool]]:
    """Each line's text, whether it runs on (it reaches the right edge of the text) and whether it is indented."""
    right = max((ln["x1"] for ln in lines), default=0.0)
    left = min((ln["x0"] for ln in lines), default=0.0)
    out = []
    for ln in lines:
        size = ln["chars"][0]["size"] if ln["chars"] else 10
        # within 2.5 characters of the right edge: wrapped (a CJK line may stop short of the edge
        # rather than start a line with punctuation); an indented line starts a paragraph
        runs_on = right - left > width * 0.35 and ln["x1"] >= right - 2.5 * size
        cells = _cells(ln)
        if len(cells) > 1:  # a row of a table without rules: its cells apart, a line of its own
            out.append(("\t".join(cells), False, True))
        else:
            out.append((ln["text"], runs_on, ln["x0"] > left + 1.5 * size))
    return out


def _cells(ln: dict) -> list[str]:
    """The texts of a line's runs of characters (apart by at most 1.2 of their size): the cells of a table row
    set without rules, or the line's one run."""
    cells: list[list] = []
    for c in sorted((c for c in ln["chars"] if c["text"].strip()), key=lambda c: c["x0"]):
        if cells and c["x0"] - cells[-1][1] <= 1.2 * c["size"]:  # prose never leaves more than a blank character
            last = cells[-1]
            gap = " " if c["x0"] - last[1] > 1 and last[0][-1:].isascii() and c["text"].isascii() else ""
            last[0], last[1] = last[0] + gap + c["text"], max(last[1], c["x1"])
        else:
            cells.append([c["text"], c["x1"]])
    return [text for text, _ in cells]


def _gutter(lines: list[dict], width: float) -> float | None:
    """The x of the gap between two columns of text, or None for a page in one column.

    Two columns: at least three runs of text as wide as 0.3 of the page end left of a line x in the middle
    half of the page and at least three begin right of it, and at most a fifth of the lines cross it
    (a heading across both columns). A table without rules has narrow cells right of its first column."""
    runs = [r for ln in lines for r in _runs(ln) if r[1] - r[0] >= 0.3 * width]
    mid = [r for r in runs if r[1] <= width / 2 or r[0] >= width / 2]
    left = [r[1] for r in mid if r[1] <= width / 2]
    right = [r[0] for r in mid if r[0] >= width / 2]
    if len(left) < 3 or len(right) < 3:
        return None
    gutter = (max(left) + min(right)) / 2
    if not (max(left) < min(right) and width * 0.25 < gutter < width * 0.75):
        return None
    crossing = sum(1 for ln in lines if any(r[0] < gutter < r[1] for r in _runs(ln)))
    return gutter if crossing * 5 <= len(lines) else None


def _runs(ln: dict) -> list[tuple[float, float, int]]:
    """A line's runs of text (x0, x1, characters): characters apart by less than one and a half of their size."""
    out: list[list] = []
    for c in sorted((c for c in ln["chars"] if c["text"].strip()), key=lambda c: c["x0"]):
        if out and c["x0"] - out[-1][1] <= 1.5 * c["size"]:
            out[-1][1], out[-1][2] = max(out[-1][1], c["x1"]), out[-1][2] + 1
        else:
            out.append([c["x0"], c["x1"], 1])
    return [(a, b, n) for a, b, n in out]


def _key(char: dict) -> tuple:
    return (char["text"], round(char["x0"], 2), round(char["top"], 2))


def _bands(lines: list[dict], gutter: float) -> list[tuple[float, float, dict | None]]:
    """The page cut at each line that crosses the gutter: (top, bottom, that line) for the line itself,
    (top, bottom, None) for the two-column stretch between such lines."""
    out: list[tuple[float, float, dict | None]] = []
    top = float("-inf")
    for ln in sorted(lines, key=lambda x: x["top"]):
        if any(r[0] < gutter < r[1] for r in _runs(ln)):
            out.append((top, ln["top"], None))
            out.append((ln["top"], ln["bottom"], ln))
            top = ln["bottom"]
    out.append((top, float("inf"), None))
    return out


def _joined(lines: list[tuple[str, bool, bool]]) -> str:
    """Lines put back into paragraphs: a line that runs on is joined to the next (with a space between Latin
    words), unless the next starts a paragraph (indented, or a table row)."""
    out: list[str] = []
    runs_on = False
    for text, more, starts in lines:
        if runs_on and out and not starts and not _NUMBERED.match(text):
            prev = out[-1]
            gap = " " if prev[-1:].isascii() and prev[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum() \
                else ""
            out[-1] = prev + gap + text
        else:
            out.append(text)
        runs_on = more
    return "\n".join(out)


# ---------------------------------------------------------------- simplified characters


@lru_cache(maxsize=1)
def _t2s():
    import opencc
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text in simplified characters (OpenCC t2s); a text already simplified is returned unchanged.

    Only a text that OpenCC changes in a noticeable share of its characters (over 1 in 200 Chinese
    characters) is converted: a simplified plan is left as it is, so that no word of it is re-spelt."""
    cjk = len(_CJK.findall(text))
    if not cjk:
        return text
    converted = _t2s().convert(text)
    changed = sum(1 for a, b in zip(text, converted) if a != b) if len(converted) == len(text) else cjk
    return converted if changed * 200 > cjk else text


def plan_text(path: Path | str, lang: str = "zh") -> str:
    """The plan document at `path` as plain text in simplified characters (InputError: one line, why not)."""
    name = str(path)
    suffix = Path(name).suffix.lower()
    if suffix in OLD_FORMATS:
        raise _error(name, "draft.err.old_format", lang)
    if suffix not in SUFFIXES:
        raise _error(name, "draft.err.suffix", lang, suffixes=" ".join(SUFFIXES))
    data = _read(name, lang)
    if data[:8] == _OLE:
        raise _error(name, "draft.err.old_format", lang)
    if suffix == ".docx":
        text = _docx_text(data, name, lang)
    elif suffix == ".pdf":
        text = _pdf_text(data, name, lang)
    elif suffix in (".html", ".htm"):
        text = _html_text(data, name, lang)
    else:
        text = decode(name, data, lang)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    text = _INVISIBLE.sub("", _BREAKS.sub("\n", text))
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return simplified(text)
