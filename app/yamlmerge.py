"""Adding facts and sources to a city file without rewriting it (ruamel.yaml's round trip).

The file keeps its comments, key order, flow or block style and blank lines: new sources go
at the end of `sources`, a new indicator at the end of `facts`, a new year in year order. A
comment or blank line that closed the mapping an entry is appended to moves below the entry,
so it still closes it. A replaced fact is changed in place. Afterwards every comment of the
old text must still be there, in order (and, unless something was replaced, every line):
a check, not a hope.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

import yaml as pyyaml

from ..engine.errors import InputError
from ..reports.words import say


@dataclass
class Edits:
    """What to change: sources to add, facts to set, attributes to add to existing facts."""
    sources: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    facts: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)   # added or replaced
    attributes: list[tuple[str, int, str, str]] = field(default_factory=list)    # indicator, year, name, value
    changes_existing: bool = False   # a fact is replaced, or an existing fact gains an attribute

    def __bool__(self) -> bool:
        return bool(self.sources or self.facts or self.attributes)


def _scalar(v: Any) -> Any:
    """A string the way the file's own reader will read it back: quoted when it would otherwise read as yes/no,
    a number or a date."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString
    if isinstance(v, str):
        try:
            back = pyyaml.safe_load(v)
        except pyyaml.YAMLError:
            back = None
        if back != v or "\n" in v:
            return DoubleQuotedScalarString(v)
    return v


def _flow(items: dict[str, Any]):
    from ruamel.yaml.comments import CommentedMap
    cm = CommentedMap()
    for k, v in items.items():
        cm[k] = _flow(v) if isinstance(v, dict) else v if k == "value" else _scalar(v)
    cm.fa.set_flow_style()
    return cm


def _tail(node: Any) -> tuple[Any, Any] | None:
    """The (mapping, key) whose trailing comment ends a block mapping's text."""
    from ruamel.yaml.comments import CommentedMap
    while isinstance(node, CommentedMap) and len(node) and not node.fa.flow_style():
        key = list(node)[-1]
        if isinstance(node[key], CommentedMap) and len(node[key]) and not node[key].fa.flow_style():
            node = node[key]
            continue
        return node, key
    return None


def _append(parent: Any, key: Any, value: Any, position: int | None = None) -> None:
    """Add `key: value` to a block mapping (at the end, or at `position`), moving what closed the mapping below it."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken
    at_end = position is None or position >= len(parent)
    old = _tail(parent) if at_end and len(parent) else None
    if at_end:
        parent[key] = value
    else:
        parent.insert(position, key, value)
    if old is None:
        return
    holder, k = old
    items = holder.ca.items.get(k)
    if not items or len(items) < 3 or items[2] is None:
        return
    text = items[2].value
    if text.startswith("#"):  # the old last line's own comment stays on it
        cut = text.index("\n") + 1 if "\n" in text else len(text)
        items[2].value, moved = text[:cut], "\n" + text[cut:]
    else:
        items[2], moved = None, text
    if moved.strip("\n") or moved.count("\n") > 1:
        new_holder, new_key = _tail(value) or (parent, key)
        new_holder.ca.items.setdefault(new_key, [None, None, None, None])[2] = CommentToken(moved, CommentMark(0), None)


_COMMENT = re.compile(r"(?:^|\s)(#.*)$")


def _comments(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        m = _COMMENT.search(line)
        if m:
            out.append(m.group(1).rstrip())
    return out


def _subsequence(small: list[str], big: list[str]) -> int | None:  # noqa: D401
    """The index in `small` of the first item not found, in order, in `big`; None when all are."""
    it = iter(big)
    for i, s in enumerate(small):
        if not any(s == b for b in it):
            return i
    return None


def _inserted_only(old: list[str], new: list[str], opened: str | None) -> bool:
    """Whether every old line is still in the new text, in order (`facts: {}` may have opened up): linear."""
    j = 0
    for line in old:
        want = (line, opened) if opened and line == opened + " {}" else (line,)
        while j < len(new) and new[j] not in want:
            j += 1
        if j == len(new):
            return False
        j += 1
    return True


def _changed_line(old: list[str], new: list[str], opened: str | None) -> int | None:
    """The index of the first old line the new text changes, or None when it only inserts lines.

    A long plain value folded over lines may be folded at other spaces (ruamel.yaml folds by its
    own rule): that is the same text and counts as unchanged; so does `facts: {}` opened up.
    The common case (lines only inserted) is settled in one pass; only a file whose lines did
    move is compared line by line with difflib."""
    if _inserted_only(old, new, opened):
        return None
    import difflib
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op in ("equal", "insert"):
            continue
        was = " ".join(x.strip() for x in old[i1:i2])
        if op == "replace" and any(was in (" ".join(x.strip() for x in new[j1:j1 + k]),
                                           " ".join(x.strip() for x in new[j2 - k:j2])) for k in range(1, j2 - j1 + 1)):
            continue  # the same text folded otherwise, with new lines before or after it
        if op == "replace" and opened and old[i1:i2] == [opened + " {}"] and opened in (x.rstrip() for x in new[j1:j2]):
            continue
        return i1
    return None


_KEY = re.compile(r"^( *)[^\s#-][^:#]*:(\s|$)")


def _layout(src: str) -> tuple[int, bool, bool]:
    """The file's layout the writer must repeat: its indentation step, a `---` start and a `...` end."""
    indent = 2
    for line in src.splitlines():
        m = _KEY.match(line)
        if m and m.group(1):
            indent = len(m.group(1))
            break
    lines = [x.rstrip() for x in src.splitlines() if x.strip() and not x.lstrip().startswith("#")]
    return indent, bool(lines) and lines[0].startswith("---"), bool(lines) and lines[-1] == "..."


