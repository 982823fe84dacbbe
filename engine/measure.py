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
from .result import FactUsed, Measurement, Missing, Trajectory, Trend
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


ASSUMPTION_PUBLISHER = "ipcheck what-if (--set)"


def _unknown(reason: str, *missing: Missing, facts: tuple[FactUsed, ...] = ()) -> Measurement:
    return Measurement(state="unknown", reason=reason, missing=tuple(missing), facts=facts)


def _error(reason: str, facts: tuple[FactUsed, ...] = ()) -> Measurement:
    return Measurement(state="error", reason=reason, facts=facts)


def _q(d: Decimal) -> Decimal:
    return f.on_grid(d)


def _fmt(d: Decimal, unit: str = "") -> str:
    return display(d, unit)


def _stale_note(used_year: int, year: int) -> str:
    return f" (latest figure is for {used_year}, older than {year}: stale)" if used_year < year else ""


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
        need = f"{facts.name(ind)} in or before {year}"
        why = f"no figure for {need}" + (f" (only for {', '.join(map(str, later))})" if later else "")
        return _unknown(why, Missing(ind, (year,), need))
    y, fact = hit
    used = (facts.used(ind, y),)
    value = _q(fact.value)
    higher = op in (">=", ">")
    if _bound_blocks(fact, value, target, higher):
        word = "at least" if fact.bound == "at_least" else "at most"
        why = f"only a bound is published ({word} {_fmt(value, facts.unit(ind))} in {y}), which does not settle the target"
        return _unknown(why, Missing(ind, (year,), "an exact figure"), facts=used)
    reason = f"{facts.name(ind)} was {_fmt(value, facts.unit(ind))} in {y}{_stale_note(y, year)}"
    if fact.bound == "at_least":
        reason += " (published as a lower bound)"
    return Measurement(state="measured", reason=reason, formula=formula.format(y=y), value=value, unit=facts.unit(ind),
                       year=y, target=_q(target), target_year=target_year or year,
                       baseline=None if baseline is None else _q(baseline), op=op, facts=used, stale=y < year)


def _pair(facts: Facts, ind: str, year: int) -> tuple[int, m.Fact, m.Fact] | Missing:
    """The latest year y ≤ `year` with figures for both y and y − 1."""
    for y in reversed([y for y in facts.years(ind) if y <= year]):
        prev = facts.get(ind, y - 1)
        if prev is not None:
            return y, prev, facts.get(ind, y)  # type: ignore[return-value]
    return Missing(ind, (year - 1, year), f"{facts.name(ind)} for two consecutive years up to {year}")


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
        return Measurement(state="not_applicable", reason=f"the target path starts in {years[0]}; the evaluation year is {year}")
    ty = max(y for y in years if y <= year)
    return _single(facts, c.indicator, year, c.targets[ty], c.op, None,
                   f"{c.indicator}[{{y}}] {c.op} path target for {ty}", target_year=ty)


def _flow(c: m.Flow, facts: Facts, year: int) -> Measurement:
    y0 = c.year or year
    hit = _pair(facts, c.indicator, y0)
    if isinstance(hit, Missing):
        return _unknown(f"the yearly increase needs {hit.why}", hit)
    y, prev, cur = hit
    used = (facts.used(c.indicator, y - 1), facts.used(c.indicator, y))
    if not _exact(prev, cur):
        return _unknown("a yearly increase cannot be computed from bounds", Missing(c.indicator, (y - 1, y), "exact figures"), facts=used)
    value = _q(cur.value - prev.value)
    unit = facts.unit(c.indicator)
    reason = (f"{facts.name(c.indicator)} rose from {_fmt(prev.value, unit)} ({y - 1}) to {_fmt(cur.value, unit)} ({y}): "
              f"an increase of {_fmt(value, unit)}{_stale_note(y, y0)}")
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator}[{y}] − {c.indicator}[{y - 1}]",
                       value=value, unit=unit, year=y, target=_q(c.target), target_year=y0, op=c.op,
                       facts=used, stale=y < y0)


