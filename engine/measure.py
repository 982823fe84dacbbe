"""Measure: each check's value from a city's facts, or why it cannot be measured.

Plain Python with Decimal. Nothing here decides pass or fail; it says what the value is,
against which target and goalposts, from which facts, or that it is unknown (which fact
for which year is missing), not applicable, or an error in the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Callable

from . import formulas as f
from . import models as m
from .load import Catalogue
from .result import FactUsed, Measurement, Missing, Trajectory, Trend, Words
from .units import CTX, OP_SYMBOL, PER_10K, PERCENT, display, plain

# A stand-in for "unbounded" (growth from a zero base, no upper goalpost): larger than any
# accepted figure (10^12) yet small enough for a signed 64-bit fixed-point number.
UNBOUNDED = Decimal(4_000_000_000_000)


@dataclass(frozen=True)
class Facts:
    """A city's facts with the catalogue, as the measure step reads them."""
    city: m.City
    cat: Catalogue
    _history: dict = field(default_factory=dict, compare=False, repr=False)

    def history(self, ind: str) -> tuple[tuple[tuple[int, Decimal], ...], Decimal | None]:
        """The exact figures of an indicator by year, and their compound growth first → last (cached)."""
        if ind not in self._history:
            points = tuple((y, _q(fa.value)) for y, fa in sorted(self.city.facts.get(ind, {}).items())
                           if fa.bound == "exact")
            observed = None
            if len(points) > 1 and points[0][1] > 0:
                (y0, v0), (y1, v1) = points[0], points[-1]
                observed = _q(f.cagr_pct(v0, v1, y1 - y0))
            self._history[ind] = (points, observed)
        return self._history[ind]

    def get(self, ind: str, year: int) -> m.Fact | None:
        return self.city.facts.get(ind, {}).get(year)

    def years(self, ind: str) -> list[int]:
        return sorted(self.city.facts.get(ind, {}))

    def latest(self, ind: str, year: int) -> tuple[int, m.Fact] | None:
        ys = [y for y in self.years(ind) if y <= year]
        return (ys[-1], self.city.facts[ind][ys[-1]]) if ys else None

    def unit(self, ind: str) -> str:
        u = self.cat.units[ind]
        return u.text if u else "yes/no"

    def used(self, ind: str, year: int) -> FactUsed:
        fact = self.city.facts[ind][year]
        src = self.city.sources[fact.source]
        return FactUsed(
            indicator=ind, year=year, value=fact.value, unit=self.unit(ind), bound=fact.bound,
            source_key=fact.source, source_title=src.title, source_url=src.url, publisher=src.publisher,
            read=src.read, confidence=fact.confidence or src.confidence, note=fact.note,
            assumed=src.publisher == ASSUMPTION_PUBLISHER,
        )

    def name(self, ind: str) -> str:
        return self.cat.indicators[ind].name.en

    def zh(self, ind: str) -> str:
        return self.cat.indicators[ind].name.zh


ASSUMPTION_PUBLISHER = "ipcheck what-if (--set)"


def _unknown(reason: Words, *missing: Missing, facts: tuple[FactUsed, ...] = ()) -> Measurement:
    return Measurement(state="unknown", reason=reason, missing=tuple(missing), facts=facts)


def _error(reason: Words, facts: tuple[FactUsed, ...] = ()) -> Measurement:
    return Measurement(state="error", reason=reason, facts=facts)


def _q(d: Decimal) -> Decimal:
    return f.on_grid(d)


def _fmt(d: Decimal, unit: str = "") -> str:
    return display(d, unit)


def _stale_note(used_year: int, year: int) -> Words:
    if used_year >= year:
        return Words("", "")
    return Words(f" (latest figure is for {used_year}, older than {year}: stale)",
                 f"（最新数据为{used_year}年，早于{year}年，已陈旧）")


EXACT = Words("an exact figure", "确切数值")
EXACT_BOTH = Words("exact figures", "确切数值")


