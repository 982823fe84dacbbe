"""import: filled forms back into the city's fact file, and what that changes in the evaluation.

The whole import is decided before anything is written: every cell of every form checked
(`formread`), every fact compared with what the file already holds (a different value for
the same indicator and year is refused unless `replace`), the merged text built (`yamlmerge`)
and validated again as a city file. Only then is it written, atomically, by the command.
Any number of workbooks and CSV folders may be given at once (a folder of them too); a fact
given twice with the same value counts once, with two values it is a problem to settle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..engine.errors import InputError, one_line
from ..engine.units import plain
from ..reports import messages
from ..reports.messages import FrameworkMove, Imported, ImportSummary, NewSource
from ..reports.words import phrase, say
from .files import read_input
from .formread import FormFact, FormProblems, SourceSpec, read_forms
from .forms import MANIFEST
from .library import CRITERIA_DIR, load_library
from .outcome import Outcome
from .yamlmerge import Edits, merge

MAX_PROBLEMS = 20  # a screenful: the rest are counted, not printed


@dataclass
class Change:
    """One fact the import adds, replaces, or finds already there."""
    kind: str            # added | replaced | same | attribute
    fact: FormFact
    old: tuple | None = None  # a replaced fact's (value, bound)


def _both(code: str, **args: str) -> dict[str, str]:
    """A phrase as a fact file writes a note in both languages: {zh: ..., en: ...}."""
    return {"zh": phrase(code, "zh", **args), "en": phrase(code, "en", **args)}


def _value_text(fact: FormFact, cat) -> str | bool:
    """How the value is written into the file: the figure with its unit, or yes/no."""
    if isinstance(fact.value, bool):
        return "yes" if fact.value else "no"
    return f"{plain(fact.value)}{cat.units[fact.indicator].text}"


def _shown(value, bound: str, unit, lang: str) -> str:
    """A value as a problem line shows it (as the summary does): 是/否, or the figure with its unit and bound."""
    return messages.shown(value, bound, "" if unit is None else unit.text, lang)


def _source_key(spec: SourceSpec, sources: dict, taken: dict[str, SourceSpec]) -> tuple[str, bool]:
    """The key of the source: an existing one with the same title, URL and publisher, or a new stable key."""
    for key, s in sources.items():
        if (s.title, s.url, s.publisher) == (spec.title, spec.url, spec.publisher):
            return key, False
    for key, s in taken.items():
        if (s.title, s.url, s.publisher) == (spec.title, spec.url, spec.publisher):
            return key, False
    digest = hashlib.sha256(f"{spec.title}\n{spec.url or ''}\n{spec.publisher}".encode()).hexdigest()
    key, k = f"form-{digest[:8]}", 2
    while key in sources or key in taken:
        key, k = f"form-{digest[:8]}-{k}", k + 1
    return key, True


def _one_each(facts: list[FormFact], cat, lang: str) -> tuple[list[FormFact], list[str]]:
    """Each fact once: a fact given twice (in two rows, sheets or workbooks) with the same value is one fact;
    with two values it is a problem for the person importing to settle."""
    seen: dict[tuple, FormFact] = {}
    problems = []
    for f in facts:
        key = (f.indicator, f.year, f.attribute)
        first = seen.get(key)
        if first is None:
            seen[key] = f
        elif (first.value, first.bound) != (f.value, f.bound):
            unit = cat.units[f.indicator]
            shown = [str(x.value) if x.attribute else _shown(x.value, x.bound, unit, lang) for x in (first, f)]
            ind = f.indicator + (f".{f.attribute}" if f.attribute else "")
            problems.append(say("form.duplicate", lang, at=f.where, ind=ind, year=f.year, other=first.where,
                                a=shown[0], b=shown[1]))
    return list(seen.values()), problems


def plan_import(city, facts: list[FormFact], cat, *, replace: bool, via: str,
                today: dt.date, lang: str = "en") -> tuple[list[Change], Edits, list[str]]:
    """Compare the forms' facts with the city's: the changes, the edits to the file, and the conflicts."""
    model = city.model
    changes: list[Change] = []
    edits = Edits()
    problems: list[str] = []
    taken: dict[str, SourceSpec] = {}
    given = {(f.indicator, f.year) for f in facts if f.attribute is None}
    for f in facts:
        if f.attribute is not None:
            continue
        old = model.facts.get(f.indicator, {}).get(f.year)
        unit = cat.units[f.indicator]
        attrs = {a.attribute: a.value for a in facts if a.attribute and (a.indicator, a.year) == (f.indicator, f.year)}
        if old is not None and old.value == f.value and old.bound == f.bound:
            changes.append(Change("same", f))
            continue
        # an exact figure within a bound on file ("at least 24.9" → 26.3) settles it: what the form asked for
        settles = (old is not None and old.bound != "exact" and f.bound == "exact"
                   and (f.value >= old.value if old.bound == "at_least" else f.value <= old.value))
        if old is not None and not replace and not settles:
            problems.append(say("form.fact_conflict", lang, at=f.where, city=city.name, ind=f.indicator, year=f.year,
                                old=_shown(old.value, old.bound, unit, lang), source=old.source,
                                new=_shown(f.value, f.bound, unit, lang)))
            continue
        spec: SourceSpec = f.source  # type: ignore[assignment]
        key, new = _source_key(spec, model.sources, taken)
        if new:
            taken[key] = spec
            fields = {"title": spec.title}
            if spec.url:
                fields["url"] = spec.url
            fields |= {"publisher": spec.publisher, "read": today, "via": via}
            if spec.confidence != "high":
                fields["confidence"] = spec.confidence
            edits.sources.append((key, fields))
        elif key in taken and taken[key].confidence == "low" and spec.confidence == "high":
            # the same document, given with its number or address in another row: it can be checked
            taken[key] = spec
            fields = dict(next(v for k, v in edits.sources if k == key))
            fields.pop("confidence", None)
            edits.sources = [(k, fields if k == key else v) for k, v in edits.sources]
        fields = {"value": _value_text(f, cat)}
        if f.bound != "exact":
            fields["bound"] = f.bound
        fields["source"] = key
        # the words a figure was given with, in both languages; a department's own note as typed
        note = f.note or (_both("note.published_as", written=f.written) if f.written else None)
        if note:
            fields["note"] = note
        if attrs:
            fields["attributes"] = attrs
        edits.facts.append((f.indicator, f.year, fields))
        edits.changes_existing |= old is not None
        changes.append(Change("replaced" if old is not None else "added", f,
                              None if old is None else (old.value, old.bound)))
    for a in facts:
        if a.attribute is None:
            continue
        old = model.facts.get(a.indicator, {}).get(a.year)
        if (a.indicator, a.year) in given:
            if any(c.kind != "same" and (c.fact.indicator, c.fact.year) == (a.indicator, a.year) for c in changes):
                # written with its fact above: the summary lists it all the same
                changes.append(Change("attribute", a))
                continue
        if old is None:
            problems.append(say("form.attr_orphan", lang, at=a.where, attr=a.attribute, ind=a.indicator, year=a.year))
            continue
        got = old.attributes.get(a.attribute)
        if got == a.value:
            changes.append(Change("same", a))
        elif got is not None and not replace:
            problems.append(say("form.attr_conflict", lang, at=a.where, city=city.name, ind=a.indicator, year=a.year,
                                attr=a.attribute, old=got, new=a.value))
        else:
            edits.attributes.append((a.indicator, a.year, a.attribute, a.value))
            edits.changes_existing = True
            changes.append(Change("attribute", a))
    return changes, edits, problems


def form_paths(paths: list[Path]) -> list[Path]:
    """The forms named: workbooks and CSV folders as given; a folder of them, each workbook and CSV folder in it."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir() and not (p / f"{MANIFEST}.csv").exists():
            inside = sorted(q for q in p.iterdir() if not q.name.startswith((".", "~$")) and (
                (q.is_file() and q.suffix.lower() == ".xlsx") or (q.is_dir() and (q / f"{MANIFEST}.csv").exists())))
            out += inside or [p]  # an empty folder is read as a CSV form, and refused as one
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def _problem_lines(lines: list[str], lang: str) -> list[str]:
    """At most a screenful of problems, each one safe line; the rest counted."""
    shown = [f"ipcheck: {one_line(line)}" for line in lines[:MAX_PROBLEMS]]
    if len(lines) > MAX_PROBLEMS:
        shown.append(f"ipcheck: {say('form.more', lang, n=len(lines) - MAX_PROBLEMS)}")
    return shown


