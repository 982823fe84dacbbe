"""What every check kind shares: the registry, and the helpers for resolving and measuring checks.

A check kind is one module in this folder (see `__init__.py`) with a `KIND`: its pydantic
model, how its targets are resolved into indicator units when a framework loads, how it is
measured on a city's facts, how its target reads in a few words, which indicators it reads —
and, with defaults here, its name as reports print it, what its trend shows, the attribute
values it asks for, the checks it is made of and how their statuses combine, and whether it
asks for a yes/no (which `plan` and the reports treat as evidence to publish, "must exist").
Nothing outside this folder names a kind: measure, load, plan, explain, criteria and the
reports ask the registry (`kind_of`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from .. import formulas as f
from ..age import PREVIOUS_YEAR, STALE, TOO_OLD
from ..catalogue import Catalogue
from ..errors import InputError, did_you_mean
from ..facts import Facts
from ..fields import Names
from ..result import FactUsed, Listed, Measurement, Missing, Q, Reason, When, say
from ..units import CTX, Unit, UnitError, plain, to_unit
from ..yamldoc import Document

if TYPE_CHECKING:
    from .. import models as m

# A stand-in for "unbounded" (growth from a zero base, no upper goalpost): larger than any
# accepted figure (10^12) yet small enough for a signed 64-bit fixed-point number.
UNBOUNDED = Decimal(4_000_000_000_000)


def no_trend(check: Any) -> str | None:  # noqa: ARG001 - a Kind hook's signature
    """A kind without a trend: no indicator's history is drawn for it."""
    return None


def own_indicator(check: Any) -> str | None:
    """The trend of a single-indicator check: its indicator's history."""
    return check.indicator


def own_target(check: Any, year: int) -> tuple[Decimal | None, int | None]:
    """The target of the year judged, as the check states it (`target`, by `year` or the year judged)."""
    return check.target, check.year or year


def stated_year(check: Any) -> int | None:
    """The year a check states for its target (`year:`), if any."""
    return getattr(check, "year", None)


def the_year_judged(check: Any, year: int) -> int:  # noqa: ARG001 - a Kind hook's signature
    """A kind whose evidence, measured in a year, comes only from figures of that year or before."""
    return year


def no_parts(check: Any) -> list[tuple[tuple[Any, ...], Any]]:  # noqa: ARG001 - a Kind hook's signature
    """A check made of no other checks."""
    return []


def no_attributes(check: Any) -> list[tuple[tuple[Any, ...], str, str, str]]:  # noqa: ARG001 - a Kind hook's signature
    """A check that asks for no attribute values."""
    return []


@dataclass(frozen=True)
class Kind:
    """One check kind: its model, the four things the engine asks of it, and the hooks with defaults.

    label            its name as reports print it ("threshold" / "门槛值"); None: the kind's id
    trend_indicator  the indicator whose history its trend shows (None: no trend)
    trend_target     when its target is a level in that indicator's unit: the target (and its year) of the
                     year judged as the check states it, for a trend whose check was not measured; None when
                     the target is not in the indicator's unit (a growth rate, a yearly increase)
    yes_no           it asks whether a mechanism is in place: its target reads "must exist", and `plan`
                     asks for its evidence only
    names_indicator  its description names what it reads (a composite does not repeat indicator names)
    parts            the checks it is made of, each with its path within the check: (("checks", 0), check)
    attribute_values the attribute values it asks for: (path within the check, indicator, attribute, value)
    combine          for a kind made of parts: their (status, score) into its own
    parts_heading    for a kind made of parts: the line that introduces them in `explain`
    figure_is_level  an unmeasured check's latest figure is in its target's unit, so an evidence request can
                     say where it stands against the target ("2021年119 亿元，已为目标的3倍")
    due_year         in a plan, the year its target is due when the check states one (None: the plan's)
    final_target     in a plan, its target for the year it is due, when that differs from the year's own
                     (a path's last year)
    base_indicator   in a plan without a stated base, the indicator whose figure in the plan's base year is
                     the base its path starts from (None: no path without a stated base)
    evidence_until   the latest year whose figures can give it evidence when it is measured in a year
                     (`the_year_judged` for most kinds); None: the kind does not say (a plug-in's), so the
                     choice of the year judged measures it in every candidate year
    """
    name: str
    model: type
    resolve: Callable[[Any, "Resolver"], None]
    measure: Callable[[Any, Facts, int], Measurement]
    describe: Callable[[Any, Catalogue, int], Reason]
    indicators: Callable[[Any], list[str]]
    label: Names | None = None
    trend_indicator: Callable[[Any], str | None] = no_trend
    trend_target: Callable[[Any, int], tuple[Decimal | None, int | None]] | None = None
    yes_no: bool = False
    names_indicator: bool = False
    parts: Callable[[Any], list[tuple[tuple[Any, ...], Any]]] = no_parts
    attribute_values: Callable[[Any], list[tuple[tuple[Any, ...], str, str, str]]] = no_attributes
    combine: Callable[[list[tuple[str, Decimal | None]]], tuple[str, Decimal | None]] | None = None
    parts_heading: Names | None = None
    figure_is_level: bool = False
    due_year: Callable[[Any], int | None] = stated_year
    final_target: Callable[[Any, int], Decimal | None] | None = None
    base_indicator: Callable[[Any], str | None] = no_trend
    evidence_until: Callable[[Any, int], int | None] | None = None


