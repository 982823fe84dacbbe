"""The readiness report as HTML (jinja2) and PDF (weasyprint), from the engine's results.

Renders only: every figure comes from the result objects. jinja2 autoescapes everything,
so text from a fact file (a source title, a note) is text, never markup; weasyprint gets a
URL fetcher that refuses every URL, so nothing outside the document itself is ever read.
weasyprint is imported only when a PDF is asked for.
"""

from __future__ import annotations

import importlib
import io
import os
import re
import shutil
import subprocess
import sys
import warnings
from contextlib import contextmanager, redirect_stdout
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .worker import Worker

TEMPLATES = Path(__file__).resolve().parent / "templates"
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC")
INSTALL_HINT = ("no Chinese (CJK) font found: install one, e.g. `apt-get install fonts-noto-cjk` on Debian "
                "(setup.sh does), or Noto Sans CJK SC / Source Han Sans SC elsewhere")


class ReportError(RuntimeError):
    """The report cannot be made on this machine (one line saying what to install)."""


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, in the temporary folder (its own, checked against each template's
    source), so that a report does not compile its templates anew each run. A cache that cannot be read or
    written is passed over: the templates are compiled as without one."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # (a full disk, a folder made read-only)
            pass


def _bytecode_cache() -> _TemplateCache | None:
    """The template cache; none where its folder cannot be kept."""
    try:
        return _TemplateCache()
    except (OSError, RuntimeError):  # (jinja refuses a folder it cannot create or that is not the user's own)
        return None


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2", "svg"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      bytecode_cache=_bytecode_cache())
    from . import labels  # (here: the PDF's worker forks from this module before the engine is loaded)
    from .linebreak import name_pieces
    from .words import lang_tag, phrase
    env.globals.update(L=labels, pieces=name_pieces, page_counter_css=page_counter_css, phrase=phrase,
                       lang_tag=lang_tag)
    env.globals["html_runs"] = _runs
    env.globals["html_cell"] = _cell
    return env


def page_counter_css(lang: str) -> str:
    """The CSS content of the page footer, from the phrase book: "第 " counter(page) " 页 / 共 " counter(pages)…"""
    from .words import page_parts
    return " ".join(f"counter({piece})" if kind == "field" else '"' + piece.replace('"', '\\"') + '"'
                    for kind, piece in page_parts(lang))


def _kept(text: str, screen: bool, style: str | None = None):
    """One piece that must not break across lines: on a screen a span that does not wrap; on paper (the
    page weasyprint prints) the same written in characters (`linebreak.joined`), with no box of its own."""
    if not screen:
        from .linebreak import joined
        return joined(text)
    return Markup('<span class="%s">%s</span>') % ("nb" if style is None else f"nb {style}", text)


def _break(screen: bool):
    """Where a line may break between two kept pieces side by side."""
    return Markup("<wbr>") if screen else "\u200b"


def _figures(text: str, screen: bool) -> Markup:
    """`text` with each figure and its measure word kept on one line (`linebreak.numbers`): pango, like
    Unicode's rules, would break "2022 / 年" and "40 亿 / 元" in a narrow cell."""
    from .linebreak import numbers
    out, last = [], False
    for t, whole in numbers(text):
        out += ([_break(screen)] if last and whole else []) + [_kept(t, screen) if whole else t]
        last = whole
    return Markup("").join(out)


def _runs(rs, whole: bool = False, screen: bool = True) -> Markup:
    """A line of runs (`readiness.Run`) as HTML. A kept run, and with `whole` each figure with its measure
    word, never breaks across lines; two kept runs side by side may break between them. (On paper without
    a span each: weasyprint lays a page out the faster for every box fewer, 7 % of the Chinese Ningbo
    report's render.)"""
    out: list = []
    group: list = []  # on paper, neighbouring runs of one style share a span (a citation's pieces, say)
    for i, r in enumerate(rs):
        if r.keep and i and rs[i - 1].keep:
            (group if not screen and group and rs[i - 1].style == r.style else out).append(_break(screen))
        if r.keep and screen:  # (the span that keeps it whole carries its style)
            out.append(_kept(r.text, screen, r.style))
            continue
        text = _kept(r.text, screen) if r.keep else _figures(r.text, screen) if whole else r.text
        if screen or not r.style:
            out.append(Markup('<span class="%s">%s</span>') % (r.style, text) if r.style else escape(text))
            continue
        group.append(escape(text))
        if i + 1 == len(rs) or rs[i + 1].style != r.style:
            out.append(Markup('<span class="%s">%s</span>') % (r.style, Markup("").join(group)))
            group = []
    return Markup("").join(out)


