"""The result model: one set of types that every output (table, JSON, Markdown, PDF) reads.

The engine writes no sentence: a reason is a `Reason`, a sequence of `Say` phrases, each a
code of the word book (`ipcheck.reports.words`) with its arguments (numbers with units,
years, indicator names, codes). The word book turns them into Chinese or English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from functools import cached_property
from typing import Any

from .fields import Names
from .phrases import Reason, Say, say  # noqa: F401  (the phrase types, used with the results)
from .records import record
from .units import YES_NO

# ---------------------------------------------------------------- phrase arguments


@record
class Q:
    """A quantity to show: a value in a unit (shown with grouped digits, at most two decimals)."""
    value: Decimal
    unit: str = ""


@record
class Cmp:
    """A comparison operator (">=" is shown as ≥)."""
    op: str


@record
class Share:
    """A share in [0, 1], shown as a whole percentage."""
    value: Decimal


@record
class Score:
    """A score on 0–100, shown with one decimal."""
    value: Decimal


@record
class Term:
    """A word of one of ipcheck's vocabularies (a city level, say), shown in the output's language."""
    vocabulary: str
    code: str


@record
class When:
    """A year, or a month of it (a figure published "as of" a month): "2018" / "April 2018", "2018年" / "2018年4月"."""
    year: int
    month: int | None = None

    @classmethod
    def of(cls, year: int, as_of: str | None = None) -> "When":
        """The year, or the month of a fact's `as_of` ("2018-04") when it has one."""
        return cls(int(as_of[:4]), int(as_of[5:7])) if as_of else cls(year)


@record
class Listed:
    """Items shown one after the other; `style` says how they are joined (see the word book)."""
    items: tuple[Any, ...]
    style: str = "list"  # list: "a, b" / "a、b"; codes: "a, b" in both; alternatives: "a/b"; clauses: "a; b" / "a；b";
    #                      series: "a, b" / "a，b"; numbered: "[1] a; [2] b" / "[1] a；[2] b"


NO_REASON = Reason()
MUST_EXIST = say("target.must_exist")  # the target of a yes/no criterion


def provisional(verdict: str, verdict_low: str | None) -> bool:
    """True when a verdict is given but the missing evidence, were it all unmet, would give another."""
    return verdict != "not_assessable" and verdict_low is not None and verdict_low != verdict


@record
class FactUsed:
    """One published figure a result rests on, with where it came from."""
    indicator: str
    year: int
    value: Decimal | bool
    unit: str
    bound: str
    source_key: str
    source_title: str
    source_url: str | None
    publisher: str | Names  # as the fact file has it: a text, or both languages (reports pick one)
    read: dt.date | None  # None for a what-if assumption
    confidence: str
    note: str | Names | None = None  # as the fact file has it: a text in one language, or both (reports pick one)
    assumed: bool = False  # set by what-if (`--set`), never by a fact file


@record
class Assumption:
    """A what-if figure given with `--set`: it stands in for the published figure of that year in every result.

    `published` is the figure the city's file gives for that year (None when it gives none)."""
    indicator: str
    name_zh: str
    name_en: str
    year: int
    value: Decimal | bool
    bound: str
    unit: str
    published: Decimal | bool | None = None
    published_bound: str | None = None


@record
class Missing:
    """A figure that would have let a criterion be decided."""
    indicator: str
    years: tuple[int, ...]
    why: Reason


@record
class Trajectory:
    """Progress from a base value towards a target by a year."""
    base_year: int
    base: Decimal
    year: int
    value: Decimal
    target_year: int
    target: Decimal
    expected_now: Decimal          # where the path stands in `year`
    observed_cagr_pct: Decimal | None   # base → year
    needed_cagr_pct: Decimal | None     # year → target_year; None once the target year is reached
    on_track: bool
    projected_year: int | None     # year the target is reached at the observed pace


@record
class Trend:
    """An indicator's published history and the growth it shows against the target.

    observed: compound yearly growth from the first to the last figure; needed: the compound
    yearly growth that takes the last figure to the target by the target year.
    """
    indicator: str
    unit: str
    history: tuple[tuple[int, Decimal], ...]
    target: Decimal | None
    target_year: int | None
    observed_cagr_pct: Decimal | None
    needed_cagr_pct: Decimal | None
    projected_year: int | None = None  # when the target is reached at the observed pace


@record
class FixFirst:
    """How much the overall score rises if one criterion were met (all else unchanged)."""
    criterion: str
    gain: Decimal            # points on 0–100
    score_if_met: Decimal
    status: str
    coverage_gain: Decimal   # share of the weight that would gain evidence (unknown criteria)
    range_narrowing: Decimal = Decimal(0)  # points by which knowing it narrows the score range