def _flow_parent(doc: Any, edits: Edits) -> str | None:
    """The mapping written in flow style ({...}) that an edit would have to grow, if any."""
    from ruamel.yaml.comments import CommentedMap

    def flow(node: Any) -> bool:
        return isinstance(node, CommentedMap) and bool(node.fa.flow_style()) and len(node) > 0

    if edits.sources and flow(doc.get("sources")):
        return "sources"
    facts = doc.get("facts")
    if (edits.facts or edits.attributes) and flow(facts) and (edits.facts and any(
            ind not in facts for ind, _, _ in edits.facts)):
        return "facts"
    for ind, year, _ in edits.facts:
        if isinstance(facts, CommentedMap) and flow(facts.get(ind)) and year not in facts[ind]:
            return f"facts: {ind}"
    return None


def merge(name: str, text: str, edits: Edits, lang: str = "en") -> str:
    """The city file's text with `edits` applied, everything else as it was (its indentation, `---`, line ends).

    A mapping written in flow style that would have to grow is refused (in `lang`), never rewritten."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    bom = text.startswith("\ufeff")
    src = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    rt = YAML(typ="rt")
    rt.width = 4096  # never fold a long line
    rt.preserve_quotes = True
    indent, start, end = _layout(src)
    rt.indent(mapping=indent, sequence=indent + 2, offset=indent)
    rt.explicit_start, rt.explicit_end = start, end
    # ipcheck's reader refuses anchors and aliases: two new sources read on the same day share
    # one date object, which the writer would otherwise emit as &id001 / *id001
    rt.representer.ignore_aliases = lambda data: True
    doc = rt.load(src)
    grown = _flow_parent(doc, edits)
    if grown is not None:
        raise InputError(name, 0, 0, say("merge.flow", lang, key=grown))
    for key, fields in edits.sources:
        block = CommentedMap()
        for k, v in fields.items():
            block[k] = _scalar(v)
        _append(doc["sources"], key, block)
    facts = doc.get("facts")
    if facts is None and (edits.facts or edits.attributes):
        facts = CommentedMap()
        _append(doc, "facts", facts)
    opened = facts is not None and (facts.fa.flow_style() or not len(facts))  # `facts: {}` becomes `facts:`
    if opened:
        facts.fa.set_block_style()
    for ind, year, fields in edits.facts:
        years = facts.get(ind)
        if years is None:
            years = CommentedMap()
            _append(facts, ind, years)
        if years.fa.flow_style() and not len(years):
            years.fa.set_block_style()
        current = years.get(year)
        if isinstance(current, CommentedMap):  # replace in place: its comments and style stay
            for k in [k for k in current if k not in fields]:
                del current[k]
            for k, v in fields.items():
                current[k] = _flow(v) if isinstance(v, dict) else v if k == "value" else _scalar(v)
        else:
            _append(years, year, _flow(fields), sum(1 for y in years if isinstance(y, int) and y < year))
    for ind, year, attr, value in edits.attributes:
        fact = facts[ind][year]
        if fact.get("attributes") is None:
            fact["attributes"] = _flow({attr: value})
        else:
            fact["attributes"][attr] = _scalar(value)
    buf = io.StringIO()
    rt.dump(doc, buf)
    out = buf.getvalue()
    lost = _subsequence(_comments(src), _comments(out))
    if lost is not None:
        raise InputError(name, 0, 0, say("merge.comment", lang, comment=repr(_comments(src)[lost])))
    if not edits.changes_existing:  # only additions: every old line is still there, in order
        lost = _changed_line(src.splitlines(), out.splitlines(), "facts:" if opened else None)
        if lost is not None:
            raise InputError(name, lost + 1, 0, say("merge.line", lang))
    if newline != "\n":
        out = out.replace("\n", newline)
    return ("\ufeff" if bom else "") + out
