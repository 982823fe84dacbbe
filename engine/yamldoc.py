"""Safe YAML: text to plain Python values, with the line and column of every node.

PyYAML (libyaml when present) does the parsing. On top of it this module refuses what a
fact or criteria file never needs and what makes YAML dangerous: aliases (the "billion
laughs"), merge keys, duplicate keys, deep nesting, NaN and infinity, numbers in exponent
notation, with a '+' sign or of more than MAX_DIGITS digits, control characters, and any
text that is not UTF-8. Numbers come back exact: ints as `int`, others as `Decimal` built
from the written digits, never through a float.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any, Iterator

import yaml

from .errors import InputError
from .phrases import Reason, say

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000
# Far beyond any figure, weight or year; well within Python's limit on converting digits to an
# int (4,300), which would otherwise end a command with a ValueError.
MAX_DIGITS = 100

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_PLAIN_DECIMAL = re.compile(r"^[-+]?(\d[\d_]*)?(\.\d[\d_]*)?$")
# What YAML does not allow in a stream (its printable set is tab, LF, CR, #x20-#x7E, NEL, #xA0 and up)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# What a double-quoted scalar's escapes (\x00, \e, \uFFFE, \ud800) may not make: controls but tab and line feed,
# non-characters, lone surrogates, line separators and direction overrides. Reports, forms and Word files
# cannot hold them (openpyxl and the XML writers refuse them with a traceback), and no name or title needs one.
_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u2028\u2029"
                              "\u202a-\u202e\u2066-\u2069]")



class Document:
    """A parsed YAML file: its data and, for error messages, its node tree.

    The fast path builds the data from libyaml's events and keeps only the text: the node
    tree is composed when an error message first needs a position."""

    def __init__(self, name: str, data: Any, root: yaml.Node | None, text: str = ""):
        self.name = name
        self.data = data
        self._root = root
        self._text = text

    @property
    def root(self) -> yaml.Node:
        """The node tree (composed when first asked: only an error needs positions)."""
        if self._root is None:
            self._root = yaml.compose(self._text, Loader=_FastLoader)
        return self._root

    def where(self, path: tuple[Any, ...]) -> tuple[int, int]:
        """Line and column of the deepest node along `path`.

        Parts that name no node (the union tags pydantic adds to its error locations) are
        passed over, so a validation error's location lands on the value at fault.
        """
        node = self.root
        for part in path:
            key = str(part)
            if isinstance(node, yaml.MappingNode):
                nxt = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
                nxt = node.value[int(key)]
            else:
                nxt = None
            if nxt is not None:
                node = nxt
        return _mark(node)

    def error(self, path: tuple[Any, ...], message: Reason) -> InputError:
        """An InputError at the node under `path`, with its line and column."""
        line, col = self.where(path)
        return InputError(self.name, line, col, message)


def _decode(name: str, raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise InputError(name, 0, 0, say("yaml.too_big", size=f"{len(raw):,}", limit=f"{MAX_BYTES:,}"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(name, line, col, say("yaml.not_utf8", byte=f"0x{raw[exc.start]:02x}")) from None
    bad = _UNPRINTABLE.search(text)
    if bad:  # (libyaml says so too, but with no line and column)
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(name, line, col, say("yaml.control", char=f"U+{ord(bad.group()):04X}"))
    return text


def _mark(node_or_event: Any) -> tuple[int, int]:
    m = node_or_event.start_mark
    return m.line + 1, m.column + 1


# A key typed with a full-width colon ("population：", an input-method slip): a name with no quote, colon or
# comment before the "：". A full-width comma, between the items of a [list] or {mapping} written on one line.
_FULLWIDTH_KEY = re.compile(r"^\s*(?:-\s+)?[^\s\"'#:：{}\[\],][^\"'#:：]*?(?P<colon>：)")
_BARE_KEY = re.compile(r"^\s*(?:-\s+)?[^\s\"'#:{}\[\],|>&*!%@`-][^:#\"']*$")  # a name alone on its line
_FULLWIDTH_COMMA = re.compile(r"[\[{][^\"'#]*?(?P<comma>，)")
# PyYAML's problems (libyaml's words, and the pure-Python parser's), each said as a phrase of its own: the
# problem, then the context it was met in (None: any), then the phrase ("yaml.problem.<code>")
_PROBLEMS = (
    ("a tab character that violates indentation", None, "tab"),
    ("mapping values are not allowed", None, "mapping_values"),
    ("could not find expected ':'", None, "expected_colon"),
    ("found unexpected end of stream", "quoted scalar", "quote_unclosed"),
    ("found unexpected end of stream", None, "ends_early"),
    ("did not find expected ',' or ']'", None, "flow_unclosed"),
    ("did not find expected ',' or '}'", None, "flow_unclosed"),
    ("expected ',' or ']'", None, "flow_unclosed"),
    ("expected ',' or '}'", None, "flow_unclosed"),
    ("did not find expected key", None, "expected_key"),
    ("expected <block end>", None, "expected_key"),
    ("did not find expected '-' indicator", None, "expected_dash"),
    ("found unknown escape character", None, "escape"),
    ("found character that cannot start any token", None, "cannot_start"),
    ("found undefined tag handle", None, "tag_handle"),
    ("did not find expected alphabetic or numeric character", "anchor", "anchor"),
    ("did not find expected alphabetic or numeric character", "alias", "anchor"),
)


def _yaml_error(name: str, exc: yaml.YAMLError, text: str) -> InputError:
    """PyYAML's error as one line in the user's language: at the slip (a tab, a full-width colon or comma)
    when one is there, else at PyYAML's place, with a phrase for each of its common problems."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if mark is None:
        return InputError(name, 0, 0, say("yaml.invalid", problem=problem))
    lines = text.splitlines()
    line, col = mark.line, mark.column
    if line < len(lines) and lines[line][col:col + 1] == "\t" or "tab character" in problem:
        return InputError(name, line + 1, col + 1, say("yaml.problem.tab", line=line + 1))
    slip = _slip(lines, context.line if context is not None else line, line, problem)
    if slip:
        return InputError(name, slip[1] + 1, slip[2] + 1, say(f"yaml.problem.fullwidth_{slip[0]}", line=slip[1] + 1))
    if "mapping values" in problem and line > 0 and _BARE_KEY.match(lines[line - 1]):  # "population" then "  2021:"
        line -= 1
        return InputError(name, line + 1, len(lines[line]) - len(lines[line].lstrip()) + 1,
                          say("yaml.problem.expected_colon", line=line + 1))
    where = context if context is not None else mark
    for words, within, code in _PROBLEMS:
        if words in problem and (within is None or within in (getattr(exc, "context", None) or "")):
            if code in ("expected_colon", "quote_unclosed", "flow_unclosed"):  # said where it began
                line, col = where.line, where.column
            opened = lines[line][col:col + 1] if line < len(lines) else ""
            return InputError(name, line + 1, col + 1, say(f"yaml.problem.{code}", line=line + 1,
                                                           char=opened, problem=problem))
    return InputError(name, mark.line + 1, mark.column + 1, say("yaml.invalid", problem=problem))