def _bound_blocks(fact: m.Fact, value: Decimal, target: Decimal, higher: bool) -> bool:
    """True when a published bound ("over 1,200") does not settle the comparison."""
    if fact.bound == "exact":
        return False
    if fact.bound == "at_least":
        return not (higher and value >= target)
    return not ((not higher) and value <= target)


def _single(facts: Facts, ind: str, year: int, target: Decimal, op: str, baseline: Decimal | None,
            formula: str, target_year: int | None = None) -> Measurement:
    """A value read straight from one fact (threshold, count, path)."""
    hit = facts.latest(ind, year)
    if hit is None:
        later = [y for y in facts.years(ind) if y > year]
        need = Words(f"{facts.name(ind)} in or before {year}", f"{facts.zh(ind)}（{year}年或之前）")
        why = Words("no figure for ", "缺少") + need
        if later:
            why += Words(f" (only for {', '.join(map(str, later))})", f"（仅有{'、'.join(map(str, later))}年的数据）")
        return _unknown(why, Missing(ind, (year,), need))
    y, fact = hit
    used = (facts.used(ind, y),)
    value = _q(fact.value)
    higher = op in (">=", ">")
    v = _fmt(value, facts.unit(ind))
    if _bound_blocks(fact, value, target, higher):
        en, zh = ("at least", "不少于") if fact.bound == "at_least" else ("at most", "不超过")
        why = Words(f"only a bound is published ({en} {v} in {y}), which does not settle the target",
                    f"仅公布了区间值（{y}年{zh}{v}），不足以判定是否达标")
        return _unknown(why, Missing(ind, (year,), EXACT), facts=used)
    reason = Words(f"{facts.name(ind)} was {v} in {y}", f"{facts.zh(ind)}{y}年为{v}") + _stale_note(y, year)
    if fact.bound == "at_least":
        reason += Words(" (published as a lower bound)", "（公布值为下限）")
    return Measurement(state="measured", reason=reason, formula=formula.format(y=y), value=value, unit=facts.unit(ind),
                       year=y, target=_q(target), target_year=target_year or year,
                       baseline=None if baseline is None else _q(baseline), op=op, facts=used, stale=y < year)


def _pair(facts: Facts, ind: str, year: int) -> tuple[int, m.Fact, m.Fact] | Missing:
    """The latest year y ≤ `year` with figures for both y and y − 1."""
    for y in reversed([y for y in facts.years(ind) if y <= year]):
        prev = facts.get(ind, y - 1)
        if prev is not None:
            return y, prev, facts.get(ind, y)  # type: ignore[return-value]
    return Missing(ind, (year - 1, year), Words(f"{facts.name(ind)} for two consecutive years up to {year}",
                                                f"{facts.zh(ind)}连续两年（截至{year}年）的数据"))


def _exact(*fs: m.Fact) -> bool:
    return all(x.bound == "exact" for x in fs)


# ---------------------------------------------------------------- the kinds

def _threshold(c: m.Threshold, facts: Facts, year: int) -> Measurement:
    y = c.year or year
    return _single(facts, c.indicator, y, c.target, c.op, c.baseline, f"{c.indicator}[{{y}}] {c.op} target")


def _count(c: m.Count, facts: Facts, year: int) -> Measurement:
    y = c.year or year
    return _single(facts, c.indicator, y, c.target, c.op, None, f"number of {c.indicator} in {{y}} {c.op} target")


def _path(c: m.Path, facts: Facts, year: int) -> Measurement:
    years = sorted(c.targets)
    if year < years[0]:
        return Measurement(state="not_applicable", reason=Words(
            f"the target path starts in {years[0]}; the evaluation year is {year}",
            f"目标路径自{years[0]}年开始，评价年度为{year}年"))
    ty = max(y for y in years if y <= year)
    return _single(facts, c.indicator, year, c.targets[ty], c.op, None,
                   f"{c.indicator}[{{y}}] {c.op} path target for {ty}", target_year=ty)


