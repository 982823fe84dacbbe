"""Which catalogue indicator a plan's words mean: the name, then an alias, then a fuzzy proposal.

Names are compared on a key that drops what plans vary freely: punctuation and quotes
(专利“清零” / 专利清零), brackets (示范站（点）/ 示范站点), and 年 (版权年登记量 / 版权登记量).
The longest name or alias found in the words wins, so 每万人口高价值发明专利拥有量 beats
高价值发明专利拥有量, and among equally long ones the indicator whose unit fits the figure.
Only when no name is found does rapidfuzz propose the closest one, marked for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..catalogue import Catalogue

_DROP = re.compile(r"[\s，,、。；;:：“”\"'‘’《》（）()\[\]【】<>〈〉·•\-—_/]|年")
FUZZY_CUTOFF = 80  # rapidfuzz partial ratio (0-100): below it, no proposal at all

# Units that count things, which plans mix freely (家/个/所 for institutions, 件/项 for items).
_COUNTS = {"件", "家", "个", "项", "次", "所", "名", "人", "户", "座", "处", "条", "场", "部", "台", "套", "天"}


def key(words: str) -> str:
    """The comparison key of a name or of a plan's words."""
    return _DROP.sub("", words)


# A rate's "per so many" right before a name that lacks it: 每百万人口 + 发明专利拥有量, 每百户 +
# 市场主体 + 有效注册商标量. The name alone is the count, not the rate the plan sets.
_RATE_BEFORE = re.compile(r"每[十百千万亿]+(?:人口|人|户|名|家)[\u4e00-\u9fff]{0,6}$")


@dataclass(frozen=True)
class Match:
    """The indicator found for some words, and how it was found."""
    indicator: str | None
    how: str          # exact / alias / fuzzy / none
    span: tuple[int, int] | None = None  # where in the key of the words the name stood
    score: float = 0.0
    rate: bool = False  # the words name a rate (每百万人口…) of an indicator that is a count: none fits


@dataclass(frozen=True)
class _Names:
    """Every name and alias of the catalogue by its key: (key, indicator id, exact?)."""
    entries: tuple[tuple[str, str, bool], ...]
    by_key: dict[str, list[tuple[str, bool]]]


_CACHE: dict[tuple[str, str], _Names] = {}


def _names(cat: Catalogue) -> _Names:
    """The catalogue's names and aliases, longest first (kept per catalogue, by its hash)."""
    cached = _CACHE.get((cat.name, cat.sha256))
    if cached is not None:
        return cached
    entries: list[tuple[str, str, bool]] = []
    for ind in cat.indicators.values():
        entries.append((key(ind.name.zh), ind.id, True))
        entries.extend((key(a), ind.id, False) for a in ind.aliases)
    entries = [e for e in entries if len(e[0]) >= 2]
    entries.sort(key=lambda e: -len(e[0]))
    by_key: dict[str, list[tuple[str, bool]]] = {}
    for k, i, exact in entries:
        by_key.setdefault(k, []).append((i, exact))
    names = _Names(tuple(entries), by_key)
    _CACHE[(cat.name, cat.sha256)] = names
    return names


def unit_fits(cat: Catalogue, indicator_id: str, counter: str, growth: bool) -> bool:
    """Whether a figure with this counter word can be a value of the indicator."""
    unit = cat.units.get(indicator_id)
    if unit is None:
        return False
    if growth:
        return unit.counter != "%"
    want = unit.counter
    if counter in ("", None):
        return True
    if counter == "%" or want == "%":
        return counter == want
    if want == "件/万人":
        return counter in ("件/万人", "件")
    if counter == "件/万人":
        return False
    if want == "元" or counter == "元":
        return counter == want
    if want == "分" or counter == "分":
        return counter == want
    return counter in _COUNTS and want in _COUNTS


def find(cat: Catalogue, words: str, counter: str = "", growth: bool = False,
         near: int | None = None, mechanisms: bool = False, fuzzy: bool = True) -> Match:
    """The indicator the words name: longest name or alias, unit fitting, nearest to `near`.

    `near` is the position (in the key of `words`) of the figure: among names of equal length
    the one closest to it wins. Mechanisms (yes/no) are looked for only when asked.
    """
    k = key(words)
    found: list[tuple[int, int, float, str, bool, int]] = []
    for name, ind, exact in _entries(cat, counter, growth, mechanisms):
        pos = k.rfind(name) if near is None else _nearest(k, name, near)
        if pos < 0:
            continue
        distance = 0 if near is None else min(abs(near - pos), abs(near - (pos + len(name))))
        found.append((len(name), -distance, 1.0 if exact else 0.5, ind, exact, pos))
        if len(found) > 40:
            break
    rated = [f for f in found if _RATE_BEFORE.search(k[:f[5]])]
    if rated and len(rated) == len(found):  # 每百万人口发明专利拥有量 is no count of patents: propose it
        return Match(None, "none", rate=True)
    found = [f for f in found if f not in rated]
    if found:
        found.sort(reverse=True)
        best = _without_contained(found)
        size, _, _, ind, exact, pos = best
        return Match(ind, "exact" if exact else "alias", (pos, pos + size), 100.0)
    return _fuzzy(cat, k, counter, growth, mechanisms) if fuzzy else Match(None, "none")


_FITTING: dict[tuple[str, str, str, bool, bool], tuple[tuple[str, str, bool], ...]] = {}


def _entries(cat: Catalogue, counter: str, growth: bool, mechanisms: bool) -> tuple[tuple[str, str, bool], ...]:
    """The names and aliases worth looking for: mechanisms, or indicators whose unit fits (kept)."""
    k = (cat.sha256, cat.name, counter, growth, mechanisms)
    got = _FITTING.get(k)
    if got is None:
        got = tuple(e for e in _names(cat).entries if cat.is_mechanism(e[1]) == mechanisms
                    and (mechanisms or unit_fits(cat, e[1], counter, growth)))
        _FITTING[k] = got
    return got


def _nearest(k: str, name: str, near: int) -> int:
    """The occurrence of `name` in `k` closest to position `near`, or -1."""
    best, pos = -1, k.find(name)
    while pos >= 0:
        if best < 0 or abs(pos - near) < abs(best - near):
            best = pos
        pos = k.find(name, pos + 1)
    return best


def _without_contained(found: list[tuple[int, int, float, str, bool, int]]) -> tuple[int, int, float, str, bool, int]:
    """The longest name wins; a shorter name inside the longer one's span never competes."""
    return found[0]


def _fuzzy(cat: Catalogue, k: str, counter: str, growth: bool, mechanisms: bool) -> Match:
    """The closest name by rapidfuzz's partial ratio, when it clears the cut-off: a proposal only."""
    if len(k) < 4:
        return Match(None, "none")
    names = _names(cat)
    choices = {i: name for i, (name, ind, _) in enumerate(names.entries)
               if len(name) >= 4 and cat.is_mechanism(ind) == mechanisms
               and (mechanisms or unit_fits(cat, ind, counter, growth))}
    if not choices:
        return Match(None, "none")
    hit = process.extractOne(k, choices, scorer=fuzz.partial_ratio, score_cutoff=FUZZY_CUTOFF)
    if hit is None:
        return Match(None, "none")
    _, score, idx = hit
    return Match(names.entries[idx][1], "fuzzy", None, float(score))