def _slip(lines: list[str], first: int, last: int, problem: str) -> tuple[str, int, int] | None:
    """The full-width colon or comma nearest before PyYAML's problem (lines `first`-1 to `last`), as
    ("colon" or "comma", line, column), or None. A comma counts only where PyYAML missed one."""
    for n in range(min(last, len(lines) - 1), max(min(first, last) - 2, -1), -1):
        m = _FULLWIDTH_KEY.match(lines[n])
        if m:
            return "colon", n, m.start("colon")
        m = _FULLWIDTH_COMMA.search(lines[n]) if "expected ','" in problem else None
        if m:
            return "comma", n, m.start("comma")
    return None


def _other_event(name: str, event: Any, kind: type, documents: int) -> int:
    """An event that is neither a value nor the end of a collection: an alias or a second document is refused;
    the count of documents so far, or -1 at the end of the stream."""
    if kind is yaml.AliasEvent:
        raise _fail(name, event, say("yaml.alias_named", anchor=f"*{event.anchor}"))
    if kind is yaml.DocumentStartEvent:
        if documents >= 1:
            raise _fail(name, event, say("yaml.documents"))
        return documents + 1
    if kind is yaml.StreamEndEvent or event is None:
        return -1
    return documents


def _checked_events(name: str, loader: Any, text: str) -> Iterator[Any]:
    """The loader's events, refusing on the way aliases, a second document, nesting deeper
    than MAX_DEPTH and more than MAX_NODES values (no recursion, nothing built)."""
    depth = count = documents = 0
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                count += 1
                if kind is not yaml.ScalarEvent:
                    depth += 1
                    if depth > MAX_DEPTH:
                        raise _fail(name, event, say("yaml.deep", n=MAX_DEPTH))
                if count > MAX_NODES:
                    raise _fail(name, event, say("yaml.many", n=f"{MAX_NODES:,}"))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
            else:
                documents = _other_event(name, event, kind, documents)
                if documents < 0:
                    return
            yield event
    except yaml.YAMLError as exc:
        raise _yaml_error(name, exc, text) from None
    finally:
        loader.dispose()


