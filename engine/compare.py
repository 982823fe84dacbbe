"""Comparisons: cities ranked, years side by side, frameworks diffed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from .load import LoadedFramework
from .records import record
from .result import CategoryScore, FrameworkResult, provisional


@record
class Summary:
    """What a comparison shows of one city's evaluation: small enough to send between processes."""
    framework_id: str
    framework_version: int
    framework_title_zh: str
    framework_title_en: str
    city_id: str
    city_zh: str
    city_en: str
    year: int
    score: Decimal | None
    coverage: Decimal
    verdict: str
    categories: tuple[CategoryScore, ...]
    statuses: tuple[tuple[str, str], ...]  # (criterion id, status), in the framework's order
    score_low: Decimal | None = None
    score_high: Decimal | None = None
    lacking: int = 0
    applicable: int = 0
    verdict_low: str | None = None  # the verdict if every criterion without evidence failed
    achievement: dict[str, int] | None = None  # a plan framework's targets by achievement
    # a plan framework's targets: (criterion id, achievement, met early), in the framework's order
    targets: tuple[tuple[str, str, bool], ...] = ()

    @property
    def provisional(self) -> bool:
        """A verdict the missing evidence could still lower."""
        return provisional(self.verdict, self.verdict_low)


class RankKey(NamedTuple):
    """What ranking needs of a summary, when nothing else of it is shown (JSON output).

    A named tuple: a worker sends one per city and framework, and the parent unpickles a tuple in C
    (a slotted dataclass is unpickled field by field in Python)."""
    city_id: str
    score: Decimal | None
    verdict: str
    coverage: Decimal


def summarize(r: FrameworkResult) -> Summary:
    """What a comparison keeps of one city's evaluation."""
    return Summary(r.framework_id, r.framework_version, r.framework_title_zh, r.framework_title_en, r.city_id,
                   r.city_zh, r.city_en, r.year, r.score, r.coverage, r.verdict, r.categories,
                   tuple((x.id, x.status) for x in r.results), r.score_low, r.score_high, r.lacking, r.applicable,
                   r.verdict_low, r.achievement,
                   tuple((x.id, x.achievement, x.early) for x in r.results if x.achievement is not None))


def rank(results: list) -> list[tuple[int | None, Summary]]:
    """Assessable cities by score, highest first, equal scores sharing a rank (1, 2, 2, 4); then the
    cities that are not assessable, unranked (None), by coverage (highest first).

    Takes evaluations or their summaries (anything with score, verdict, coverage and city_id)."""
    ranked = sorted((r for r in results if r.verdict != "not_assessable"),
                    key=lambda r: (r.score is None, -(r.score or Decimal(0)), r.city_id))
    out: list[tuple[int | None, Summary]] = []
    for i, r in enumerate(ranked):
        if i and r.score == ranked[i - 1].score:
            out.append((out[-1][0], r))
        else:
            out.append((i + 1, r))
    rest = sorted((r for r in results if r.verdict == "not_assessable"), key=lambda r: (-r.coverage, r.city_id))
    return out + [(None, r) for r in rest]


@dataclass(frozen=True)
class StatusChange:
    """A criterion's status in one year and the next."""
    criterion: str
    before: str
    after: str


def status_changes(before: FrameworkResult, after: FrameworkResult) -> list[StatusChange]:
    """Criteria whose status differs between two evaluations of the same framework."""
    old = {r.id: r.status for r in before.results}
    return [StatusChange(r.id, old[r.id], r.status) for r in after.results if r.id in old and old[r.id] != r.status]


def achievement_changes(before: FrameworkResult, after: FrameworkResult) -> list[StatusChange]:
    """Plan targets whose achievement (met, on track, behind, missed, no path, unknown) differs between two
    evaluations of the same plan framework; `before` and `after` hold achievements, not statuses."""
    old = {r.id: r.achievement for r in before.results}
    return [StatusChange(r.id, old[r.id] or "", r.achievement or "") for r in after.results
            if r.id in old and old[r.id] != r.achievement]


@dataclass(frozen=True)
class CriterionDiff:
    """A criterion added, removed or changed between two frameworks (and which fields changed)."""
    criterion: str
    change: str                     # added | removed | changed
    fields: tuple[str, ...] = ()    # what changed


_FIELDS = ("title", "category", "weight", "required", "aspirational", "clause", "lead_unit", "check", "applies_if")


def diff_frameworks(a: LoadedFramework, b: LoadedFramework) -> list[CriterionDiff]:
    """Criteria added, removed or changed from framework a to framework b (by id)."""
    ca = {c.id: c for c in a.model.criteria}
    cb = {c.id: c for c in b.model.criteria}
    out = [CriterionDiff(i, "removed") for i in ca if i not in cb]
    out += [CriterionDiff(i, "added") for i in cb if i not in ca]
    for i in ca:
        if i in cb:
            changed = tuple(f for f in _FIELDS if getattr(ca[i], f) != getattr(cb[i], f))
            if changed:
                out.append(CriterionDiff(i, "changed", changed))
    order = {i: n for n, i in enumerate(list(ca) + [i for i in cb if i not in ca])}
    return sorted(out, key=lambda d: order[d.criterion])