def _cell(lines, screen: bool = True, blocks: bool = True, whole: bool = True) -> Markup:
    """A table cell's lines (`blocks.Cell.lines`), with `whole` each figure kept whole. With `blocks`, a line
    after the first that is all of one style (a criterion's lead unit and clause, in grey) is a block of that style; any
    other line follows a line break. (weasyprint lays a block out for less than a line break and a span:
    4 % of the Chinese Ningbo report's render.)"""
    out: list = []
    block = False  # the line before is a block: the next one starts on a line of its own already
    for i, line in enumerate(lines):
        styles = {r.style for r in line}
        if blocks and i and len(styles) == 1 and "" not in styles:
            plain = tuple(replace(r, style="") for r in line)
            out.append(Markup('<div class="%s">%s</div>') % (styles.pop(), _runs(plain, whole, screen)))
            block = True
            continue
        if i and not block:
            out.append(Markup("<br>"))
        out.append(_runs(line, whole, screen))
        block = False
    return Markup("").join(out)


def render_html(report, screen: bool = True) -> str:
    """The readiness report (`readiness.Report`) as one self-contained HTML page; `screen=False` for the page
    a PDF is printed from (without what only a screen uses: each cell's column heading for a phone)."""
    return _env().get_template("report.html.j2").render(report=report, lang=report.lang, screen=screen)


def render_analysis_html(doc, lang: str, screen: bool = True) -> str:
    """A planning or comparison document (`analysis.Doc`) as one self-contained HTML page, its blocks laid out
    as the readiness report's are (`templates/items.j2`)."""
    return _env().get_template("analysis.html.j2").render(doc=doc, lang=lang, screen=screen)


def cjk_font_available() -> bool:
    """True when fontconfig knows a font covering Chinese (what pango will draw Han with)."""
    fc = shutil.which("fc-list")
    if fc is None:
        return any(Path(p).exists() for p in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",))
    out = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return bool(out.strip())


@contextmanager
def _ldconfig_lookup():
    """While weasyprint loads pango and its kin, look shared libraries up in the ldconfig cache only.

    weasyprint tries several names for each library ('libgobject-2.0-0', 'gobject-2.0-0',
    'gobject-2.0', ...) through cffi, which asks ctypes.util.find_library; on Linux each name
    that is not in the ldconfig cache then runs gcc and ld (Kozea/WeasyPrint#1125): sixteen
    misses, 0.2 s of a report that has 2 s. Here `ldconfig -p` is read once and each name is
    matched as ctypes.util matches it. Outside Linux, or without ldconfig, nothing changes.
    """
    import ctypes.util

    ldconfig = "/sbin/ldconfig"
    if not sys.platform.startswith("linux") or not os.path.exists(ldconfig):
        yield
        return
    try:
        cache = subprocess.run([ldconfig, "-p"], capture_output=True, check=True, env={"LC_ALL": "C", "LANG": "C"},
                               timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        yield
        return
    machine = os.uname().machine + ("-64" if sys.maxsize > 2**32 else "-32")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")

    def find_library(name: str) -> str | None:
        found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({abi}"), cache)
        return os.fsdecode(found.group(1)) if found else None

    original = ctypes.util.find_library
    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = original


@contextmanager
def _quiet_weasyprint():
    """weasyprint's warnings (e.g. "No fonts configured in FontConfig") stay off stderr: ipcheck checks
    the fonts itself and says in its own one line what is missing."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _import_weasyprint():
    """weasyprint, imported with the quick library look-up; the standard one if that could not load it."""
    if "weasyprint" not in sys.modules:
        try:  # (weasyprint prints its installation help on a failed load: kept off stdout here)
            with redirect_stdout(io.StringIO()), _ldconfig_lookup(), _quiet_weasyprint():
                importlib.import_module("weasyprint")
        except OSError:  # a library the ldconfig cache does not list: let ctypes search as usual
            for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
                del sys.modules[name]
    with _quiet_weasyprint():
        return importlib.import_module("weasyprint")


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetchingError

    class RefusingFetcher(URLFetcher):
        """Refuses every URL: the report embeds all it shows (CSS and SVG inline, system fonts)."""

        def fetch(self, url, headers=None):  # noqa: ARG002 - weasyprint's signature
            raise URLFetchingError(f"ipcheck reports load no external resources (refused {url[:80]})")

    return RefusingFetcher()


def render_pdf(html: str) -> bytes:
    """The HTML report as PDF bytes; ReportError when no CJK font is installed."""
    if not cjk_font_available():
        raise ReportError(INSTALL_HINT)
    import logging

    HTML = _import_weasyprint().HTML
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    from .speedups import faster

    with _quiet_weasyprint(), faster():
        return HTML(string=html, base_url=str(TEMPLATES), url_fetcher=_fetcher()).write_pdf()


def _render_in_worker(html: str) -> bytes:
    return render_pdf(html)  # looked up when called, so the worker uses this module's render_pdf


class Renderer:
    """A PDF renderer in a forked process that imports weasyprint while the caller evaluates.

    weasyprint takes about half a second to import; started first, the import overlaps the
    evaluation and the HTML rendering on the second core, and the rendering overlaps the
    text output.
    """

    def __init__(self) -> None:
        self._worker = Worker(_import_weasyprint)

    def submit(self, html: str):
        """Start rendering; `.get()` on the result waits for the PDF bytes (or raises its error)."""
        return self._worker.submit(_render_in_worker, html)

    def close(self) -> None:
        """Stop the rendering process (an unfinished rendering is abandoned)."""
        self._worker.close()
