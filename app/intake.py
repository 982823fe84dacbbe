"""import: filled forms back into the city's fact file, and what that changes in the evaluation.

The whole import is decided before anything is written: every cell checked (`formread`),
every fact compared with what the file already holds (a different value for the same
indicator and year is refused unless `replace`), the merged text built (`yamlmerge`) and
validated again as a city file. Only then is it written, atomically, by the command.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..engine.errors import InputError
from ..engine.units import plain
from ..reports.words import display
from .files import read_input
from .formread import FormFact, FormProblems, SourceSpec, read_forms
from .library import CRITERIA_DIR, load_library
from .outcome import Outcome
from .yamlmerge import Edits, merge


@dataclass
class Change:
    """One fact the import adds, replaces, or finds already there."""
    kind: str            # added | replaced | same | attribute
    fact: FormFact
    old: tuple | None = None  # a replaced fact's (value, bound)


def _value_text(fact: FormFact, cat) -> str | bool:
    """How the value is written into the file: the figure with its unit, or yes/no."""
    if isinstance(fact.value, bool):
        return "yes" if fact.value else "no"
    return f"{plain(fact.value)}{cat.units[fact.indicator].text}"


def _shown(value, bound: str, unit, lang: str) -> str:
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    text = display(value, unit.text)
    if bound == "exact":
        return text
    words = {"at_least": ("不少于", "at least"), "at_most": ("不多于", "at most")}[bound]
    return f"{words[0]}{text}" if lang == "zh" else f"{words[1]} {text}"


def _source_key(spec: SourceSpec, sources: dict, taken: dict[str, SourceSpec]) -> tuple[str, bool]:
    """The key of the source: an existing one with the same title, URL and publisher, or a new stable key."""
    for key, s in sources.items():
        if (s.title, s.url, s.publisher) == (spec.title, spec.url, spec.publisher):
            return key, False
    for key, s in taken.items():
        if s == spec:
            return key, False
    digest = hashlib.sha256(f"{spec.title}\n{spec.url or ''}\n{spec.publisher}".encode()).hexdigest()
    key, k = f"form-{digest[:8]}", 2
    while key in sources or key in taken:
        key, k = f"form-{digest[:8]}-{k}", k + 1
    return key, True


def plan_import(city, facts: list[FormFact], cat, *, replace: bool, via: str,
                today: dt.date) -> tuple[list[Change], Edits, list[str]]:
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
        if old is not None and not replace:
            problems.append(f"{f.where}: {city.name} already has {f.indicator} {f.year} = "
                            f"{_shown(old.value, old.bound, unit, 'en')} (source {old.source}); the form says "
                            f"{_shown(f.value, f.bound, unit, 'en')}: check which is right, or import with --replace")
            continue
        key, new = _source_key(f.source, model.sources, taken)  # type: ignore[arg-type]
        if new:
            taken[key] = f.source  # type: ignore[assignment]
            fields = {"title": f.source.title}  # type: ignore[union-attr]
            if f.source.url:  # type: ignore[union-attr]
                fields["url"] = f.source.url  # type: ignore[union-attr]
            fields |= {"publisher": f.source.publisher, "read": today, "via": via}  # type: ignore[union-attr]
            edits.sources.append((key, fields))
        fields = {"value": _value_text(f, cat)}
        if f.bound != "exact":
            fields["bound"] = f.bound
        fields["source"] = key
        note = f.note or (f"published as {f.written}" if f.written else None)
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
            same = [c for c in changes if c.kind == "same" and (c.fact.indicator, c.fact.year) == (a.indicator, a.year)]
            if not same:
                continue  # written with its fact above
        if old is None:
            problems.append(f"{a.where}: {a.attribute} is given but {a.indicator} has no value for {a.year}: "
                            "fill the 是/否 row of that year too")
            continue
        got = old.attributes.get(a.attribute)
        if got == a.value:
            changes.append(Change("same", a))
        elif got is not None and not replace:
            problems.append(f"{a.where}: {city.name} already has {a.indicator} {a.year} {a.attribute} = {got}; the "
                            f"form says {a.value}: check which is right, or import with --replace")
        else:
            edits.attributes.append((a.indicator, a.year, a.attribute, a.value))
            edits.changes_existing = True
            changes.append(Change("attribute", a))
    return changes, edits, problems


def import_forms(forms_path: Path, city_path: Path, *, criteria_dir: Path = CRITERIA_DIR, dry_run: bool = False,
                 replace: bool = False, lang: str = "zh", today: dt.date) -> Outcome:
    """Read filled forms into a city file: every cell checked, nothing written unless all are good.

    The outcome holds the new file (unless `dry_run` or nothing changes) and says what was added
    or changed and how each framework's coverage, verdict and criteria move. `today` is the date
    the new sources were read (nothing here reads the clock)."""
    from ..engine.load import load_city

    lib = load_library(criteria_dir)
    cat = lib.catalogue
    raw = read_input(city_path)
    city = load_city(str(city_path), raw, cat)
    forms_path = Path(forms_path)
    if not forms_path.exists():
        raise InputError(str(forms_path), 0, 0, "no such file or folder")
    try:
        returned = read_forms(forms_path, cat, lang)
    except FormProblems as exc:
        return Outcome(notices=[f"ipcheck: {line}" for line in exc.lines], exit_code=2)
    if returned.city_id != city.id:
        raise InputError(str(forms_path), 0, 0, f"the forms were made for {returned.city_id!r}, not for "
                                                f"{city.id!r} ({city_path})")
    changes, edits, problems = plan_import(city, returned.facts, cat, replace=replace, today=today,
                                           via=f"数据征集表 {forms_path.name}")
    if problems:
        return Outcome(notices=[f"ipcheck: {line}" for line in problems], exit_code=2)
    new_city, data = city, None
    if edits:
        text = merge(str(city_path), raw.decode("utf-8"), edits)
        data = text.encode("utf-8")
        try:
            new_city = load_city(str(city_path), data, cat)
        except InputError as exc:  # a merge that does not read back is ipcheck's fault; nothing is written
            raise InputError(str(city_path), 0, 0, f"the merged file would not validate ({exc.message}); "
                                                   "nothing was written") from None
    kept = sum(1 for line in raw.decode("utf-8").splitlines() if line.lstrip().startswith("#"))
    out = Outcome(text=_report(city, new_city, changes, edits, returned.frameworks, lib, lang,
                               (city_path, forms_path, kept, dry_run)), inputs=lib.paths() + [str(forms_path)])
    if data is not None and not dry_run:
        out.files.append((Path(city_path), data))
        # replaced only if it still holds what was read: another import or a hand edit since then is never lost
        out.unchanged[str(city_path)] = raw
    return out


def _report(city, new_city, changes: list[Change], edits: Edits, frameworks, lib, lang: str, run: tuple) -> str:
    """What the import does, in one language: each fact, each new source, how each framework moves."""
    from ..engine.decide import PythonDecider
    from ..engine.evaluate import evaluate
    from ..reports.labels import SHORT, VERDICT, pct

    city_path, forms_path, kept, dry_run = run
    cat = lib.catalogue
    zh = lang == "zh"
    name = city.model.city.name.zh if zh else city.model.city.name.en
    lines = [f"{name}：{forms_path} → {city_path}" if zh else f"{name}: {forms_path} → {city_path}"]
    verbs = {"added": ("新增", "added"), "replaced": ("替换", "replaced"), "attribute": ("补充", "set")}
    for c in changes:
        if c.kind == "same":
            continue
        f = c.fact
        if c.kind == "attribute":
            attr = cat.indicators[f.indicator].attributes[f.attribute]
            shown = f"{attr.name.zh}：{attr.values[f.value].zh}" if zh else f"{f.attribute} = {f.value}"
        else:
            shown = _shown(f.value, f.bound, cat.units[f.indicator], lang)
        was = ""
        if c.kind == "replaced" and c.old:
            before = _shown(*c.old, cat.units[f.indicator], lang)
            was = f"（原为 {before}）" if zh else f" (was {before})"
        eq = " " if c.kind == "attribute" else " = "
        lines.append(f"  {verbs[c.kind][0 if zh else 1]} {f.indicator} {f.year}{eq}{shown}{was}  ← {f.where}")
    for key, fields in edits.sources:
        lines.append(f"  新增来源 {key}：{fields['title']}" if zh else f"  new source {key}: {fields['title']}")
    same = sum(1 for c in changes if c.kind == "same")
    if same:
        lines.append(f"  {same} 项与文件中已有数值相同，未改动" if zh else f"  {same} already in the file, unchanged")
    if not edits:
        lines.append("没有需要写入的改动。" if zh else "Nothing to change.")
        return "\n".join(lines) + "\n"
    decider = PythonDecider()
    for fid, year in frameworks:
        if fid not in lib.frameworks:
            continue
        fw = lib.frameworks[fid]
        a = evaluate(fw, city, cat, decider, year=year, detail=False)
        b = evaluate(fw, new_city, cat, decider, year=year, detail=False)
        head = (f"{fid}（{year}年）：覆盖率 {pct(a.coverage)} → {pct(b.coverage)}；结论 {VERDICT[a.verdict]['zh']} → "
                f"{VERDICT[b.verdict]['zh']}" if zh else
                f"{fid} ({year}): coverage {pct(a.coverage)} → {pct(b.coverage)}; verdict {VERDICT[a.verdict]['en']} → "
                f"{VERDICT[b.verdict]['en']}")
        moved = [(x, y) for x, y in zip(a.results, b.results) if x.status != y.status]
        lines.append(head if moved or a.coverage != b.coverage else (f"{fid}（{year}年）：无变化" if zh else
                                                                     f"{fid} ({year}): no change"))
        for x, y in moved:
            title = x.title_zh if zh else x.title_en
            lines.append(f"  {x.id} {title}：{SHORT[x.status]['zh']} → {SHORT[y.status]['zh']}" if zh else
                         f"  {x.id} {title}: {SHORT[x.status]['en']} → {SHORT[y.status]['en']}")
    if dry_run:
        lines.append("试运行：未写入任何文件。" if zh else "Dry run: nothing written.")
    else:
        lines.append(f"原文件的 {kept} 行注释、顺序与格式均已保留。" if zh else
                     f"All {kept} comment lines, the order and the layout of the file are kept.")
    return "\n".join(lines) + "\n"

