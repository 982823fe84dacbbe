"""The framework a plan reading drafts: YAML that `ipcheck validate` and `ipcheck test` accept as written.

Each target becomes a criterion whose check kind follows the target's kind:

| target | check |
|---|---|
| one figure per year for several years (a table's 2023/2024/2025 columns) | `path` |
| a stock, share or rate with its base (由0.87件提高到1.75件) | `trajectory` |
| growth (增长10%) | `growth`; average yearly growth (年均增长) with the base year |
| added (新增) to a stock, a figure each year | `flow` (the yearly increase, as ningbo-2020 models 年新增) |
| added, a count of events | `count` |
| added over the period to a stock whose base is given | `threshold` on the stock: base + added |
| anything else, and every `<=`/`<` target | `threshold` (with the base as `baseline` when given) |
| a mechanism task whose indicator the catalogue has | `exists` |

A target the framework cannot hold as a check — its indicator is not in the catalogue, the
text cuts it off, its unit does not fit the indicator, a total over the period without a
base — stays in the file as a commented-out block, with the reason and (for a missing
indicator) the id proposed for it, so that the analyst sees every target the plan sets.
Every criterion carries examples generated from its target (the target met passes, the base
or nothing fails) and is checked by the loader and the engine before the file is handed back.
Output is deterministic: the same reading gives the same bytes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from ..engine.errors import InputError
from ..engine.planread.model import Mechanism, PlanReading, Target
from ..engine.units import normalize, plain
from ..reports.words import phrase

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_YEARLY = re.compile(r"每年|年均|年新增|年增|全年新增|逐年")
_HUNDRED = Decimal(100)
ID_SLOT = "<id>"  # where a criterion's id goes in its first line, until the criteria are numbered


def say(code: str, lang: str, **args: object) -> str:
    """A phrase of the phrase book in one language (an unknown code verbatim)."""
    return phrase(code, lang, **args)


def q(text: object) -> str:
    """A YAML double-quoted scalar that reads back as this exact text (control characters left out)."""
    return json.dumps(_CONTROL.sub(" ", str(text)), ensure_ascii=False)


def one_line(text: str) -> str:
    """Text on one line: runs of whitespace (a table row's tabs, a line break) become one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def figure(value: Decimal, unit: str) -> str:
    """A figure as a framework writes it: the number and the unit as written (12件, 3.6亿元, 17%)."""
    return f"{plain(normalize(value))}{unit}"


@dataclass
class Criterion:
    """One criterion drafted: its YAML lines, or the reason it is left commented out."""
    targets: list[Target]
    indicator: str | None
    lines: list[str] = field(default_factory=list)
    why_not: str | None = None       # set: the block is written commented out
    lang: str = "zh"                 # of the reason


@dataclass
class Drafted:
    """The framework text and what went into it."""
    text: str
    framework_id: str
    criteria: int                    # criteria written as checks
    commented: list[tuple[Target, str]]  # targets kept as comments, with the reason


def framework_id(city: str, reading: PlanReading) -> str:
    """The id a drafted framework gets: the city and the year of the document (or of its period)."""
    doc = reading.document
    year = (doc.date[:4] if doc.date else None) or (str(doc.period[0]) if doc.period else None)
    if year is None:
        years = sorted(t.year for t in reading.targets if t.year)
        year = str(years[0]) if years else "draft"
    return f"{city}-{year}"


def _target_year(reading: PlanReading) -> int | None:
    years = [t.year for t in reading.targets if t.year is not None]
    if years:
        return max(years)
    doc = reading.document
    if doc.period:
        return doc.period[1]
    return int(doc.date[:4]) if doc.date else None


def _groups(targets: tuple[Target, ...]) -> list[list[Target]]:
    """Targets that make one criterion: the years of one indicator's series (same kind and comparison)."""
    groups: dict[tuple, list[Target]] = {}
    order: list[tuple] = []
    for i, t in enumerate(targets):
        series = t.indicator is not None and t.year is not None and t.value is not None and not t.incomplete
        key = (t.indicator, t.name, t.kind, t.comparison, t.unit) if series else ("single", i)
        if key in groups and any(g.year == t.year for g in groups[key]):
            key = ("single", i)  # the same year twice: two criteria, the reviewer decides
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(t)
    return [sorted(groups[k], key=lambda t: t.year or 0) for k in order]


def _op(t: Target) -> str:
    return {">=": ">=", ">": ">", "<=": "<=", "<": "<", "=": ">=", "range": ">="}[t.comparison]


class Writer:
    """Drafts criteria from targets against one catalogue, in one language for the comments."""

    def __init__(self, cat, categories: dict[str, str], prefix: str, target_year: int, lang: str):
        self.cat = cat
        self.categories = categories
        self.prefix = prefix
        self.target_year = target_year
        self.lang = lang
        self.indicator: str | None = None  # the indicator of the criterion being drafted (its examples' facts)

    # ------------------------------------------------------------ checks

    def check(self, group: list[Target]) -> tuple[dict | None, list[dict], str | None]:
        """The check and its examples for a group of targets, or the reason there is none."""
        t = group[-1]
        ind = self.cat.indicators.get(t.indicator) if t.indicator else None
        self.indicator = t.indicator
        if t.incomplete or t.value is None:
            return None, [], say("review.incomplete", self.lang)
        if ind is None:
            return None, [], say("review.indicator_not_in_catalogue", self.lang)
        if ind.kind == "mechanism":
            return None, [], say("review.unit_mismatch", self.lang, unit="yes/no")
        year = t.year or self.target_year
        op = _op(t)
        if len(group) > 1:
            targets = {g.year: figure(g.value, g.unit) for g in group}
            check = {"kind": "path", "indicator": ind.id, "op": op, "targets": targets}
            examples = [self._ex(g.year, {g.year: figure(g.value, g.unit)}, "pass") for g in group]
            if op in (">=", ">") and t.value > 0:
                examples.append(self._ex(t.year, {t.year: figure(t.value / 2, t.unit)}, "partial"))
            return check, examples, None
        if t.kind in ("growth", "average_growth"):
            return self._growth(t, ind, year)
        if t.kind == "added":
            return self._added(t, ind, year, op)
        if (t.base_value is not None and t.base_year is not None and t.year is not None and op == ">="
                and t.base_year < t.year and t.value > t.base_value):
            check = {"kind": "trajectory", "indicator": ind.id, "base_year": t.base_year,
                     "base": figure(t.base_value, t.unit), "target_year": t.year, "target": figure(t.value, t.unit)}
            mid = (t.base_value + t.value) / 2
            examples = [self._ex(t.year, {t.year: figure(t.value, t.unit)}, "pass"),
                        self._ex(t.year, {t.year: figure(mid, t.unit)}, "partial"),
                        self._ex(t.year, {t.year: figure(t.base_value, t.unit)}, "fail")]
            return check, examples, None
        return self._threshold(t, ind, year, op)

    def _threshold(self, t: Target, ind, year: int, op: str, value: Decimal | None = None):
        value = t.value if value is None else value
        check: dict = {"kind": "threshold", "indicator": ind.id, "op": op, "target": figure(value, t.unit)}
        if t.year is not None:
            check["year"] = t.year
        base = t.base_value if t.base_value is not None and op in (">=", ">") and t.base_value < value else None
        if base is not None:
            check["baseline"] = figure(base, t.unit)
        examples = [self._ex(year, {year: figure(value, t.unit)}, "pass")]
        if op in (">=", ">"):
            low = base if base is not None else Decimal(0)
            above = (value + _HUNDRED) / 2 if t.unit == "%" else value + 1
            examples[0] = self._ex(year, {year: figure(above if op == ">" else value, t.unit)}, "pass")
            if value > low:
                examples.append(self._ex(year, {year: figure((low + value) / 2, t.unit)}, "partial"))
            examples.append(self._ex(year, {year: figure(low, t.unit)}, "fail"))
        else:  # lower is better: without a base above the target, every value short of it is partial
            examples[0] = self._ex(year, {year: figure(value if op == "<=" else value / 2, t.unit)}, "pass")
            high = t.base_value if t.base_value is not None and t.base_value > value else None
            if high is not None:
                check["baseline"] = figure(high, t.unit)
                examples += [self._ex(year, {year: figure((value + high) / 2, t.unit)}, "partial"),
                             self._ex(year, {year: figure(high, t.unit)}, "fail")]
            else:
                examples.append(self._ex(year, {year: figure(value * 2 + 1, t.unit)}, "partial"))
        return check, examples, None

    def _growth(self, t: Target, ind, year: int):
        if t.unit != "%":
            return None, [], say("review.unit_mismatch", self.lang, unit="%")
        check: dict = {"kind": "growth", "indicator": ind.id, "op": ">" if t.comparison == ">" else ">=",
                       "min_growth": figure(t.value, "%")}
        if t.year is not None:
            check["year"] = t.year
        base_year = t.base_year
        if t.kind == "average_growth" and base_year is None and t.year is not None:
            base_year = None  # no base year stated: judged as year-on-year growth, which the reviewer may change
        if base_year is not None and base_year < year:
            check["base_year"] = base_year
            n = year - base_year
            end = (_HUNDRED * (1 + (t.value + 1) / _HUNDRED) ** n).quantize(Decimal("0.01"), ROUND_CEILING)
            examples = [self._ex(year, {base_year: "100", year: plain(normalize(end))}, "pass"),
                        self._ex(year, {base_year: "100", year: "100"}, "fail")]
        else:
            end = _HUNDRED + t.value + 1
            examples = [self._ex(year, {year - 1: "100", year: plain(normalize(end))}, "pass"),
                        self._ex(year, {year - 1: "100", year: "100"}, "fail")]
        return check, examples, None

    def _added(self, t: Target, ind, year: int, op: str):
        op = op if op in (">=", ">") else ">="
        if ind.kind == "count":
            check = {"kind": "count", "indicator": ind.id, "op": op, "target": figure(t.value, t.unit), "year": year}
            return check, [self._ex(year, {year: figure(t.value + (1 if op == ">" else 0), t.unit)}, "pass"),
                           self._ex(year, {year: figure(Decimal(0), t.unit)}, "fail")], None
        if ind.kind == "stock" and _YEARLY.search(t.quote or t.name):
            check = {"kind": "flow", "indicator": ind.id, "op": op, "target": figure(t.value, t.unit), "year": year}
            more = t.value + (1 if op == ">" else 0)
            return check, [self._ex(year, {year - 1: figure(Decimal(0), t.unit), year: figure(more, t.unit)}, "pass"),
                           self._ex(year, {year - 1: figure(Decimal(0), t.unit), year: figure(Decimal(0), t.unit)},
                                    "fail")], None
        if ind.kind == "stock":
            if t.base_value is None:
                return None, [], say("review.period_total", self.lang)
            total = t.base_value + t.value
            return self._threshold(t, ind, year, op, value=total)
        return self._threshold(t, ind, year, op)

    def _ex(self, year: int, facts: dict[int, str], expect: str) -> dict:
        return {"year": year, "facts": {self.indicator: facts}, "expect": expect}

    # ------------------------------------------------------------ text

    def criterion(self, group: list[Target]) -> Criterion:
        """One criterion's YAML lines (or its commented block) for a group of targets."""
        t = group[-1]
        check, examples, why = self.check(group)
        ind = self.cat.indicators.get(t.indicator) if t.indicator else None
        c = Criterion(group, ind.id if ind else None, lang=self.lang)
        cid = ID_SLOT  # numbered once it is known which criteria stand
        years = "/".join(str(g.year) for g in group if g.year)
        value = {">": "超过", "<=": "不超过", "<": "低于"}.get(t.comparison, "") + "/".join(
            figure(g.value, g.unit) if g.value is not None else "…" for g in group)
        growth = {"growth": "增长", "average_growth": "年均增长"}.get(t.kind, "")
        title_zh = one_line(f"{t.name}{'' if growth in t.name else growth}{value}"
                            + (f"（{years}年）" if years else ""))
        en_name = ind.name.en if ind else (t.proposed_indicator or "indicator to add")
        numbers = " / ".join(plain(normalize(g.value)) if g.value is not None else "?" for g in group)
        title_en = one_line(f"{en_name}: {numbers} {t.unit}" + (f" ({years})" if years else ""))
        lines = [f"  - id: {cid}",
                 f"    title: {{zh: {q(title_zh)}, en: {q(title_en)}}}",
                 f"    category: {self.categories.get(ind.id, 'creation') if ind else 'creation'}",
                 "    weight: 2",
                 f"    clause: {q(one_line(t.clause or '') or say('draft.no_clause', self.lang))}",
                 f"    lead_unit: {q(one_line(t.lead_unit or '') or say('draft.yaml.no_lead_unit', self.lang))}"]
        if check is not None:
            lines.append(f"    check: {_flow(check)}")
            lines.append("    examples:")
            lines += [f"      - {_flow(e)}" for e in examples]
        else:
            lines.append(f"    check: {{kind: threshold, indicator: "
                         f"{t.indicator or t.proposed_indicator or 'INDICATOR_TO_ADD'}, target: "
                         f"{q(figure(t.value, t.unit) if t.value is not None else t.value_text)}}}")
        c.lines, c.why_not = lines, why
        return c

    def mechanism(self, mechs: list[Mechanism], year: int) -> list[str]:
        """An `exists` criterion for the mechanisms that name one catalogue indicator."""
        m = mechs[0]
        ind = self.cat.indicators[m.indicator]
        self.indicator = ind.id
        lines = [f"  - id: {ID_SLOT}",
                 f"    title: {{zh: {q(one_line(m.text)[:120] or ind.name.zh)}, en: {q(ind.name.en)}}}",
                 f"    category: {self.categories.get(ind.id, 'organisation')}",
                 "    weight: 1",
                 f"    clause: {q(one_line(m.clause or '') or say('draft.no_clause', self.lang))}",
                 f"    lead_unit: {q(one_line(m.lead_unit or '') or say('draft.yaml.no_lead_unit', self.lang))}",
                 f"    check: {{kind: exists, indicator: {ind.id}}}",
                 "    examples:",
                 f"      - {_flow(self._ex(year, {year: 'yes'}, 'pass'))}",
                 f"      - {_flow(self._ex(year, {year: 'no'}, 'fail'))}"]
        return lines


def _flow(d: dict) -> str:
    """A YAML flow mapping of plain values: ids and years bare, text and figures quoted."""
    parts = []
    for k, v in d.items():
        if v is None:
            continue
        if isinstance(v, dict):
            v = _flow(v)
        elif isinstance(v, bool) or isinstance(v, int):
            v = str(v)
        elif k in ("kind", "indicator", "op", "expect") or str(v) in ("yes", "no"):
            v = q(v) if k == "op" else str(v)
        else:
            v = q(v)
        parts.append(f"{k}: {v}")
    return "{" + ", ".join(parts) + "}"


def categories_from(lib) -> dict[str, str]:
    """Each indicator's category, as the shipped frameworks most often file the criteria that read it."""
    seen: dict[str, Counter] = {}
    for fid in sorted(lib.frameworks):
        for c in lib.frameworks[fid].model.criteria:
            for ind in _indicators_of(c.check):
                seen.setdefault(ind, Counter())[c.category] += 1
    return {ind: sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for ind, counts in seen.items()}


def _indicators_of(check) -> list[str]:
    if hasattr(check, "checks"):
        return [i for part in check.checks for i in _indicators_of(part)]
    return [getattr(check, name) for name in ("indicator", "numerator") if getattr(check, name, None)]


def _prefix(city: str) -> str:
    letters = re.sub(r"[^A-Za-z]", "", city).upper()
    return (letters[:2] or "PL").ljust(2, "X")


def _comment(text: str) -> str:
    return "  # " + one_line(text)


def draft_framework(reading: PlanReading, city: str, cat, categories: dict[str, str], source_file: str,
                    lang: str = "zh", fid: str | None = None) -> Drafted:
    """The framework YAML for a plan reading, checked by the loader and the engine before it is returned.

    `fid` is the framework's id (default: the city and the document's year, `framework_id`)."""
    from ..engine.load import load_framework

    fid = fid or framework_id(city, reading)
    target_year = _target_year(reading)
    if target_year is None:
        raise InputError(source_file, 0, 0, say("draft.err.no_target", lang))
    writer = Writer(cat, categories, _prefix(city), target_year, lang)
    header = _header(reading, city, fid, target_year, source_file, lang)
    drafted = [writer.criterion(group) for group in _groups(reading.targets)]
    _fits(len(_numbered(header, drafted).encode("utf-8")), len(reading.targets), source_file, lang)
    _check_all(header, [c for c in drafted if c.why_not is None], cat)
    prefix = _prefix(city)
    blocks: list[str] = []
    commented: list[tuple[Target, str]] = []
    kept = left_out = 0
    for c in drafted:
        group = c.targets
        quotes = list(dict.fromkeys(one_line(t.quote) for t in group if t.quote))
        head = [_comment(say("draft.yaml.quote", lang, quote=quote)) for quote in quotes]
        if c.why_not is None:
            kept += 1
            blocks.append("\n".join(head + c.lines).replace(ID_SLOT, f"{prefix}-{kept:02d}", 1))
            continue
        left_out += 1
        commented += [(t, c.why_not) for t in group]
        note = [_comment(say("draft.yaml.left_out", lang, why=c.why_not))]
        if c.indicator is None and group[-1].proposed_indicator:
            note.append(_comment(say("draft.yaml.proposed", lang, id=group[-1].proposed_indicator)))
        block = "\n".join(head + note + ["  # " + line[2:] for line in c.lines])
        blocks.append(block.replace(ID_SLOT, f"{prefix}-x{left_out:02d}", 1))
    by_indicator: dict[str, list[Mechanism]] = {}
    unplaced: list[Mechanism] = []
    for m in reading.mechanisms:
        if m.indicator and m.indicator in cat.indicators and cat.indicators[m.indicator].kind == "mechanism":
            by_indicator.setdefault(m.indicator, []).append(m)
        else:
            unplaced.append(m)
    for mechs in by_indicator.values():
        quotes = list(dict.fromkeys(one_line(m.quote or m.text) for m in mechs))
        head = [_comment(say("draft.yaml.quote", lang, quote=quote)) for quote in quotes]
        kept += 1
        block = "\n".join(head + writer.mechanism(mechs, target_year))
        blocks.append(block.replace(ID_SLOT, f"{prefix}-{kept:02d}", 1))
    if unplaced:
        tail = [_comment(say("draft.yaml.mechanisms_unplaced", lang))]
        tail += [_comment(f"- {one_line(m.text)}" + (f"（{m.clause}）" if m.clause else "")
                          + (f" {m.lead_unit}" if m.lead_unit else "")) for m in unplaced]
        blocks.append("\n".join(tail))
    if kept == 0:
        raise InputError(source_file, 0, 0, say("draft.err.nothing_placed", lang, n=len(reading.targets)))
    text = header + "\ncriteria:\n" + "\n\n".join(blocks) + "\n"
    _fits(len(text.encode("utf-8")), len(reading.targets), source_file, lang)
    load_framework(f"{fid}.yaml", text.encode("utf-8"), cat)  # it loads as written, or this is a bug
    return Drafted(text, fid, kept, commented)


def _fits(size: int, n: int, source_file: str, lang: str) -> None:
    """A framework file ipcheck can load is at most yamldoc.MAX_BYTES: a bigger draft is refused, saying why."""
    from ..engine.yamldoc import MAX_BYTES
    if size > MAX_BYTES:
        raise InputError(source_file, 0, 0, say("draft.err.too_many_targets", lang, n=n, size=f"{size:,}",
                                                limit=f"{MAX_BYTES:,}"))


def _numbered(header: str, criteria: list[Criterion]) -> str:
    body = "\n".join("\n".join(c.lines).replace(ID_SLOT, f"C-{i:03d}", 1) for i, c in enumerate(criteria))
    return header + "\ncriteria:\n" + body + "\n"


def _check_all(header: str, criteria: list[Criterion], cat) -> None:
    """Mark every drafted criterion the loader refuses, or whose examples the engine does not bear out.

    All are loaded together first (one load, one run of the examples); only when the loader
    refuses that file is each criterion loaded on its own, to tell which."""
    from ..engine.decide import make_decider
    from ..engine.load import load_framework
    from .examples import run_examples

    if not criteria:
        return
    decider, _ = make_decider("python")
    try:
        fw = load_framework("draft.yaml", _numbered(header, criteria).encode("utf-8"), cat)
    except InputError:
        for c in criteria:
            c.why_not = _problem(header, c, cat, decider)
        return
    _drop_failing(criteria, run_examples(fw, cat, decider))


def _drop_failing(criteria: list[Criterion], results) -> None:
    """A criterion whose first example (its target met) does not pass is left out, with why; any other
    generated example the engine does not bear out is dropped (a draft's examples say what the engine does)."""
    drop: dict[int, list[int]] = {}
    for r in results:
        c = criteria[r.case.criterion_index]
        if r.passed or c.why_not is not None:
            continue
        if r.case.index == 0:
            c.why_not = say("draft.yaml.target_fails", c.lang, got=r.got)
        else:
            drop.setdefault(r.case.criterion_index, []).append(r.case.index)
    for i, indexes in drop.items():
        lines = criteria[i].lines
        first = lines.index("    examples:") + 1
        for k in sorted(indexes, reverse=True):
            del lines[first + k]


def _problem(header: str, c: Criterion, cat, decider) -> str | None:
    """Why a drafted criterion cannot stand in the framework (the loader's or an example's words), or None."""
    from ..engine.load import load_framework
    from .examples import run_examples

    try:
        fw = load_framework("draft.yaml", _numbered(header, [c]).encode("utf-8"), cat)
    except InputError as exc:
        return exc.message
    _drop_failing([c], run_examples(fw, cat, decider))
    return c.why_not


def _header(reading: PlanReading, city: str, fid: str, target_year: int, source_file: str, lang: str) -> str:
    doc = reading.document
    title = one_line(doc.title or "")[:400]
    issuer = one_line(doc.issuer or "")[:400]
    source = [f"file: {q(source_file)}"] + ([f"title: {q(title)}"] if title else [])
    if one_line(doc.number or ""):
        source.append(f"number: {q(one_line(doc.number)[:400])}")
    if doc.date and re.match(r"^\d{4}-\d{2}-\d{2}$", doc.date):
        source.append(f"date: {doc.date}")
    # a title or issuer the document does not state is left out, with what to write: never a placeholder
    named = title or say("draft.yaml.untitled", "zh", city=city, file=source_file)
    said_by = ([f"  issuer: {q(issuer)}"] if issuer
               else [_comment(say("draft.yaml.no_issuer", lang))])
    untitled = [] if title else [_comment(say("draft.yaml.no_title", lang))]
    lines = [_comment(say("draft.yaml.head", lang, file=source_file)).lstrip(),
             _comment(say("draft.yaml.head2", lang)).lstrip(),
             "framework:",
             f"  id: {fid}",
             "  version: 1",
             "  kind: plan",
             f"  city: {city}",
             f"  title: {{zh: {q(named)}, en: {q(say('draft.yaml.untitled', 'en', city=city, file=source_file))}}}",
             *said_by,
             *untitled,
             f"  source: {{{', '.join(source)}}}",
             f"  target_year: {target_year}",
             "  scoring: xccdf_default",
             "  thresholds: {ready: 85, nearly_ready: 60}",
             "  coverage_floor: 0.5",
             f"  note: {q(say('draft.yaml.note', lang, file=source_file))}"]
    return "\n".join(lines) + "\n"