REGISTRY: dict[str, Kind] = {}  # filled by the package's __init__, one entry per kind module


def kind_of(name: str) -> Kind:
    """The registered kind of that name."""
    return REGISTRY[name]


def label(zh: str, en: str) -> Names:
    """A kind's name as reports print it, in both languages."""
    return Names(zh=zh, en=en)


def measure_check(check: Any, facts: Facts, year: int) -> Measurement:
    """Measure one check for the evaluation year."""
    return REGISTRY[check.kind].measure(check, facts, year)


def describe(check: Any, cat: Catalogue, year: int) -> Reason:
    """The target of a check in a few words, known before any fact is read: '≥ 650 家 (2022)'."""
    return REGISTRY[check.kind].describe(check, cat, year)


def check_indicators(check: Any) -> list[str]:
    """Every indicator a check reads, in a stable order."""
    return REGISTRY[check.kind].indicators(check)


def evidence_until(check: Any, year: int) -> int | None:
    """The latest year whose figures can give `check` evidence when it is measured in `year`; None when its kind
    does not say. A check none of whose indicators has a figure up to that year is unknown in `year`."""
    hook = REGISTRY[check.kind].evidence_until
    return None if hook is None else hook(check, year)


# ---------------------------------------------------------------- resolving (when a framework loads)

@dataclass
class Resolver:
    """Checks the indicators a check names and converts its targets into their units."""
    doc: Document
    cat: Catalogue
    check: Any
    path: tuple[Any, ...]
    update: dict[str, Any] = field(default_factory=dict)

    def error(self, fld: str, message: Reason) -> InputError:
        """An error at one field of the check."""
        return self.doc.error(self.path + (fld,), message)

    def indicator(self, fld: str, ind_id: str | None = None) -> m.Indicator:
        """The indicator a field names (an error with a did-you-mean if there is none)."""
        ind_id = ind_id if ind_id is not None else getattr(self.check, fld)
        if ind_id not in self.cat.indicators:
            raise self.error(fld, say("check.unknown_indicator", id=repr(ind_id))
                             + did_you_mean(ind_id, list(self.cat.indicators)))
        return self.cat.indicators[ind_id]

    def published(self, counter: str) -> None:
        """The `published` indicator (if any) must carry the rate itself, in `counter` (% or 件/万人)."""
        if getattr(self.check, "published", None) is None:
            return
        unit = self.cat.units[self.indicator("published").id]
        if unit is None or unit.counter != counter:
            what = say("check.a_mechanism") if unit is None else say("check.in_unit", unit=unit.text)
            raise self.error("published", say("check.published_rate", id=repr(self.check.published), what=what,
                                              counter=counter))

    def numeric(self, fld: str, kinds: tuple[str, ...] | None = None) -> Unit:
        """The unit of the numeric indicator a field names (refused: a mechanism, or a kind not in `kinds`)."""
        ind = self.indicator(fld)
        if ind.kind == "mechanism":
            raise self.error(fld, say("check.use_exists", id=repr(ind.id)))
        if kinds and ind.kind not in kinds:
            raise self.error(fld, say("check.kind_needs", id=repr(ind.id), kind=ind.kind, kinds=" / ".join(kinds)))
        return self.cat.units[ind.id]  # type: ignore[return-value]

    def convert(self, fld: str, unit: Unit) -> None:
        """Convert the field's quantity (if given) into `unit`."""
        value = getattr(self.check, fld)
        if value is not None:
            self.update[fld] = self.quantity((fld,), value, unit)

    def quantity(self, sub: tuple[Any, ...], value: Any, unit: Unit) -> Decimal:
        """A quantity as written, in `unit`; an error at `path + sub` if it does not fit."""
        try:
            return to_unit(value, unit)
        except UnitError as exc:
            raise self.doc.error(self.path + sub, exc.reason) from None