def _flow(c: m.Flow, facts: Facts, year: int) -> Measurement:
    y0 = c.year or year
    hit = _pair(facts, c.indicator, y0)
    if isinstance(hit, Missing):
        return _unknown(Words("the yearly increase needs ", "计算年增量需要") + hit.why, hit)
    y, prev, cur = hit
    used = (facts.used(c.indicator, y - 1), facts.used(c.indicator, y))
    if not _exact(prev, cur):
        return _unknown(Words("a yearly increase cannot be computed from bounds", "仅有区间值，无法计算年增量"),
                        Missing(c.indicator, (y - 1, y), EXACT_BOTH), facts=used)
    value = _q(cur.value - prev.value)
    unit = facts.unit(c.indicator)
    a, b, d = _fmt(prev.value, unit), _fmt(cur.value, unit), _fmt(value, unit)
    reason = Words(f"{facts.name(c.indicator)} rose from {a} ({y - 1}) to {b} ({y}): an increase of {d}",
                   f"{facts.zh(c.indicator)}由{a}（{y - 1}年）变为{b}（{y}年），年增量{d}") + _stale_note(y, y0)
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator}[{y}] − {c.indicator}[{y - 1}]",
                       value=value, unit=unit, year=y, target=_q(c.target), target_year=y0, op=c.op,
                       facts=used, stale=y < y0)


def _growth(c: m.Growth, facts: Facts, year: int) -> Measurement:
    y0 = c.year or year
    name = facts.name(c.indicator)
    if c.base_year is None:
        hit = _pair(facts, c.indicator, y0)
        if isinstance(hit, Missing):
            return _unknown(Words("growth needs ", "计算增长率需要") + hit.why, hit)
        y, prev, cur = hit
        start_year, start, end = y - 1, prev, cur
        formula = f"({c.indicator}[{y}] − {c.indicator}[{y - 1}]) / {c.indicator}[{y - 1}] × 100"
    else:
        hit2 = facts.latest(c.indicator, y0)
        start = facts.get(c.indicator, c.base_year)
        if start is None or hit2 is None or hit2[0] <= c.base_year:
            why = Words(f"{name} for the base year {c.base_year} and a later year up to {y0}",
                        f"{facts.zh(c.indicator)}基期{c.base_year}年及其后（截至{y0}年）的数据")
            return _unknown(Words("average growth needs ", "计算年均增长率需要") + why, Missing(c.indicator, (c.base_year, y0), why))
        y, end = hit2
        start_year = c.base_year
        formula = f"(({c.indicator}[{y}] / {c.indicator}[{c.base_year}])^(1/{y - c.base_year}) − 1) × 100"
    used = (facts.used(c.indicator, start_year), facts.used(c.indicator, y))
    if not _exact(start, end):
        return _unknown(Words("growth cannot be computed from bounds", "仅有区间值，无法计算增长率"),
                        Missing(c.indicator, (start_year, y), EXACT_BOTH), facts=used)
    unit = facts.unit(c.indicator)
    a, b = start.value, end.value
    if a == 0:
        if b == 0:
            value, words = Decimal(0), Words(" stayed at zero", "保持为零")
        else:
            value = UNBOUNDED
            words = Words(f" grew from zero to {_fmt(b, unit)} (growth from a zero base is unbounded)",
                          f"由零增至{_fmt(b, unit)}（零基数增长率无上限）")
    else:
        value = f.growth_pct(b, a) if c.base_year is None else f.cagr_pct(a, b, y - start_year)
        g = _fmt(_q(value), PERCENT)
        per_en, per_zh = ("", "增长") if c.base_year is None else (" a year on average", "年均增长")
        words = Words(f" went from {_fmt(a, unit)} ({start_year}) to {_fmt(b, unit)} ({y}): {g}{per_en}",
                      f"由{_fmt(a, unit)}（{start_year}年）变为{_fmt(b, unit)}（{y}年），{per_zh}{g}")
    reason = Words(name, facts.zh(c.indicator)) + words + _stale_note(y, y0)
    return Measurement(state="measured", reason=reason, formula=formula,
                       value=_q(value), unit=PERCENT, year=y, target=_q(c.min_growth), target_year=y0,
                       baseline=Decimal(0), op=c.op, facts=used, stale=y < y0)