def import_forms(forms_path, city_path: Path, *, criteria_dir: Path = CRITERIA_DIR, dry_run: bool = False,
                 replace: bool = False, lang: str = "zh", today: dt.date) -> Outcome:
    """Read filled forms (one path or several: workbooks, CSV folders, folders of them) into a city file.

    Every cell checked, nothing written unless all are good. The outcome holds the new file
    (unless `dry_run` or nothing changes) and what was added or changed and how each framework's
    coverage, verdict and criteria move (an `ImportSummary`, worded by `reports.messages`). `today` is
    the date the new sources were read (nothing here reads the clock)."""
    from ..engine.load import load_city

    lib = load_library(criteria_dir)
    cat = lib.catalogue
    raw = read_input(city_path)
    city = load_city(str(city_path), raw, cat, today)
    given = [forms_path] if isinstance(forms_path, (str, Path)) else list(forms_path)
    for p in given:
        if not Path(p).exists():
            raise InputError(str(p), 0, 0, say("form.missing_path", lang))
    paths = form_paths(given)
    facts: list[FormFact] = []
    problems: list[str] = []
    frameworks: list[tuple[str, int]] = []
    for path in paths:
        try:
            returned = read_forms(path, cat, lang, today)
        except FormProblems as exc:
            problems += exc.lines
            continue
        if returned.city_id != city.id:
            raise InputError(str(path), 0, 0, say("form.other_city", lang, got=repr(returned.city_id),
                                                  want=repr(city.id), path=city_path))
        facts += returned.facts
        frameworks += [fw for fw in returned.frameworks if fw not in frameworks]
    facts, twice = _one_each(facts, cat, lang)
    problems += twice
    if problems:
        return Outcome(notices=_problem_lines(problems, lang), exit_code=2)
    via = "数据征集表 " + "、".join(p.name for p in paths)
    changes, edits, problems = plan_import(city, facts, cat, replace=replace, today=today, via=via, lang=lang)
    if problems:
        return Outcome(notices=_problem_lines(problems, lang), exit_code=2)
    new_city, data = city, None
    if edits:
        text = _filled_header(merge(str(city_path), raw.decode("utf-8-sig"), edits, lang), today)
        data = text.encode("utf-8")
        try:
            new_city = load_city(str(city_path), data, cat)
        except InputError as exc:  # a merge that does not read back is ipcheck's fault; nothing is written
            raise InputError(str(city_path), 0, 0, say("form.merge_failed", lang, why=exc.in_language(lang))) from None
    kept = sum(1 for line in raw.decode("utf-8-sig").splitlines() if line.lstrip().startswith("#"))
    shown_forms = " ".join(str(p) for p in paths)
    said = _summary(city, new_city, changes, edits, frameworks, lib, (city_path, shown_forms, kept, dry_run))
    out = Outcome(text=messages.render(said, lang),
                  inputs=lib.paths() + [str(p) for p in paths])
    if data is not None and not dry_run:
        out.files.append((Path(city_path), data))
        # replaced only if it still holds what was read: another import or a hand edit since then is never lost
        out.unchanged[str(city_path)] = raw
    return out