def resolve_check(doc: Document, cat: Catalogue, chk: Any, path: tuple[Any, ...]) -> Any:
    """A check with its indicators checked and its targets in their units."""
    r = Resolver(doc, cat, chk, path)
    REGISTRY[chk.kind].resolve(chk, r)
    return chk.model_copy(update=r.update) if r.update else chk


# ---------------------------------------------------------------- measuring

def unknown(reason: Reason, *missing: Missing, facts: tuple[FactUsed, ...] = ()) -> Measurement:
    """Unknown: evidence missing (`missing` says which figure for which years)."""
    return Measurement(state="unknown", reason=reason, missing=tuple(missing), facts=facts)


def error(reason: Reason, facts: tuple[FactUsed, ...] = ()) -> Measurement:
    """An error in the data (e.g. a division by zero)."""
    return Measurement(state="error", reason=reason, facts=facts)


def q(d: Decimal) -> Decimal:
    """A value on the engine's 10^-6 grid."""
    return f.on_grid(d)


def stale_note(used_year: int, year: int, as_of: str | None = None) -> Reason:
    """' (latest figure is for 2021, older than 2022: stale)', or nothing."""
    if as_of is not None:
        return say("stale_as_of", m=When.of(used_year, as_of), year=year) if used_year <= year else Reason()
    return say("stale", used=used_year, year=year) if used_year < year else Reason()


def need_for(facts: Facts, ind: str, year: int) -> Reason:
    """What would settle it: the indicator for the year (or, within the age limit, a year or two before)."""
    most = facts.max_age(ind)
    if most == 0:
        return say("need.for_year", ind=facts.names(ind), year=year)
    return say("need.for_year_or_earlier", ind=facts.names(ind), year=year, earliest=year - most)


def too_old(facts: Facts, ind: str, year: int, fact: "m.Fact", judged: int, fresh: str,
            used: tuple[FactUsed, ...], value: Decimal, op: str = ">=") -> Measurement:
    """Unknown: the latest figure is too old for the year judged (or a yearly figure is a year late).

    The old figure stays in the measurement (value, year, and the direction `op` of the target) as
    context; it decides nothing."""
    when = When.of(year, fact.as_of)
    code = ("previous_year" if fresh == PREVIOUS_YEAR else "too_old") + ("_as_of" if fact.as_of else "")
    most = facts.max_age(ind)
    reason = say(code, ind=facts.names(ind), v=Q(value, facts.unit(ind)), y=when, year=judged, most=most,
                 most_s="" if most == 1 else "s")
    return Measurement(state="unknown", reason=reason, missing=(Missing(ind, (judged,), need_for(facts, ind, judged)),),
                       facts=used, value=value, unit=facts.unit(ind), year=year, freshness=fresh, as_of=fact.as_of,
                       op=op)


EXACT = say("need.exact")
EXACT_BOTH = say("need.exact_both")


def bound_blocks(fact: m.Fact, value: Decimal, target: Decimal, higher: bool) -> bool:
    """True when a published bound ("over 1,200") does not settle the comparison."""
    if fact.bound == "exact":
        return False
    if fact.bound == "at_least":
        return not (higher and value >= target)
    return not ((not higher) and value <= target)


