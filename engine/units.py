"""Quantities as published ("5.2万件", "3.6亿元", "95%", "40.11万") to exact Decimals.

A unit is a multiplier (1, 万 = 10^4, 亿 = 10^8) and a counter word (件, 家, 个, 项, 次, 人,
元, 件/万人, %). A value converts into an indicator's unit when the counter words match;
the multipliers then scale it exactly: 3.6亿元 in 万元 is 3.6 × 10^8 / 10^4 = 36000.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

from .phrases import Reason, say, words

# All arithmetic on quantities runs in this context: deterministic, far beyond the
# precision of any published figure.
CTX = Context(prec=34, rounding=ROUND_HALF_EVEN)

MULTIPLIERS = {"": Decimal(1), "千": Decimal(1_000), "万": Decimal(10_000), "亿": Decimal(100_000_000)}
COUNTERS = ("件/万人", "件", "家", "个", "项", "次", "人", "所", "天", "元", "分", "%")
PERCENT = "%"
PER_MILLE = "‰"  # a value may be written in per mille (5‰ is 0.5%); no indicator is kept in it
PER_10K = "件/万人"
YES_NO = "yes/no"  # the unit of a mechanism: in place (1) or not (0), with evidence
# Largest value accepted in any unit: bigger than any published figure, and small
# enough that the fixed-point form handed to durable-rules stays below 2^63.
MAX_VALUE = Decimal(10) ** 12

_EXPONENT = re.compile(r"^\d+(\.\d+)?[eE][-+]?\d+")
_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<rest>.*)$")


# A number in Chinese numerals ("三万", "两百", "一千零五", "三点五"): its whole part is read by cn2an
# (strict: "十四五" or "一二" are no number), the digits after 点 one by one, so the value stays exact;
# at most 24 numerals (九千九百九十九亿九千九百九十九万九千九百九十九 is 23), so a long cell costs nothing.
_CN_NUMBER = re.compile(r"^(?P<whole>[〇零一二两三四五六七八九十百千万亿]{1,24})"
                        r"(?:点(?P<frac>[〇零一二三四五六七八九]{1,12}))?")
_CN_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}


def _chinese_number(whole: str, frac: str | None) -> Decimal | None:
    """The exact value of a number in Chinese numerals, or None when it is none ("十四五", "一二")."""
    import cn2an  # only when a figure is written in numerals: importing it takes half a second

    try:
        n = cn2an.cn2an(whole.replace("两", "二"), "strict")
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(n, int):
        return None
    return Decimal(f"{n}.{''.join(_CN_DIGITS[c] for c in frac)}") if frac else Decimal(n)


class UnitError(ValueError):
    """A value or unit that cannot be read or converted: a phrase code of the phrase book with its arguments
    (`reason`), said in the user's language where it is printed; `str()` is English."""

    def __init__(self, code: str, **args: object):
        super().__init__(code, args)
        self.code, self.said = code, args

    @property
    def reason(self) -> Reason:
        """What is wrong, as a Reason."""
        return say(self.code, **self.said)

    def __str__(self) -> str:
        return words(self.reason, "en")


class Unit:
    """A multiplier and a counter word, e.g. 亿元 = (10^8, 元)."""

    __slots__ = ("mult", "counter", "text")

    def __init__(self, mult: Decimal, counter: str, text: str):
        self.mult, self.counter, self.text = mult, counter, text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unit) and (self.mult, self.counter) == (other.mult, other.counter)

    def __hash__(self) -> int:
        return hash((self.mult, self.counter))

    def __repr__(self) -> str:
        return f"Unit({self.text})"


def parse_unit(text: str) -> Unit:
    """Read a unit such as 件, 万件, 亿元, 件/万人 or %."""
    text = text.strip()
    for prefix in ("万", "亿"):
        rest = text[len(prefix):]
        if text.startswith(prefix) and rest in COUNTERS and rest not in (PER_10K, PERCENT):
            return Unit(MULTIPLIERS[prefix], rest, text)
    if text in COUNTERS:
        return Unit(Decimal(1), text, text)
    raise UnitError("unit.unknown", unit=repr(text), known=", ".join(COUNTERS))


# Full-width forms typed with a Chinese input method (１２３, ％, ，, ．, ：) are their ASCII twins.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def half_width(text: str) -> str:
    """Full-width ASCII characters (digits, %, comma, point, colon, ...) and the ideographic space as ASCII."""
    return text.translate(_HALF_WIDTH)


