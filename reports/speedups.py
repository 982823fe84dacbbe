"""What ipcheck does to weasyprint to make a report's PDF sooner: written for weasyprint 70, which
pyproject.toml pins (`weasyprint>=70,<71`; constraints.txt 70.0).

Each is kept for the figure it buys, measured as instructions counted by `valgrind --tool=callgrind`
over one render of the Chinese Ningbo report's print HTML (about 8.3 G for the whole process, 2026-12-07),
the run with every speed-up against the same run without that one; each that reaches into weasyprint
or pydyf checks that what it replaces is there and is what it mirrors, and otherwise leaves it alone.
`faster()` applies them all for one render.

Dropped (2026-12-07): subsetting the fonts two at a time in threads while the PDF is written. It saved
no instructions (8.335 G without it against 8.348 G with it), only wall time when a second core is idle
(about 6 % of a render, measured by an earlier session), for a copy of weasyprint's private font loop.
"""

from __future__ import annotations

import gc
import re
import sys
import zlib
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from math import inf


@contextmanager
def faster() -> Iterator[None]:
    """All of the below, for one render."""
    with ExitStack() as stack:
        for speedup in (parser_regex_cache, fewer_collections, svg_text_whole, quicker_compression):
            stack.enter_context(speedup())
        yield


# tinyhtml5's cache key, reproduced (remove _RegexCache once it prints [('<', False)]):
# python -c "import tinyhtml5.inputstream as s;s.HTMLInputStream('<').chars_until('<');print([*s.characters_until_regex])"  # noqa: E501
class _RegexCache(dict):
    """tinyhtml5's cache of the patterns `HTMLInputStream.chars_until` looks for, filled under the key it looks up.

    tinyhtml5 (2.1.0) stores each pattern under the compiled pattern instead of the characters it was
    made for (`characters = cache[(characters, opposite)] = regex` assigns `characters` first), so it
    never finds one and builds the pattern anew for every run of text: about 4,000 times for a report.
    Here a missing key is built as tinyhtml5 builds it, and kept under that key. Remove it once the
    reproduction above the class prints `[('<', False)]` instead of `[(re.compile('[^\\x3c]+'), False)]`."""

    def __missing__(self, key):
        characters, opposite = key
        regex = "".join(f"\\x{ord(character):02x}" for character in characters)
        regex = re.compile(f"[{regex if opposite else '^' + regex}]+")
        self[key] = regex
        return regex