def _rate(facts: Facts, year: int, num: str, den: str, per: Decimal, published: str | None,
          target: Decimal, op: str, baseline: Decimal | None, unit: str, what: Words) -> Measurement:
    """A rate num / den × per.

    The officially published rate is used when it is at least as recent as the figures the
    rate could be derived from, or when the derived rate cannot be computed (bounds only, or
    a zero denominator); otherwise the rate is derived."""
    want = year
    pub = facts.latest(published, want) if published else None
    both = [y for y in facts.years(num) if y <= want and facts.get(den, y) is not None]
    derived_year = both[-1] if both else None
    def published_rate(note: Words | None = None) -> Measurement:
        m_ = _single(facts, published, want, target, op, baseline, f"published {published}[{{y}}] {op} target")  # type: ignore[arg-type]
        return replace(m_, reason=m_.reason + Words(" (the officially published rate)", "（采用官方公布值）") + (note or Words("", "")))

    if pub is not None and (derived_year is None or pub[0] >= derived_year):
        return published_rate()
    if derived_year is None:
        miss = [Missing(i, (want,), Words(f"{facts.name(i)} for the same year as {facts.name(other)}, in or before {want}",
                                          f"与{facts.zh(other)}同一年份的{facts.zh(i)}（{want}年或之前）"))
                for i, other in ((num, den), (den, num))]
        if published:
            miss.append(Missing(published, (want,), Words(f"or the published {facts.name(published)}",
                                                          f"或公布的{facts.zh(published)}")))
        return _unknown(what + Words(f" needs {facts.name(num)} and {facts.name(den)} for the same year (in or before {want})",
                                     f"需要同一年份（{want}年或之前）的{facts.zh(num)}和{facts.zh(den)}"), *miss)
    y = derived_year
    a, b = facts.get(num, y), facts.get(den, y)
    used = (facts.used(num, y), facts.used(den, y))
    broken = None
    if not _exact(a, b):  # type: ignore[arg-type]
        broken = Words(f"{y}: only bounds are published", f"{y}年仅有区间值")
    elif b.value == 0:  # type: ignore[union-attr]
        broken = Words(f"{facts.name(den)} is 0 in {y} (division by zero)", f"{facts.zh(den)}{y}年为0（除数为零）")
    if broken is not None:
        # A newer derived figure that cannot be computed does not hide an older published one.
        if pub is not None:
            return published_rate(Words("; the derived rate cannot be computed for ", "；无法计算派生比率：") + broken)
        if not _exact(a, b):  # type: ignore[arg-type]
            return _unknown(what + Words(" cannot be computed from bounds", "仅有区间值，无法计算"),
                            Missing(num, (y,), EXACT_BOTH), facts=used)
        return _error(Words(f"{facts.name(den)} is 0 in {y}: ", f"{facts.zh(den)}{y}年为0：") + what
                      + Words(" is not defined (division by zero)", "无法计算（除数为零）"), used)
    value = CTX.multiply(CTX.divide(a.value, b.value), per)  # type: ignore[union-attr]
    expr = (f" = {_fmt(a.value, facts.unit(num))} / {_fmt(b.value, facts.unit(den))} × {plain(per)} = "  # type: ignore[union-attr]
            f"{_fmt(_q(value), unit)}")
    reason = what + Words(f"{expr} in {y}", f"{expr}（{y}年）") + _stale_note(y, want)
    return Measurement(state="measured", reason=reason, formula=f"{num}[{y}] / {den}[{y}] × {plain(per)}",
                       value=_q(value), unit=unit, year=y, target=_q(target), target_year=want,
                       baseline=None if baseline is None else _q(baseline), op=op, facts=used, stale=y < want)