def _prescan(name: str, text: str) -> None:
    """Walk the whole event stream once, for its refusals, before a node tree is composed."""
    for _ in _checked_events(name, _Loader(text), text):
        pass


def _fail(name: str, node_or_event: Any, message: Reason) -> InputError:
    line, col = _mark(node_or_event)
    return InputError(name, line, col, message)


def _key(name: str, where: Any, key: Any, out: dict) -> Any:
    """A mapping key a file may use: a name or a whole year, not already in the mapping."""
    if key is None or isinstance(key, (Decimal, bool)):
        raise _fail(name, where, say("yaml.key_kind", key=repr(where.value)))
    if key in out:
        raise _fail(name, where, say("yaml.key_duplicate", key=repr(where.value)))
    return key


_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_FastLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


@functools.lru_cache(maxsize=8192)
def _implicit_tag(value: str) -> str:
    """The tag YAML 1.1 (PyYAML's SafeLoader) gives a plain scalar: null, bool, int, float, timestamp or str.

    Cached: keys, years and source names repeat in every fact file."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):  # '' (an empty plain value) is null
        if regexp.match(value):
            return tag
    return _STR


def _typed(name: str, tag: str, raw: str, node: Any) -> Any:
    """The value of a scalar with its tag; `node` (or event) gives the position of a refusal."""
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return raw.lower() in ("yes", "true", "on", "y")
    if tag in (_INT, _FLOAT):
        text = raw.replace("_", "")
        if not _PLAIN_DECIMAL.match(text) or text in ("", "+", "-", "."):
            kind = "nan" if "nan" in raw.lower() else ("inf" if "inf" in raw.lower() else "digits")
            raise _fail(name, node, say(f"yaml.number_{kind}", number=repr(raw)))
        if text[0] == "+":
            raise _fail(name, node, say("yaml.number_sign", number=repr(raw)))
        if len(text) > MAX_DIGITS and sum(ch.isdigit() for ch in text) > MAX_DIGITS:
            raise _fail(name, node, say("yaml.number_long", n=f"{sum(ch.isdigit() for ch in text):,}",
                                        limit=MAX_DIGITS))
        if tag == _INT:
            n = int(text)
            return Decimal(text) if n == 0 and text.startswith("-") else n  # keep -0 visible to the checks
        return Decimal(text)
    if tag == _TIMESTAMP:
        return raw  # pydantic parses (and refuses 2023-02-30) with this position
    if tag == _STR:
        return raw
    raise _fail(name, node, say("yaml.tag", tag=tag))


def _unescaped(name: str, node_or_event: Any, value: Any) -> Any:
    """A double-quoted scalar's text once its escapes are decoded, refused when they made a control character."""
    if type(value) is str:
        bad = _ESCAPED_CONTROL.search(value)
        if bad:
            raise _fail(name, node_or_event, say("yaml.escaped_control",
                                                 char=f"U+{ord(bad.group()):04X}"))
    return value


def _construct(name: str, root: yaml.Node) -> Any:
    """Plain values from the safe loader's node tree (tags resolved)."""
    seen: set[int] = set()
    scalar, sequence, mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode

    def build(node: yaml.Node) -> Any:
        if id(node) in seen:
            raise _fail(name, node, say("yaml.alias"))
        seen.add(id(node))
        kind = type(node)
        if kind is scalar:
            value = _typed(name, node.tag, node.value, node)
            return _unescaped(name, node, value) if node.style == '"' else value
        if kind is sequence:
            if node.tag != _SEQ:
                raise _fail(name, node, say("yaml.tag", tag=node.tag))
            return [build(child) for child in node.value]
        if kind is mapping:
            if node.tag != _MAP:
                raise _fail(name, node, say("yaml.tag", tag=node.tag))
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is not scalar:
                    raise _fail(name, key_node, say("yaml.key_plain"))
                if key_node.tag == _MERGE or (key_node.value == "<<" and not key_node.style):
                    raise _fail(name, key_node, say("yaml.merge_key"))
                key = _typed(name, key_node.tag, key_node.value, key_node)
                if key_node.style == '"':
                    _unescaped(name, key_node, key)
                key = _key(name, key_node, key, out)
                out[key] = build(value_node)
            return out
        raise _fail(name, node, say("yaml.node"))

    return build(root)