@contextmanager
def parser_regex_cache() -> Iterator[None]:
    """While weasyprint parses the HTML, tinyhtml5 finds the patterns it made before (`_RegexCache`)."""
    stream = sys.modules.get("tinyhtml5.inputstream")
    original = getattr(stream, "characters_until_regex", None)
    if not isinstance(original, dict):
        yield
        return
    stream.characters_until_regex = _RegexCache()
    try:
        yield
    finally:
        stream.characters_until_regex = original


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run Python's cyclic garbage collector less often while weasyprint lays out a report.

    weasyprint makes hundreds of thousands of small objects; with the default threshold
    (a collection every 700 allocations) collecting took about an eighth of a render. The
    objects alive before the render (modules, weasyprint's own stylesheet) are frozen out
    of the scans; afterwards everything is as it was. Peak memory did not change (170 MiB).
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


# What makes a text node "simple": one position, nothing set letter by letter, the baseline where SVG puts it.
_PER_LETTER = ("dx", "dy", "rotate", "textLength", "lengthAdjust", "letter-spacing", "display-anchor",
               "dominant-baseline", "alignment-baseline")


@contextmanager
def svg_text_whole() -> Iterator[None]:
    """A chart's label is laid out and drawn as one piece of text, not letter by letter.

    weasyprint (70) lays out and draws every letter of an SVG <text> on its own, to honour positions given
    letter by letter: each of a report's ~340 letters of chart labels cost two Pango layouts. A label that
    gives one position and nothing per letter (all of ipcheck's: `charts.Chart.text`) is laid out once
    here, as `svg.text.text` does for its first letter: the same place, size, colour, anchor and bounding
    box; the glyphs follow HarfBuzz's advances instead of each letter's own (the pages rendered at 100 dpi
    differ by a few pixels, in a chart title's kerning), and the label is copied out of the PDF as one
    word. Buys 0.147 G instructions (8.496 G without it, 8.348 G with it): 1.8 % of the whole run,
    about 2 % of the render. Kept although it mirrors weasyprint's private `svg.text.text`: without it a
    label's text copied out of the PDF loses its spaces ("目标 650（2022）" reads "目标650（2022）"), and
    the pin keeps the code it mirrors still. Any other node goes to weasyprint's own drawing."""
    svg = sys.modules.get("weasyprint.svg")
    text_module = sys.modules.get("weasyprint.svg.text")
    original = getattr(text_module, "text", None)
    if (svg is None or original is None or getattr(svg, "text", None) is not original
            or svg.TAGS.get("text") is not original or svg.TAGS.get("tspan") is not original
            or not all(hasattr(text_module, n) for n in ("Style", "TextBox", "normalize", "size"))):
        yield
        return

    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.text.line_break import split_first_line

    normalize, size = text_module.normalize, text_module.size

    def text(drawing, node, font_size):
        xs = normalize(node.attrib.get("x", "")).split()
        ys = normalize(node.attrib.get("y", "")).split()
        if not node.text or len(xs) > 1 or len(ys) > 1 or any(k in node.attrib for k in _PER_LETTER):
            return original(drawing, node, font_size)
        style = text_module.Style()  # as in svg.text.text
        style.update(INITIAL_VALUES)
        style.font_config = drawing.font_config
        style["font_family"] = [font.strip("\"'") for font in node.get("font-family", "sans-serif").split(",")]
        style["font_style"] = node.get("font-style", "normal")
        style["font_size"] = font_size
        if node.get("direction") in ("ltr", "rtl"):
            style["direction"] = node.get("direction")
        weight = node.get("font-weight", 400)
        weight = {"normal": 400, "bold": 700}.get(weight, weight)
        try:
            style["font_weight"] = int(weight)
        except ValueError:
            style["font_weight"] = 400
        layout, _, _, width, height, baseline = split_first_line(node.text, style, drawing.context, inf, 0)
        # The position (and the cursor after the text), as svg.text.text places its first letter.
        if xs:
            drawing.cursor_d_position[0] = 0
        if ys:
            drawing.cursor_d_position[1] = 0
        x = size(xs[0], font_size, drawing.inner_width) if xs else drawing.cursor_position[0]
        y = size(ys[0], font_size, drawing.inner_height) if ys else drawing.cursor_position[1]
        drawing.cursor_position = x + width, y
        x_position, y_position = x + drawing.cursor_d_position[0], y + drawing.cursor_d_position[1]
        node.text_bounding_box = extend_bounding_box(node.text_bounding_box, (
            (x_position, y_position - baseline), (x_position + width, y_position - baseline + height)))
        drawing.stream.push_state()
        fill, stroke = drawing.set_graphical_state(node, font_size)
        drawing.stream.begin_text()
        layout.reactivate(style)
        drawing.fill_stroke(fill, stroke, text=True)
        box = text_module.TextBox(layout, style)
        box.baseline = baseline
        emojis = draw_first_line(drawing.stream, box, "none", "none", Matrix(a=1, d=-1, e=x_position, f=y_position))
        drawing.stream.end_text()
        drawing.stream.pop_state()
        draw_emojis(drawing.stream, style, x, y, emojis)

    # svg.draw_node finds a text node's drawing in TAGS and tells text from other nodes by `svg.text`
    svg.text = svg.TAGS["text"] = svg.TAGS["tspan"] = text
    try:
        yield
    finally:
        svg.text = svg.TAGS["text"] = svg.TAGS["tspan"] = original


class _Level6:
    """zlib as pydyf sees it, compressing at level 6 where pydyf asks for 9."""
    compress = staticmethod(zlib.compress)

    @staticmethod
    def compressobj(level: int = -1, *args, **kwargs):  # noqa: ARG004 - pydyf's call
        return zlib.compressobj(6, *args, **kwargs)


@contextmanager
def quicker_compression() -> Iterator[None]:
    """The PDF's streams compressed at zlib's level 6 instead of pydyf's 9: a Ningbo report is 0.3 % larger
    (483 kB instead of 482 kB) and its render 2 % shorter. The PDF is as deterministic as before."""
    pydyf = sys.modules.get("pydyf")
    if pydyf is None or getattr(pydyf, "zlib", None) is not zlib:
        yield
        return
    pydyf.zlib = _Level6
    try:
        yield
    finally:
        pydyf.zlib = zlib