# Words of an approximate figure: ipcheck compares exact figures, so these are refused with a hint.
APPROXIMATE = ("大约", "约", "将近", "接近", "近", "左右", "上下")
# Words of a bound, longest first so that 不超过 is not read as 超过: (word, bound, before the number?)
_QUALIFIERS = (("不超过", "at_most", True), ("不少于", "at_least", True), ("不低于", "at_least", True),
               ("突破", "at_least", True), ("超过", "at_least", True), ("多于", "at_least", True),
               ("至少", "at_least", True), ("逾", "at_least", True), ("不足", "at_most", True),
               ("不到", "at_most", True), ("少于", "at_most", True), ("至多", "at_most", True),
               ("以上", "at_least", False), ("以下", "at_most", False), ("以内", "at_most", False))
# Digits and a unit with no qualifier, space or full-width character to read first ("1200件", "3.6亿元").
_PLAIN_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:%s)?\Z" % "|".join(re.escape(c) for c in COUNTERS), re.ASCII)
# 1200多件, 5万余件, 三千多家
_MORE_THAN = re.compile(r"^(?P<num>(?:[\d,.]+|[〇零一二两三四五六七八九十百千万亿]+)(?:千|万|亿)?)(?:多|余)"
                        r"(?P<rest>.*)$")


def _split(text: str) -> tuple[Decimal, str, str]:
    """'5.2万件' -> (5.2, '万', '件'); a bare number has empty multiplier and counter."""
    s = half_width(text).strip().replace("\u00a0", "").replace(" ", "")
    if s.startswith(("-", "+", "−")):
        raise UnitError("unit.signed", value=repr(text))
    if _EXPONENT.match(s):
        raise UnitError("unit.exponent", value=repr(text))
    m = _NUMBER.match(s)
    cn = None if m else _CN_NUMBER.match(s)
    chinese = _chinese_number(cn["whole"], cn["frac"]) if cn else None
    if chinese is not None:
        number, rest = chinese, s[cn.end():]  # type: ignore[union-attr]
    elif not m:
        if any(w in s for w in APPROXIMATE):
            raise UnitError("unit.approximate", value=repr(text))
        if any(w in s for w, _, _ in _QUALIFIERS):
            raise UnitError("unit.qualifier_here", value=repr(text))
        raise UnitError("unit.not_number", value=repr(text))
    else:
        number, rest = Decimal(m.group("num").replace(",", "")), m.group("rest")
    mult = ""
    if rest[:1] in ("千", "万", "亿"):  # 5千件 is 5000件 (a unit is never kept in 千: parse_unit)
        mult, rest = rest[:1], rest[1:]
    if rest and rest not in COUNTERS and rest != PER_MILLE:
        raise UnitError("unit.unknown_in", value=repr(text), unit=repr(rest))
    return number, mult, rest


def to_unit(value: object, unit: Unit, *, fraction_as_percent: bool = True) -> Decimal:
    """Convert a published value (number or text) into `unit`, exactly.

    A bare number is taken in `unit` itself, except for a percentage unit, where a bare
    number is a fraction (0.95 means 95%), so 0.95 and "95%" are the same value.
    """
    if isinstance(value, bool) or value is None:
        raise UnitError("unit.expected_number", got=repr(value))
    if isinstance(value, int):
        number, mult, counter = Decimal(value), "", ""
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise UnitError("unit.not_finite", value=str(value))
        number, mult, counter = value, "", ""
    elif isinstance(value, str):
        number, mult, counter = _split(value)
    else:
        raise UnitError("unit.expected_number", got=type(value).__name__)
    if number.is_signed():
        raise UnitError("unit.negative", value=repr(value))
    if unit.counter == PERCENT:
        if mult:
            raise UnitError("unit.scale_percent", value=repr(value))
        if counter == PERCENT:
            result = number
        elif counter == PER_MILLE:
            result = CTX.divide(number, Decimal(10))
        elif counter == "" and fraction_as_percent:
            result = CTX.multiply(number, Decimal(100))
        else:
            raise UnitError("unit.not_percent", value=repr(value))
    else:
        if not mult and not counter:
            number, counter, scale = number, unit.counter, unit.mult  # bare: already in `unit`
        else:
            scale = MULTIPLIERS[mult]
        if counter == "":
            counter = unit.counter
        elif unit.counter == PER_10K and counter == "件" and not mult:
            counter = PER_10K  # published as "每万人口发明专利拥有量25.9件"
        if counter != unit.counter:
            raise UnitError("unit.mismatch", value=repr(value), got=mult + counter, want=unit.text)
        if mult and unit.counter == PER_10K:
            raise UnitError("unit.scale_rate", value=repr(value))
        try:
            result = CTX.divide(CTX.multiply(number, scale), unit.mult)
        except InvalidOperation as exc:  # pragma: no cover - guarded by the checks above
            raise UnitError("unit.invalid", value=repr(value), why=str(exc)) from None
    if result > MAX_VALUE:
        raise UnitError("unit.too_large", value=repr(value), unit=unit.text)
    return normalize(result)