def _ratio(c: m.Ratio, facts: Facts, year: int) -> Measurement:
    return _rate(facts, c.year or year, c.numerator, c.denominator, f.HUNDRED, c.published, c.target, c.op,
                 c.baseline, PERCENT, Words("the rate", "比率"))


def _per_capita(c: m.PerCapita, facts: Facts, year: int) -> Measurement:
    return _rate(facts, c.year or year, c.indicator, c.population, Decimal(10_000), c.published, c.target, c.op,
                 c.baseline, PER_10K, Words("the figure per 10,000 people", "每万人口数值"))


def _trajectory(c: m.Trajectory, facts: Facts, year: int) -> Measurement:
    name = facts.name(c.indicator)
    unit = facts.unit(c.indicator)
    hit = facts.latest(c.indicator, min(year, c.target_year))
    if hit is None or hit[0] <= c.base_year:
        last = min(year, c.target_year)
        why = Words(f"{name} for a year after the {c.base_year} base (up to {last})",
                    f"{facts.zh(c.indicator)}基期{c.base_year}年之后（截至{last}年）的数据")
        return _unknown(Words("progress needs ", "判断进度需要") + why, Missing(c.indicator, (last,), why))
    t, fact = hit
    used = (facts.used(c.indicator, t),)
    value = _q(fact.value)
    higher = c.target >= c.base
    expected = _q(f.path_value(c.base, c.target, c.base_year, c.target_year, t))
    if _bound_blocks(fact, value, expected, higher):
        return _unknown(Words("only a bound is published, which does not settle progress", "仅公布了区间值，不足以判断进度"),
                        Missing(c.indicator, (t,), EXACT), facts=used)
    observed = f.cagr_pct(c.base, value, t - c.base_year) if c.base > 0 else None
    needed = f.cagr_pct(value, c.target, c.target_year - t) if (t < c.target_year and value > 0) else None
    on_track = value >= expected if higher else value <= expected
    projected = None
    if observed is not None:
        yrs = f.years_to_reach(value, c.target, observed)
        if yrs is not None:
            projected = t + int(yrs.to_integral_value(rounding="ROUND_CEILING"))
    traj = Trajectory(base_year=c.base_year, base=c.base, year=t, value=value, target_year=c.target_year,
                      target=c.target, expected_now=expected,
                      observed_cagr_pct=None if observed is None else _q(observed),
                      needed_cagr_pct=None if needed is None else _q(needed), on_track=on_track,
                      projected_year=projected)
    v, b0, tg, ex = _fmt(value, unit), _fmt(c.base, unit), _fmt(c.target, unit), _fmt(expected, unit)
    reason = Words(f"{name} was {v} in {t}; the path from {b0} ({c.base_year}) to {tg} ({c.target_year}) stands at "
                   f"{ex} in {t}: " + ("on track" if on_track else "behind the path"),
                   f"{facts.zh(c.indicator)}{t}年为{v}；由{b0}（{c.base_year}年）到{tg}（{c.target_year}年）的路径"
                   f"在{t}年应为{ex}：" + ("进度达标" if on_track else "落后于路径"))
    if needed is not None:
        n = _fmt(_q(needed), PERCENT)
        reason += Words(f"; {n} a year is needed from here", f"；此后每年需增长{n}")
    return Measurement(state="measured", reason=reason,
                       formula=f"{c.indicator}[{t}] vs base × (target/base)^(({t}−{c.base_year})/({c.target_year}−{c.base_year}))",
                       value=value, unit=unit, year=t, target=expected, target_year=t, baseline=_q(c.base),
                       op=">=" if higher else "<=", facts=used, stale=False, trajectory=traj)