@record
class Measurement:
    """What measuring a check produced, before any decision.

    state: measured | unknown | not_applicable | error. A measured check carries value,
    target and (optionally) baseline on the 10^-6 grid, and the comparison `op`.
    """
    state: str
    reason: Reason
    formula: str = ""
    value: Decimal | None = None
    unit: str = ""
    year: int | None = None
    target: Decimal | None = None
    target_year: int | None = None
    baseline: Decimal | None = None
    op: str = ">="
    facts: tuple[FactUsed, ...] = ()
    missing: tuple[Missing, ...] = ()
    stale: bool = False
    trajectory: Trajectory | None = None
    parts: tuple["Measurement", ...] = ()
    combine: str | None = None  # all_of / any_of
    freshness: str = ""             # "", stale, previous_year, too_old (engine/age.py); an unknown that is
    #                                 previous_year or too_old keeps the old figure as context (value, year)
    as_of: str | None = None        # the month of a stock published for a month (YYYY-MM)
    projection: bool = False        # the target's year is not reached yet: judged on the path or the latest figure
    held: Reason = NO_REASON        # a mechanism in place whose attribute falls short: what it has, what it needs
    labels: tuple[tuple[str, Any], ...] = ()  # attribute ids and values the formula names, with their Names

    @property
    def higher_is_better(self) -> bool:
        """True when a larger value is better (op >= or >)."""
        return self.op in (">=", ">")

    @property
    def is_mechanism(self) -> bool:
        """A yes/no measurement (1 = in place)."""
        return self.unit == YES_NO

    @property
    def assumed(self) -> bool:
        """Whether it reads a what-if (`--set`) figure: among its facts or those of a part of a combined check."""
        return any(f.assumed for f in self.facts) or any(p.assumed for p in self.parts)


@record
class PlanTarget:
    """A plan's target as a plan evaluation reads it: its year, the year judged, and the path to it.

    The path runs from the base (the plan's own 基期值, else the city's figure for the plan's base
    year) to the target, as `formulas.path_value` draws it (compound; linear from a base of 0);
    `expected` is where it stands in the year of the figure judged. Without a base there is no
    path: `share` is the share of the target the figure reaches (value / target; target / value
    when lower is better)."""
    target_year: int               # the year the target is due
    year: int                      # the year judged
    base_year: int | None = None
    base: Decimal | None = None
    expected: Decimal | None = None
    share: Decimal | None = None
    final: Decimal | None = None   # a plan's own yearly path (kind path): the target of its last year

    @property
    def due(self) -> bool:
        """True once the year judged has reached the target's year."""
        return self.year >= self.target_year


ACHIEVEMENTS = ("met", "on_track", "behind", "missed", "no_path", "unknown")


def meets(value: Decimal, target: Decimal, op: str) -> bool:
    """True when `value` meets `target` under the comparison `op` (what the deciders call pass)."""
    return {">=": value >= target, ">": value > target, "<=": value <= target, "<": value < target}[op]


def achievement(status: str, ms: "Measurement", plan: PlanTarget | None) -> str | None:
    """A plan target's achievement: met, on_track, behind, missed, no_path or unknown (None outside a plan,
    and for a target not applicable or waived).

    unknown   no evidence (status unknown or error);
    met       the target reached (before its year too: met early);
    missed    its year reached and the target not; a mechanism or a combined target not in place;
    on_track  before its year, at or beyond the path from its base to its target (a trajectory's status
              pass is exactly this, as is a pass of a yearly target of the plan's own path);
    behind    before its year, short of that path;
    no_path   before its year, not reached, and no base to draw a path from."""
    if plan is None or status in ("not_applicable", "waived"):
        return None
    if status in ("unknown", "error"):
        return "unknown"
    if ms.is_mechanism or ms.combine or plan.due:
        return "met" if status == "pass" else "missed"
    final = ms.trajectory.target if ms.trajectory is not None else plan.final
    if final is not None:  # the plan draws its own path (a trajectory, yearly targets): a pass is on that path
        if ms.value is not None and meets(ms.value, final, ms.op):
            return "met"
        return "on_track" if status == "pass" else "behind"
    if status == "pass":
        return "met"
    if ms.value is None:  # a target without a figure taken as unmet (the low end of the range)
        return "behind"
    if plan.expected is None:
        return "no_path"
    return "on_track" if meets(ms.value, plan.expected, ms.op) else "behind"