def _growth(c: m.Growth, facts: Facts, year: int) -> Measurement:
    y0 = c.year or year
    name = facts.name(c.indicator)
    if c.base_year is None:
        hit = _pair(facts, c.indicator, y0)
        if isinstance(hit, Missing):
            return _unknown(f"growth needs {hit.why}", hit)
        y, prev, cur = hit
        start_year, start, end = y - 1, prev, cur
        formula = f"({c.indicator}[{y}] − {c.indicator}[{y - 1}]) / {c.indicator}[{y - 1}] × 100"
    else:
        hit2 = facts.latest(c.indicator, y0)
        start = facts.get(c.indicator, c.base_year)
        if start is None or hit2 is None or hit2[0] <= c.base_year:
            why = f"{name} for the base year {c.base_year} and a later year up to {y0}"
            return _unknown(f"average growth needs {why}", Missing(c.indicator, (c.base_year, y0), why))
        y, end = hit2
        start_year = c.base_year
        formula = f"(({c.indicator}[{y}] / {c.indicator}[{c.base_year}])^(1/{y - c.base_year}) − 1) × 100"
    used = (facts.used(c.indicator, start_year), facts.used(c.indicator, y))
    if not _exact(start, end):
        return _unknown("growth cannot be computed from bounds", Missing(c.indicator, (start_year, y), "exact figures"), facts=used)
    unit = facts.unit(c.indicator)
    a, b = start.value, end.value
    if a == 0:
        if b == 0:
            value, words = Decimal(0), "stayed at zero"
        else:
            value, words = UNBOUNDED, f"grew from zero to {_fmt(b, unit)} (growth from a zero base is unbounded)"
    else:
        value = f.growth_pct(b, a) if c.base_year is None else f.cagr_pct(a, b, y - start_year)
        per = "" if c.base_year is None else " a year on average"
        words = f"went from {_fmt(a, unit)} ({start_year}) to {_fmt(b, unit)} ({y}): {_fmt(_q(value), PERCENT)}{per}"
    return Measurement(state="measured", reason=f"{name} {words}{_stale_note(y, y0)}", formula=formula,
                       value=_q(value), unit=PERCENT, year=y, target=_q(c.min_growth), target_year=y0,
                       baseline=Decimal(0), op=c.op, facts=used, stale=y < y0)


def _rate(facts: Facts, year: int, num: str, den: str, per: Decimal, published: str | None,
          target: Decimal, op: str, baseline: Decimal | None, unit: str, what: str) -> Measurement:
    """A rate num / den × per; a published rate for the year is preferred when there is one."""
    want = year
    pub = facts.latest(published, want) if published else None
    both = [y for y in facts.years(num) if y <= want and facts.get(den, y) is not None]
    derived_year = both[-1] if both else None
    if pub is not None and (derived_year is None or pub[0] >= derived_year):
        m_ = _single(facts, published, want, target, op, baseline, f"published {published}[{{y}}] {op} target")  # type: ignore[arg-type]
        return replace(m_, reason=m_.reason + " (the officially published rate)")
    if derived_year is None:
        miss = [Missing(i, (want,), f"{facts.name(i)} for the same year as {facts.name(other)}, in or before {want}")
                for i, other in ((num, den), (den, num))]
        if published:
            miss.append(Missing(published, (want,), f"or the published {facts.name(published)}"))
        return _unknown(f"{what} needs {facts.name(num)} and {facts.name(den)} for the same year (in or before {want})", *miss)
    y = derived_year
    a, b = facts.get(num, y), facts.get(den, y)
    used = (facts.used(num, y), facts.used(den, y))
    if not _exact(a, b):  # type: ignore[arg-type]
        return _unknown(f"{what} cannot be computed from bounds", Missing(num, (y,), "exact figures"), facts=used)
    if b.value == 0:  # type: ignore[union-attr]
        return _error(f"{facts.name(den)} is 0 in {y}: {what} is not defined (division by zero)", used)
    value = CTX.multiply(CTX.divide(a.value, b.value), per)  # type: ignore[union-attr]
    reason = (f"{what} = {_fmt(a.value, facts.unit(num))} / {_fmt(b.value, facts.unit(den))} × {plain(per)} = "  # type: ignore[union-attr]
              f"{_fmt(_q(value), unit)} in {y}{_stale_note(y, want)}")
    return Measurement(state="measured", reason=reason, formula=f"{num}[{y}] / {den}[{y}] × {plain(per)}",
                       value=_q(value), unit=unit, year=y, target=_q(target), target_year=want,
                       baseline=None if baseline is None else _q(baseline), op=op, facts=used, stale=y < want)


def _ratio(c: m.Ratio, facts: Facts, year: int) -> Measurement:
    return _rate(facts, c.year or year, c.numerator, c.denominator, f.HUNDRED, c.published, c.target, c.op,
                 c.baseline, PERCENT, "the rate")


def _per_capita(c: m.PerCapita, facts: Facts, year: int) -> Measurement:
    return _rate(facts, c.year or year, c.indicator, c.population, Decimal(10_000), c.published, c.target, c.op,
                 c.baseline, PER_10K, "the figure per 10,000 people")