def _exists(c: m.Exists, facts: Facts, year: int) -> Measurement:
    y = c.year or year
    name, zh = facts.name(c.indicator), facts.zh(c.indicator)
    hit = facts.latest(c.indicator, y)
    if hit is None:
        why = Words(f"evidence that {name} exists (in or before {y})", f"{zh}的证据（{y}年或之前）")
        return _unknown(Words("no ", "缺少") + why, Missing(c.indicator, (y,), why))
    fy, fact = hit
    used = (facts.used(c.indicator, fy),)
    ok = bool(fact.value)
    reason = Words(f"{name}: {'yes' if ok else 'no'} ({fy})", f"{zh}：{'有' if ok else '无'}（{fy}年）") + _stale_note(fy, y)
    if ok:
        for attr, allowed in sorted(c.where.items()):
            got = fact.attributes.get(attr)
            if got is None:
                why = Words(f"{attr} of the {name} (one of: {', '.join(allowed)})",
                            f"{zh}的{attr}（须为{'、'.join(allowed)}之一）")
                return _unknown(Words(f"{name} exists ({fy}) but its {attr} is not stated",
                                      f"{zh}已有（{fy}年），但未说明{attr}"), Missing(c.indicator, (y,), why), facts=used)
            if got not in allowed:
                ok = False
                reason += Words(f"; {attr} is {got}, not one of {', '.join(allowed)}",
                                f"；{attr}为{got}，不属于{'、'.join(allowed)}")
            else:
                reason += Words(f"; {attr}: {got}", f"；{attr}：{got}")
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator} exists" + "".join(
        f" and {a} in {v}" for a, v in sorted(c.where.items())), value=Decimal(1 if ok else 0), unit="yes/no",
        year=fy, target=Decimal(1), target_year=y, baseline=Decimal(0), op=">=", facts=used, stale=fy < y)


def _composite(c: Any, facts: Facts, year: int) -> Measurement:
    parts = tuple(measure_check(x, facts, year) for x in c.checks)
    return Measurement(state="composite", reason=Words("", ""), formula=c.kind, parts=parts, combine=c.kind,
                       facts=tuple(u for p in parts for u in p.facts),
                       missing=tuple(x for p in parts for x in p.missing))


_KINDS: dict[str, Callable[[Any, Facts, int], Measurement]] = {
    "threshold": _threshold, "count": _count, "path": _path, "flow": _flow, "growth": _growth,
    "ratio": _ratio, "per_capita": _per_capita, "trajectory": _trajectory, "exists": _exists,
    "all_of": _composite, "any_of": _composite,
}


def measure_check(check: Any, facts: Facts, year: int) -> Measurement:
    """Measure one check for the evaluation year."""
    return _KINDS[check.kind](check, facts, year)