@record
class CriterionResult:
    """One criterion's result: status, score, measurement, gap, reason and where its figures come from."""
    id: str
    title_zh: str
    title_en: str
    category: str
    weight: Decimal
    required: bool
    clause: str
    lead_unit: str
    check_kind: str
    status: str
    score: Decimal | None           # in [0, 1]; None without evidence
    measurement: Measurement
    gap: Decimal | None             # value − target, in the unit
    gap_pct: Decimal | None         # (value − target) / target × 100
    reason: Reason
    target_summary: Reason = NO_REASON
    trend: Trend | None = None
    waiver: "WaiverNote | None" = None
    part_statuses: tuple[str, ...] = ()
    aspirational: bool = False      # 力争 in the document: a target the plan strives for
    plan: PlanTarget | None = None  # a plan framework's target: its year and path (None in any other framework)

    @cached_property  # read by the verdict, its range, the counts and the summary: worked out once
    def achievement(self) -> str | None:
        """The plan target's achievement (see `achievement`); None outside a plan framework."""
        return achievement(self.status, self.measurement, self.plan)

    @property
    def early(self) -> bool:
        """A plan's figure target met before its year (提前完成); a mechanism is in place or not."""
        ms = self.measurement
        return (self.achievement == "met" and self.plan is not None and not self.plan.due
                and not ms.is_mechanism and not ms.combine)


@record
class WaiverNote:
    """A waiver that matched a criterion, and whether it was still in force on the date judged."""
    criterion: str
    justification: str
    expires: dt.date
    active: bool


@record
class CategoryScore:
    """A category's score (0–100) and coverage, with its weight."""
    category: str
    score: Decimal | None    # 0–100
    coverage: Decimal | None  # 0–1
    weight: Decimal


@record
class LaterYear:
    """A year after the one judged whose figures the evaluation did not use (a framework judged in its
    most-evidence year): the criteria they give evidence for, and those of them not met in that year."""
    year: int
    criteria: tuple[str, ...]   # criteria with a figure newer than the year judged, decided in `year`
    unmet: tuple[str, ...]      # of those, the ones failed or partly met in `year`


@record
class FrameworkResult:
    """A city's evaluation against one framework: every criterion, the categories, score, range, verdict."""
    framework_id: str
    framework_version: int
    framework_title_zh: str
    framework_title_en: str
    framework_kind: str
    source_file: str
    source_title: str | None  # None: the framework does not say (a draft whose document did not)
    issuer: str | None
    city_id: str
    city_zh: str
    city_en: str
    city_level: str
    year: int
    as_of: dt.date
    engine: str
    model: str
    score: Decimal | None           # on the criteria with evidence
    coverage: Decimal
    coverage_floor: Decimal
    ready_threshold: Decimal
    nearly_threshold: Decimal
    verdict: str
    verdict_reason: Reason
    categories: tuple[CategoryScore, ...]
    results: tuple[CriterionResult, ...]
    counts: dict[str, int] = field(default_factory=dict)
    waivers: tuple[WaiverNote, ...] = ()
    fix_first: tuple[FixFirst, ...] = ()
    score_low: Decimal | None = None     # every criterion without evidence failed
    score_high: Decimal | None = None    # every criterion without evidence met
    verdict_low: str | None = None       # the verdict if every criterion without evidence failed
    lacking: int = 0                     # applicable criteria without evidence
    applicable: int = 0                  # applicable, unwaived criteria
    source_number: str | None = None     # the source document's 文号
    source_date: dt.date | None = None   # the source document's date
    derived_from: tuple[str, ...] = ()   # the documents a derived (reference) framework is drawn from
    indicator_names: dict = field(default_factory=dict)  # indicator id -> Names, of every indicator it reads
    year_basis: str = "given"            # why this year: given (--year), target_year, most_evidence, no_evidence
    achievement: dict[str, int] | None = None  # a plan framework's targets by achievement (ACHIEVEMENTS); else None
    later: LaterYear | None = None       # judged in its most-evidence year: the latest year after it with evidence

    @property
    def assessable(self) -> bool:
        """False when too little of the weight has evidence for a verdict."""
        return self.verdict != "not_assessable"

    @property
    def provisional(self) -> bool:
        """A verdict the missing evidence could still lower (were it all unmet)."""
        return provisional(self.verdict, self.verdict_low)

    @property
    def rests_on_assumption(self) -> bool:
        """Whether any criterion's result reads a what-if (`--set`) figure."""
        return any(r.measurement.assumed for r in self.results)


def meet_first(res: FrameworkResult) -> list:
    """The criteria whose meeting raises the score, largest gain first (what a report says to fix first)."""
    return [g for g in res.fix_first if g.gain > 0]


def collect_first(res: FrameworkResult) -> list:
    """The criteria without evidence whose meeting does not raise the score: ranked by the coverage their
    evidence adds, then by how much it narrows the score range (what to collect first)."""
    rest = [g for g in res.fix_first if g.gain <= 0 and g.status in ("unknown", "error")
            and (g.coverage_gain > 0 or g.range_narrowing > 0)]
    return sorted(rest, key=lambda g: (-g.coverage_gain, -g.range_narrowing, g.criterion))