def exact(*fs: m.Fact) -> bool:
    """True when every fact is an exact figure (no bound)."""
    return all(x.bound == "exact" for x in fs)


def single(facts: Facts, ind: str, year: int, target: Decimal, op: str, baseline: Decimal | None,
           formula: str, target_year: int | None = None, now: int | None = None) -> Measurement:
    """A value read straight from one fact (threshold, count, path), for the target of `year`.

    The figure must be of `year`, or older within the indicator's age limit (engine/age.py).
    When the evaluation year `now` comes before `year`, the target is not due yet: the latest
    figure up to `now` is held against it, and the result is marked as a projection."""
    projection = now is not None and now < year
    look = now if projection else year
    hit = facts.latest(ind, look)  # type: ignore[arg-type]
    name = facts.names(ind)
    if hit is None:
        later = [y for y in facts.years(ind) if y > look]  # type: ignore[operator]
        need = need_for(facts, ind, look)  # type: ignore[arg-type]
        why = say("no_figure") + need
        if later:
            why += say("only_for", years=Listed(tuple(later)))
        return unknown(why, Missing(ind, (look,), need))  # type: ignore[arg-type]
    y, fact = hit
    used = (facts.used(ind, y),)
    value = q(fact.value)
    fresh = facts.freshness(ind, y, fact, look)  # type: ignore[arg-type]
    if fresh in (PREVIOUS_YEAR, TOO_OLD):
        return too_old(facts, ind, y, fact, look, fresh, used, value, op)  # type: ignore[arg-type]
    higher = op in (">=", ">")
    v = Q(value, facts.unit(ind))
    if bound_blocks(fact, value, target, higher):
        why = say("bound_unsettled", bound=say(f"bound.{fact.bound}"), v=v, y=When.of(y, fact.as_of))  # type: ignore[arg-type]
        return unknown(why, Missing(ind, (look,), EXACT), facts=used)  # type: ignore[arg-type]
    reason = (say("was_as_of", ind=name, v=v, m=When.of(y, fact.as_of))  # type: ignore[arg-type]
              if fact.as_of else say("was", ind=name, v=v, y=y))
    reason += stale_note(y, look, fact.as_of)  # type: ignore[arg-type]
    if fact.bound == "at_least":
        reason += say("lower_bound_note")
    if projection:
        reason += say("projection", year=year)
    return Measurement(state="measured", reason=reason, formula=formula.format(y=y), value=value, unit=facts.unit(ind),
                       year=y, target=q(target), target_year=target_year or year,
                       baseline=None if baseline is None else q(baseline), op=op, facts=used, stale=fresh == STALE,
                       freshness=fresh, as_of=fact.as_of, projection=projection)


def pair(facts: Facts, ind: str, year: int) -> tuple[int, "m.Fact", "m.Fact"] | Missing:
    """The year-end figures for `year` − 1 and `year`: a change is always the change into the year judged."""
    prev, cur = facts.get(ind, year - 1), facts.get(ind, year)
    has_prev, has_cur = prev is not None and prev.as_of is None, cur is not None and cur.as_of is None
    if has_prev and has_cur:
        return year, prev, cur
    present = prev if has_prev else cur
    if (has_prev or has_cur) and present.bound == "exact":  # one of the two is there: only the other is asked for
        other = year if has_prev else year - 1
        return Missing(ind, (other,), say("need.for_year", ind=facts.names(ind), year=other))
    # (neither, or one that is only a bound — "at least 24.9": no change can be worked out from it, so the
    # exact figure of its year is asked for with the other's)
    return Missing(ind, (year - 1, year), say("need.pair", ind=facts.names(ind), y0=year - 1, year=year))