def _trajectory(c: m.Trajectory, facts: Facts, year: int) -> Measurement:
    name = facts.name(c.indicator)
    unit = facts.unit(c.indicator)
    hit = facts.latest(c.indicator, min(year, c.target_year))
    if hit is None or hit[0] <= c.base_year:
        why = f"{name} for a year after the {c.base_year} base (up to {min(year, c.target_year)})"
        return _unknown(f"progress needs {why}", Missing(c.indicator, (min(year, c.target_year),), why))
    t, fact = hit
    used = (facts.used(c.indicator, t),)
    value = _q(fact.value)
    higher = c.target >= c.base
    expected = _q(f.path_value(c.base, c.target, c.base_year, c.target_year, t))
    if _bound_blocks(fact, value, expected, higher):
        return _unknown("only a bound is published, which does not settle progress", Missing(c.indicator, (t,), "an exact figure"), facts=used)
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
    reason = (f"{name} was {_fmt(value, unit)} in {t}; the path from {_fmt(c.base, unit)} ({c.base_year}) to "
              f"{_fmt(c.target, unit)} ({c.target_year}) stands at {_fmt(expected, unit)} in {t}: "
              + ("on track" if on_track else "behind the path"))
    if needed is not None:
        reason += f"; {_fmt(_q(needed), PERCENT)} a year is needed from here"
    return Measurement(state="measured", reason=reason,
                       formula=f"{c.indicator}[{t}] vs base × (target/base)^(({t}−{c.base_year})/({c.target_year}−{c.base_year}))",
                       value=value, unit=unit, year=t, target=expected, target_year=t, baseline=_q(c.base),
                       op=">=" if higher else "<=", facts=used, stale=False, trajectory=traj)


def _exists(c: m.Exists, facts: Facts, year: int) -> Measurement:
    y = c.year or year
    name = facts.name(c.indicator)
    hit = facts.latest(c.indicator, y)
    if hit is None:
        why = f"evidence that {name} exists (in or before {y})"
        return _unknown(f"no {why}", Missing(c.indicator, (y,), why))
    fy, fact = hit
    used = (facts.used(c.indicator, fy),)
    ok = bool(fact.value)
    reason = f"{name}: {'yes' if ok else 'no'} ({fy}){_stale_note(fy, y)}"
    if ok:
        for attr, allowed in sorted(c.where.items()):
            got = fact.attributes.get(attr)
            if got is None:
                why = f"{attr} of the {name} (one of: {', '.join(allowed)})"
                return _unknown(f"{name} exists ({fy}) but its {attr} is not stated", Missing(c.indicator, (y,), why), facts=used)
            if got not in allowed:
                ok = False
                reason += f"; {attr} is {got}, not one of {', '.join(allowed)}"
            else:
                reason += f"; {attr}: {got}"
    return Measurement(state="measured", reason=reason, formula=f"{c.indicator} exists" + "".join(
        f" and {a} in {v}" for a, v in sorted(c.where.items())), value=Decimal(1 if ok else 0), unit="yes/no",
        year=fy, target=Decimal(1), target_year=y, baseline=Decimal(0), op=">=", facts=used, stale=fy < y)


def _composite(c: Any, facts: Facts, year: int) -> Measurement:
    parts = tuple(measure_check(x, facts, year) for x in c.checks)
    return Measurement(state="composite", reason="", formula=c.kind, parts=parts, combine=c.kind,
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


def target_summary(check: Any, cat: Catalogue, year: int) -> str:  # noqa: C901 - one line per kind
    """The target of a check in a few words, known before any fact is read: '>= 650 家 (2022)'."""
    def unit(ind: str) -> str:
        u = cat.units[ind]
        return u.text if u else "yes/no"

    k = check.kind
    if k in ("all_of", "any_of"):
        word = "all of" if k == "all_of" else "any of"
        return f"{word}: " + "; ".join(target_summary(c, cat, year) for c in check.checks)
    if k == "exists":
        extra = "".join(f", {a} in {'/'.join(v)}" for a, v in sorted(check.where.items()))
        return f"{cat.indicators[check.indicator].name.en} exists{extra}"
    if k == "trajectory":
        return (f"{display(check.base, unit(check.indicator))} ({check.base_year}) → "
                f"{display(check.target, unit(check.indicator))} ({check.target_year})")
    if k == "path":
        return ", ".join(f"{y}: {OP_SYMBOL[check.op]} {display(v, unit(check.indicator))}" for y, v in check.targets.items())
    if k == "growth":
        span = f" a year since {check.base_year}" if check.base_year else " year on year"
        return f"growth {OP_SYMBOL[check.op]} {display(check.min_growth, PERCENT)}{span} ({check.year or year})"
    if k == "flow":
        return f"increase {OP_SYMBOL[check.op]} {display(check.target, unit(check.indicator))} in the year ({check.year or year})"
    u = {"ratio": PERCENT, "per_capita": PER_10K}.get(k) or unit(check.indicator)
    return f"{OP_SYMBOL[check.op]} {display(check.target, u)} ({check.year or year})"


def measure(criterion: m.Criterion, facts: Facts, year: int) -> Measurement:
    """Measure a criterion: not applicable for the city's level, or its check's measurement."""
    if criterion.applies_if and facts.city.city.level not in criterion.applies_if.level:
        return Measurement(state="not_applicable",
                           reason=f"applies to {', '.join(criterion.applies_if.level)} cities; this city is {facts.city.city.level}")
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