def target_summary(check: Any, cat: Catalogue, year: int) -> Words:  # noqa: C901 - one line per kind
    """The target of a check in a few words, known before any fact is read: '≥ 650 家 (2022)'."""
    def unit(ind: str) -> str:
        u = cat.units[ind]
        return u.text if u else "yes/no"

    k = check.kind
    y = getattr(check, "year", None) or year
    if k in ("all_of", "any_of"):
        parts = [target_summary(c, cat, year) for c in check.checks]
        en, zh = ("all of", "全部满足") if k == "all_of" else ("any of", "满足其一")
        return Words(f"{en}: " + "; ".join(p.en for p in parts), f"{zh}：" + "；".join(p.zh for p in parts))
    if k == "exists":
        ind = cat.indicators[check.indicator].name
        extra = Words("".join(f", {a} in {'/'.join(v)}" for a, v in sorted(check.where.items())),
                      "".join(f"，{a}为{'/'.join(v)}" for a, v in sorted(check.where.items())))
        return Words(f"{ind.en} exists", f"具备{ind.zh}") + extra
    u = unit(check.indicator) if k not in ("ratio", "per_capita") else (PERCENT if k == "ratio" else PER_10K)
    if k == "trajectory":
        t = f"{display(check.base, u)} ({check.base_year}) → {display(check.target, u)} ({check.target_year})"
        return Words(t, f"{display(check.base, u)}（{check.base_year}年）→ {display(check.target, u)}（{check.target_year}年）")
    op = OP_SYMBOL[check.op]
    if k == "path":
        return Words(", ".join(f"{py}: {op} {display(v, u)}" for py, v in check.targets.items()),
                     "，".join(f"{py}年{op} {display(v, u)}" for py, v in check.targets.items()))
    if k == "growth":
        g = display(check.min_growth, PERCENT)
        if check.base_year:
            return Words(f"growth {op} {g} a year since {check.base_year} ({y})", f"自{check.base_year}年起年均增长{op} {g}（{y}年）")
        return Words(f"growth {op} {g} year on year ({y})", f"同比增长{op} {g}（{y}年）")
    if k == "flow":
        return Words(f"increase {op} {display(check.target, u)} in the year ({y})", f"年增量{op} {display(check.target, u)}（{y}年）")
    return Words(f"{op} {display(check.target, u)} ({y})", f"{op} {display(check.target, u)}（{y}年）")


def measure(criterion: m.Criterion, facts: Facts, year: int) -> Measurement:
    """Measure a criterion: not applicable for the city's level, or its check's measurement."""
    if criterion.applies_if and facts.city.city.level not in criterion.applies_if.level:
        levels = ", ".join(criterion.applies_if.level)
        return Measurement(state="not_applicable", reason=Words(
            f"applies to {levels} cities; this city is {facts.city.city.level}",
            f"仅适用于{levels}类城市；本市为{facts.city.city.level}"))
    return measure_check(criterion.check, facts, year)


_SINGLE = ("threshold", "count", "path", "flow", "growth", "trajectory")


def trend(check: Any, ms: Measurement, facts: Facts) -> Trend | None:
    """The history of a single-indicator check's indicator, with observed and needed growth.

    observed = ((last / first)^(1/(last year − first year)) − 1) × 100 over exact figures;
    needed   = ((target / last)^(1/(target year − last year)) − 1) × 100, when the target year
    lies ahead of the last figure; projected year = last year + ⌈ln(target / last) / ln(1 + observed)⌉
    when the target is still ahead and the observed growth is positive. Only for levels the target applies to directly (not for
    growth rates or yearly increases, whose target is not in the indicator's unit).
    """
    if check.kind in _SINGLE:
        ind = check.indicator
    elif check.kind in ("per_capita", "ratio") and check.published:
        ind = check.published  # the published rate's history
    else:
        return None
    if facts.cat.units.get(ind) is None:
        return None
    points, observed = facts.history(ind)
    if not points:
        return None
    level = check.kind in ("threshold", "count", "path", "trajectory", "per_capita", "ratio")
    target = target_year = None
    if level and ms.state == "measured":
        target = ms.trajectory.target if ms.trajectory else ms.target
        target_year = ms.trajectory.target_year if ms.trajectory else ms.target_year
    elif check.kind == "trajectory":
        target, target_year = check.target, check.target_year
    needed = None
    y1, v1 = points[-1]
    if target is not None and target_year is not None and target_year > y1 and v1 > 0 and target > 0:
        needed = _q(f.cagr_pct(v1, target, target_year - y1))
    projected = None
    if target is not None and observed is not None and target > v1:
        yrs = f.years_to_reach(v1, target, observed)
        projected = None if yrs is None else y1 + int(yrs.to_integral_value(rounding="ROUND_CEILING"))
    return Trend(indicator=ind, unit=facts.unit(ind), history=points, target=target, target_year=target_year,
                 observed_cagr_pct=observed, needed_cagr_pct=needed, projected_year=projected)