def rate(facts: Facts, year: int, num: str, den: str, per: Decimal, published: str | None,
         target: Decimal, op: str, baseline: Decimal | None, unit: str, what: Reason,
         now: int | None = None) -> Measurement:
    """A rate num / den × per (ratio, per capita), for the target of `year`.

    The officially published rate is used when it is at least as recent as the figures the
    rate could be derived from, or when the derived rate cannot be computed (bounds only, or
    a zero denominator); otherwise the rate is derived, from the numerator and denominator of
    one year, which must be within the numerator's age limit. Before `year` (`now` earlier),
    the latest figures are held against the target as a projection."""
    projection = now is not None and now < year
    want: int = now if projection else year  # type: ignore[assignment]
    pub = facts.latest(published, want) if published else None
    both = [y for y in facts.years(num) if y <= want and facts.get(den, y) is not None]
    derived_year = both[-1] if both else None

    def published_rate(note: Reason = Reason()) -> Measurement:
        m_ = single(facts, published, year, target, op, baseline, f"published {published}[{{y}}] {op} target",  # type: ignore[arg-type]
                    now=now)
        return replace(m_, reason=m_.reason + say("rate.published") + note)

    def for_the_year(lacking) -> list[Missing]:
        """What settles the rate for the year judged: the `lacking` figures of the pair (one need, two figures),
        or the published rate."""
        pair = say("need.same_year", a=facts.names(num), b=facts.names(den), year=want)
        miss = [Missing(i, (want,), pair) for i in lacking]
        if published:
            miss.append(Missing(published, (want,), say("need.or_published", ind=facts.names(published))))
        return miss

    if pub is not None and (derived_year is None or pub[0] >= derived_year):
        return published_rate()
    if derived_year is None:
        return unknown(what + say("rate.needs", num=facts.names(num), den=facts.names(den), year=want),
                       *for_the_year((num, den)))
    y = derived_year
    a, b = facts.get(num, y), facts.get(den, y)
    used = (facts.used(num, y), facts.used(den, y))
    broken = None
    if not exact(a, b):  # type: ignore[arg-type]
        broken = say("rate.broken_bounds", y=y)
    elif b.value == 0:  # type: ignore[union-attr]
        broken = say("rate.broken_zero", ind=facts.names(den), y=y)
    if broken is not None:
        # A newer derived figure that cannot be computed does not hide an older published one.
        if pub is not None:
            return published_rate(say("rate.cannot_derive") + broken)
        if not exact(a, b):  # type: ignore[arg-type]
            return unknown(what + say("rate.bounds"), Missing(num, (y,), EXACT_BOTH), facts=used)
        return error(say("rate.zero_head", ind=facts.names(den), y=y) + what + say("rate.undefined"), used)
    fresh = facts.freshness(num, y, a, want)  # type: ignore[arg-type]
    if fresh in (PREVIOUS_YEAR, TOO_OLD):
        old = too_old(facts, num, y, a, want, fresh, used, q(a.value))  # type: ignore[arg-type, union-attr]
        # what settles it is the pair for the year judged: whichever of the two has no figure for that year
        # (a newer numerator alone does not make a rate), or the published rate
        lacking = [i for i in (num, den) if facts.get(i, want) is None]
        return replace(old, missing=tuple(for_the_year(lacking) if lacking else [*old.missing, *for_the_year(())]))
    # each figure in its indicator's unit: scale both by their multipliers (万, 亿) before dividing
    num_mult, den_mult = facts.cat.units[num].mult, facts.cat.units[den].mult  # type: ignore[union-attr]
    value = CTX.multiply(CTX.divide(CTX.multiply(a.value, num_mult), CTX.multiply(b.value, den_mult)), per)  # type: ignore[union-attr]
    reason = what + say("rate.value", a=Q(a.value, facts.unit(num)), b=Q(b.value, facts.unit(den)),  # type: ignore[union-attr]
                        per=per, v=Q(q(value), unit), y=y) + stale_note(y, want, a.as_of)  # type: ignore[union-attr]
    if projection:
        reason += say("projection", year=year)
    return Measurement(state="measured", reason=reason, formula=f"{num}[{y}] / {den}[{y}] × {plain(per)}",
                       value=q(value), unit=unit, year=y, target=q(target), target_year=year,
                       baseline=None if baseline is None else q(baseline), op=op, facts=used, stale=fresh == STALE,
                       freshness=fresh, as_of=a.as_of, projection=projection)  # type: ignore[union-attr]
