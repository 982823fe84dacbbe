"""The YAML reader refuses what is dangerous or ambiguous, with file:line:column."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ipcheck.engine.errors import InputError
from ipcheck.engine.yamldoc import parse


def err(text: bytes | str) -> InputError:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(InputError) as exc:
        parse("f.yaml", raw)
    return exc.value


def test_numbers_are_exact():
    doc = parse("f.yaml", b"a: 0.1\nb: 36000\nc: 1_000\n")
    assert doc.data == {"a": Decimal("0.1"), "b": 36000, "c": 1000}


def test_positions_are_one_based():
    doc = parse("f.yaml", b"a:\n  b: 1\n")
    assert doc.where(("a", "b")) == (2, 6)


@pytest.mark.parametrize("text,line,words", [
    ("a: &x [1]\nb: *x\n", 2, "aliases are not allowed"),
    ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
    ("a: .nan\n", 1, "not a number"),
    ("a: .inf\n", 1, "infinite"),
    ("a: 1.0e+16\n", 1, "plain digits"),
    ("a: 0x1f\n", 1, "plain digits"),
    ("a: [1\n", 1, "the '[' opened on line 1 is not closed"),
    ("x: 1\n---\ny: 2\n", 2, "more than one YAML document"),
    ("a:\n  <<: {b: 1}\n", 2, "merge keys"),
    ("a: !!python/object:os.system x\n", 1, "is not allowed"),
])
def test_refusals_name_the_line(text, line, words):
    e = err(text)
    assert e.line == line and words in e.message, str(e)


def test_billion_laughs_is_refused_before_expansion():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    assert "aliases" in err(bomb).message


def test_deep_nesting_is_refused():
    assert "nested deeper" in err("a: " + "[" * 200 + "]" * 200 + "\n").message


def test_non_utf8_names_the_byte():
    e = err(b"a: 1\nb: \xff\xfe\n")
    assert (e.line, e.column) == (2, 4) and "not UTF-8" in e.message


def test_empty_file():
    assert "empty" in err(b"  \n").message


def test_too_large():
    assert "limit" in err(b"#" * (3 * 1024 * 1024)).message


def test_deep_block_nesting_is_refused_too():
    assert "nested deeper" in err("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 40))
                                  + "  " * 40 + "x: 1\n").message
    assert "nested deeper" in err("- " * 40 + "x\n").message


def _depth(x) -> int:
    if isinstance(x, dict):
        return 1 + max((_depth(v) for v in x.values()), default=0)
    if isinstance(x, list):
        return 1 + max((_depth(v) for v in x), default=0)
    return 0


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from ipcheck.engine.yamldoc import MAX_DEPTH, _parse_tagged  # noqa: E402

_SCALARS = st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.none(), st.text(max_size=6),
                     st.sampled_from(["1.5", "0.95", "1_000", "2023-02-30", "yes", "~", "<<", "-0", "1e5", ".nan"]))
_TREES = st.recursive(_SCALARS,
                      lambda kids: st.one_of(st.lists(kids, max_size=3),
                                             st.dictionaries(st.one_of(st.text("abc<", min_size=1, max_size=3),
                                                                       st.integers(1990, 2030)), kids, max_size=3)),
                      max_leaves=60)


def _outcome(parse_text, text):
    try:
        return "ok", parse_text(text)
    except InputError as exc:
        return "refused", (exc.line, exc.message)


@given(_TREES, st.booleans(), st.integers(0, 40),
       st.sampled_from(["", "&a ", "*a", "[", "- ", ": ", "\n", "? ", "{", "#"]))
def test_the_event_reader_matches_the_safe_loader(tree, flow, at, insert):
    """Text without tags is read from libyaml's events; the safe loader's node tree must agree:
    the same values, or a refusal in both (with the same message when the rule is the same)."""
    import yaml
    text = yaml.safe_dump({"root": tree}, default_flow_style=flow, allow_unicode=True)
    text = text[:at] + insert + text[at:]
    if "!" in text:
        return
    fast = _outcome(lambda t: parse("f.yaml", t.encode()).data, text)
    safe = _outcome(lambda t: _parse_tagged("f.yaml", t).data, text)
    assert fast[0] == safe[0], (text, fast, safe)
    if fast[0] == "ok":
        assert fast == safe
        assert _depth(fast[1]) <= MAX_DEPTH  # nothing deeper than the limit gets through