def _filled_header(text: str, today: dt.date) -> str:
    """A file started by `init` says in its first line that it holds no figures yet; once it does, it says so."""
    first, sep, rest = text.partition("\n")
    for lang in ("zh", "en"):
        empty = say("init.empty", lang)
        if first.startswith("#") and first.rstrip("\r").endswith(empty):
            end = "\r" if first.endswith("\r") else ""
            first = first.rstrip("\r")[: -len(empty)] + say("init.filled", lang, day=today.isoformat()) + end
            break
    return first + sep + rest


def _summary(city, new_city, changes: list[Change], edits: Edits, frameworks, lib, run: tuple) -> ImportSummary:
    """What the import does, as data: each fact, each new source, how each framework moves (a plan framework's
    targets by their achievement, any other criterion by its status)."""
    from ..engine.decide import PythonDecider
    from ..engine.evaluate import evaluate

    city_path, forms, kept, dry_run = run
    cat = lib.catalogue
    facts = []
    for c in changes:
        if c.kind == "same":
            continue
        f = c.fact
        if c.kind == "attribute":
            attr = cat.indicators[f.indicator].attributes[f.attribute]
            facts.append(Imported(c.kind, f.indicator, f.year, f.where, f.value, label=attr.name,
                                  choice=attr.values[f.value]))
        else:
            unit = cat.units[f.indicator]  # (none for a yes/no fact)
            facts.append(Imported(c.kind, f.indicator, f.year, f.where, f.value, f.bound,
                                  "" if unit is None else unit.text, c.old if c.kind == "replaced" else None))
    sources = tuple(NewSource(key, fields["title"], fields.get("confidence") == "low") for key, fields in edits.sources)
    moves = []
    if edits:
        decider = PythonDecider()
        for fid, year in frameworks:
            if fid not in lib.frameworks:
                continue
            fw = lib.frameworks[fid]
            a = evaluate(fw, city, cat, decider, year=year, detail=False)
            b = evaluate(fw, new_city, cat, decider, year=year, detail=False)
            moved = tuple((x, y) for x, y in zip(a.results, b.results) if _seen(x) != _seen(y))
            moves.append(FrameworkMove(fid, year, (a.coverage, b.coverage), (a.verdict, b.verdict), moved))
    return ImportSummary(city=city.model.city.name, forms=forms, path=str(city_path), facts=tuple(facts),
                         sources=sources, same=sum(1 for c in changes if c.kind == "same"), writes=bool(edits),
                         frameworks=tuple(moves), dry_run=dry_run, kept=kept)


def _seen(r) -> tuple:
    """A criterion's state as people see it: a plan target's achievement (met early or not), else its status."""
    return (r.status,) if r.achievement is None else (r.achievement, r.early)