BOUNDS = ("exact", "at_least", "at_most")


def read_figure(value: object, unit: Unit) -> tuple[Decimal, str, str]:
    """A figure as people write it: (value in `unit`, bound, the qualifier word or "").

    Besides what `to_unit` reads, text may carry the qualifiers of published figures:
    突破/超过/逾/以上/多/余 ("over", "more than") give the bound at_least, 不超过/不足/以下/以内
    ("at most", "under") at_most. Approximate figures (约, 近, 左右) are refused with a hint.
    """
    if not isinstance(value, str) or _PLAIN_FIGURE.match(value):  # most figures: digits and a unit, nothing more
        return to_unit(value, unit), "exact", ""
    s = half_width(value).strip().replace("\u00a0", "").replace(" ", "")
    if any(w in s for w in APPROXIMATE):
        raise UnitError("unit.approximate", value=repr(value))
    bound, word = "exact", ""
    for w, b, before in _QUALIFIERS:
        if (s.startswith(w) if before else s.endswith(w)):
            s, bound, word = (s[len(w):] if before else s[:-len(w)]), b, w
            break
    m = _MORE_THAN.match(s)
    if m:
        if bound == "at_most":
            raise UnitError("unit.contradict", value=repr(value), word=word)
        s, bound, word = m["num"] + m["rest"], "at_least", word or s[len(m["num"])]
    if word and any(w in s for w, _, _ in _QUALIFIERS):
        raise UnitError("unit.two_qualifiers", value=repr(value))
    try:
        return to_unit(s, unit), bound, word
    except UnitError as exc:  # name the figure as it was written, not what is left of it
        raise UnitError(exc.code, **{k: repr(value) if v == repr(s) else v for k, v in exc.said.items()}) from None


def normalize(d: Decimal) -> Decimal:
    """A canonical form: no exponent, no trailing zeros (36000, not 3.6E+4 or 36000.00)."""
    if d == 0:
        return Decimal(0)
    n = d.normalize(CTX)
    sign, digits, exp = n.as_tuple()
    if exp > 0:
        n = n.quantize(Decimal(1), context=CTX)
    return n


def plain(d: Decimal) -> str:
    """Decimal as plain digits, never in exponent form."""
    return format(normalize(d), "f")


# ---------------------------------------------------------------- values as people type them
#
# The one table of accepted forms (documented in docs/values.md). A mechanism (unit yes/no)
# is in place or not; a figure is a number, as a number or as text, with or without its unit
# and with the qualifiers of `read_figure`.
YES_WORDS = ("是", "有", "✓", "✔", "√", "☑", "yes", "y", "true")
NO_WORDS = ("否", "无", "無", "没有", "✗", "✘", "×", "☒", "no", "n", "false")
_YES_NO_WORDS = {w: True for w in YES_WORDS} | {w: False for w in NO_WORDS}


def read_yes_no(value: object) -> bool:
    """A mechanism's value as typed: True/False, 是/否, 有/无, ✓/✗, yes/no (any case, full-width too)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        got = _YES_NO_WORDS.get(half_width(value).strip().lower())
        if got is not None:
            return got
    raise UnitError("unit.not_yes_no", value=repr(value))


def read_value(value: object, unit: Unit | None) -> tuple[Decimal | bool, str, str]:
    """Any value as people type it, in `unit` (None: a yes/no mechanism): (value, bound, qualifier word).

    The one reading shared by fact files, `--set`, returned forms and the plan reader.
    A number may come as a number (int, Decimal, float by its shortest repr) or as text
    ('15.2', '1.2万', '12亿元', '95%', '突破1200件', '12件以上'); approximate figures
    ('约12', '近千') are refused, since ipcheck compares exact figures only."""
    if unit is None:
        return read_yes_no(value), "exact", ""
    if isinstance(value, bool):
        raise UnitError("unit.yes_no_for_number", unit=unit.text, got="yes" if value else "no")
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise UnitError("unit.not_finite", value=repr(value))
        value = Decimal(repr(value))
    if isinstance(value, str) and half_width(value).strip().lower() in _YES_NO_WORDS:
        raise UnitError("unit.yes_no_for_number", unit=unit.text, got=repr(value))
    return read_figure(value, unit)