_NOTHING = object()


def _from_events(name: str, text: str) -> Any:
    """Plain values straight from libyaml's events, for text without tags (no '!').

    Makes every refusal `_prescan` and `_construct` make (aliases, several documents, deep
    nesting, too many values, keys that are not plain names or years, merge keys, duplicate
    keys, numbers not in plain digits), at the event that breaks the rule, without building
    a node tree. Plain scalars get their YAML 1.1 type as PyYAML's SafeLoader gives it.
    """
    # One loop over the events, with `_checked_events`'s refusals written into it: a generator between the
    # two cost a tenth of reading a fact file, and reading fact files a fifth of a comparison.
    # One entry per open collection: [the dict or list, is a mapping, key waiting for its value].
    stack: list[list[Any]] = []
    root: Any = _NOTHING
    depth = count = documents = 0
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    loader = _FastLoader(text)
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is scalar_event:
                count += 1
                if count > MAX_NODES:
                    raise _fail(name, event, say("yaml.many", n=f"{MAX_NODES:,}"))
                raw = event.value
                if event.style:
                    if event.style == '"':
                        _unescaped(name, event, raw)
                    value = raw
                else:
                    if raw == "<<" and stack and stack[-1][1] and stack[-1][2] is _NOTHING:
                        raise _fail(name, event, say("yaml.merge_key"))
                    tag = _implicit_tag(raw)
                    value = raw if tag is _STR else _typed(name, tag, raw, event)
                container = None
            elif kind is mapping_start or kind is sequence_start:
                count += 1
                depth += 1
                if depth > MAX_DEPTH:
                    raise _fail(name, event, say("yaml.deep", n=MAX_DEPTH))
                if count > MAX_NODES:
                    raise _fail(name, event, say("yaml.many", n=f"{MAX_NODES:,}"))
                value = container = {} if kind is mapping_start else []
            elif kind is mapping_end or kind is sequence_end:
                depth -= 1
                stack.pop()
                continue
            else:
                documents = _other_event(name, event, kind, documents)
                if documents < 0:
                    break
                continue
            # place the value: the root, an item of a list, a mapping's value, or a mapping's key
            if not stack:
                root = value
            else:
                top = stack[-1]
                if not top[1]:
                    top[0].append(value)
                elif top[2] is not _NOTHING:
                    top[0][top[2]] = value
                    top[2] = _NOTHING
                elif kind is not scalar_event:
                    raise _fail(name, event, say("yaml.key_plain"))
                else:
                    top[2] = _key(name, event, value, top[0])
            if container is not None:
                stack.append([container, kind is mapping_start, _NOTHING])
    except yaml.YAMLError as exc:
        raise _yaml_error(name, exc, text) from None
    finally:
        loader.dispose()
    if root is _NOTHING:
        raise InputError(name, 0, 0, say("yaml.empty"))
    return root


def _parse_tagged(name: str, text: str) -> Document:
    """Text with tags ('!'): refusals from the event stream first, then the safe loader's node tree."""
    _prescan(name, text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _yaml_error(name, exc, text) from None
    if root is None:
        raise InputError(name, 0, 0, say("yaml.empty"))
    return Document(name, _construct(name, root), root)


def parse(name: str, raw: bytes) -> Document:
    """Parse one YAML file given as bytes; `name` is used in every error message."""
    text = _decode(name, raw)
    if not text.strip():
        raise InputError(name, 0, 0, say("yaml.empty"))
    # Tags need a '!': text without one is read from the event stream (the common case, and
    # the fast one); text with tags goes through the safe loader, which resolves them.
    if "!" in text:
        return _parse_tagged(name, text)
    return Document(name, _from_events(name, text), None, text)
