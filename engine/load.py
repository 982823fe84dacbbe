"""From file bytes to validated models with every quantity in its indicator's unit.

No I/O here: callers pass the file name (for messages) and its bytes. Every problem is an
`InputError` with the file, line and column of the node at fault.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import models as m
from .catalogue import Catalogue
from .checks import REGISTRY, kind_of, resolve_check
from .errors import InputError, InputErrors, Problems, Refusal, did_you_mean
from .fields import NOTE_NAMES, NOTE_TEXT, Date
from .result import Assumption, Listed, Reason, say
from .units import PERCENT, YES_NO, Unit, UnitError, parse_unit, read_value
from .yamldoc import Document, parse


@dataclass(frozen=True)
class LoadedFramework:
    """A framework file, validated, with its targets in indicator units, its name and hash."""
    model: m.Framework
    name: str
    sha256: str
    doc: Document

    @property
    def id(self) -> str:
        """The framework's id."""
        return self.model.framework.id


@dataclass(frozen=True)
class LoadedCity:
    """A city fact file, validated, with every value in its indicator's unit, its name and hash."""
    model: m.City
    name: str
    sha256: str

    @property
    def id(self) -> str:
        """The city's id."""
        return self.model.city.id


def sha256(raw: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(raw).hexdigest()


_UNION_MEMBERS = {"bool", "int", "decimal", "str", "ExampleFact"}


def _validate(doc: Document, model: type[BaseModel]) -> Any:
    """The file as `model`; every problem pydantic finds becomes one InputError with its position."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems, seen = [], set()
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if p not in (NOTE_TEXT, NOTE_NAMES))
            # A value that fits no member of a union (number | text | yes/no): one message, not four.
            cut = next((i for i, p in enumerate(loc) if isinstance(p, str) and p in _UNION_MEMBERS), None)
            if cut is not None:
                loc = loc[:cut]
            if loc in seen:
                continue
            seen.add(loc)
            where = ".".join(str(p) for p in loc if not (isinstance(p, str) and p in REGISTRY)) or say("pyd.whole")
            got = err.get("input")
            if cut is not None:
                message = say("pyd.union", where=where, got=repr(got))
            elif err["type"] == "union_tag_invalid" and isinstance(got, dict):
                message = say("pyd.kind", where=where, kind=repr(got.get("kind")), known=", ".join(sorted(REGISTRY)))
            else:
                message = _pydantic_problem(err, where, got)
            problems.append(doc.error(loc, message))
        raise InputErrors(problems) from None




# pydantic's error types said by the phrase book ("pyd.<type>"), with the arguments its `ctx` gives
_PYDANTIC = {"missing", "extra_forbidden", "int_parsing", "int_type", "int_from_float", "bool_type", "bool_parsing",
             "string_type", "string_too_short", "string_too_long", "string_pattern_mismatch", "literal_error",
             "dict_type", "list_type", "too_short", "too_long", "greater_than_equal", "less_than_equal",
             "greater_than", "less_than", "date_type", "date_parsing", "decimal_type", "decimal_parsing",
             "model_type", "model_attributes_type", "union_tag_invalid", "union_tag_not_found"}


def _pydantic_problem(err: dict, where: str | Reason, got: Any) -> Reason:
    """One of pydantic's errors as a phrase: its type's own phrase, or (a type the book lacks) its English
    message, still at its place."""
    ctx = err.get("ctx") or {}
    shown = say("pyd.got", got=repr(got)) if isinstance(got, (str, int, bool)) else Reason()
    if err["type"] == "value_error" and isinstance(ctx.get("error"), Refusal):
        return say("pyd.at", where=where, why=ctx["error"].reason)
    if err["type"] in ("missing", "extra_forbidden"):
        return say(f"pyd.{err['type']}", where=repr(where) if isinstance(where, str) else where)
    if err["type"] in _PYDANTIC:
        args = {k: str(v) for k, v in ctx.items() if k != "error"}
        if "expected" in args:  # "'a', 'b' or 'c'": the choices, joined in the user's language
            args["expected"] = Listed(tuple(re.findall(r"'(?:[^'\\]|\\.)*'", args["expected"])) or (args["expected"],))
        return say(f"pyd.{err['type']}", where=where, **args) + shown
    msg = re.sub(r" or instance of \w+", "", err["msg"])
    return say("pyd.other", where=where, msg=msg) + shown


# ---------------------------------------------------------------- indicators

def load_indicators(name: str, raw: bytes) -> Catalogue:
    """Read `criteria/indicators.yaml`."""
    doc = parse(name, raw)
    cat: m.IndicatorCatalogue = _validate(doc, m.IndicatorCatalogue)
    indicators: dict[str, m.Indicator] = {}
    units: dict[str, Unit | None] = {}
    problems = Problems()

    def one(i: int, ind: m.Indicator) -> None:
        if ind.id in indicators:
            raise doc.error(("indicators", i, "id"), say("load.indicator_duplicate", id=repr(ind.id)))
        if ind.kind == "mechanism":
            if ind.unit != YES_NO:
                raise doc.error(("indicators", i, "unit"), say("load.mechanism_unit", unit=repr(YES_NO)))
            units[ind.id] = None
        else:
            try:
                units[ind.id] = parse_unit(ind.unit)
            except UnitError as exc:
                raise doc.error(("indicators", i, "unit"), exc.reason) from None
            if ind.kind == "percentage" and units[ind.id].counter != PERCENT:
                raise doc.error(("indicators", i, "unit"), say("load.percent_unit"))
            if ind.attributes:
                raise doc.error(("indicators", i, "attributes"), say("load.attributes_mechanism"))
        indicators[ind.id] = ind

    problems.each(cat.indicators, one)
    problems.check()
    return Catalogue(indicators, units, sha256(raw), name)


def _indicator(doc: Document, cat: Catalogue, path: tuple[Any, ...], ind_id: str) -> m.Indicator:
    if ind_id not in cat.indicators:
        raise doc.error(path, say("load.unknown_indicator", id=repr(ind_id))
                        + did_you_mean(ind_id, list(cat.indicators)))
    return cat.indicators[ind_id]


def _resolve_value(doc: Document, cat: Catalogue, ind_id: str, value: Any, path: tuple[Any, ...]) -> Any:
    """A value in its indicator's unit, read by the one rule of `units.read_value`; a bound word is refused here."""
    try:
        got, bound, word = read_value(value, cat.units[ind_id])
    except UnitError as exc:
        raise doc.error(path, say("err.for_ind", ind=ind_id, why=exc.reason)) from None
    if word:
        raise doc.error(path, say("load.not_exact", ind=ind_id, value=repr(value), word=word))
    return got


def _resolve_example(doc: Document, cat: Catalogue, ex: m.Example, path: tuple[Any, ...]) -> m.Example:
    facts: dict[str, dict[int, m.ExampleFact]] = {}
    for ind_id, years in ex.facts.items():
        _indicator(doc, cat, path + ("facts", ind_id), ind_id)
        facts[ind_id] = {}
        for year, fact in years.items():
            f = fact if isinstance(fact, m.ExampleFact) else m.ExampleFact(value=fact)
            value = _resolve_value(doc, cat, ind_id, f.value, path + ("facts", ind_id, year))
            facts[ind_id][year] = f.model_copy(update={"value": value})
    return ex.model_copy(update={"facts": facts})


# ---------------------------------------------------------------- frameworks

def _each_criterion(doc: Document, cat: Catalogue, criteria: list[tuple[int, m.Criterion]],
                    problems: Problems) -> list[m.Criterion]:
    """The criteria (each with its index in the file) with their checks and examples in indicator units; each
    problem (a duplicate id, an unknown indicator, a target in the wrong unit) kept, going on to the next."""
    seen: dict[str, int] = {}
    resolved = []
    for i, c in criteria:
        try:
            if c.id in seen:
                raise doc.error(("criteria", i, "id"), say("load.criterion_duplicate", id=repr(c.id),
                                                                        first=seen[c.id]))
            seen[c.id] = i
            check = resolve_check(doc, cat, c.check, ("criteria", i, "check"))
            examples = [_resolve_example(doc, cat, ex, ("criteria", i, "examples", j))
                        for j, ex in enumerate(c.examples)]
            _check_attribute_values(doc, cat, c.check, examples, ("criteria", i))
            resolved.append(c.model_copy(update={"check": check, "examples": examples}))
        except InputError as exc:
            problems.add(exc)
    return resolved


def _rest_of_framework(doc: Document, cat: Catalogue) -> list[InputError]:
    """The criteria's own problems in a framework file whose schema check failed: each criterion that is well
    formed by itself is checked, so that one run of `validate` lists every problem."""
    data = doc.data if isinstance(doc.data, dict) else {}
    raw = data.get("criteria") if isinstance(data.get("criteria"), list) else []
    criteria = []
    for i, c in enumerate(raw):
        try:
            criteria.append((i, m.Criterion.model_validate(c)))
        except ValidationError:
            continue  # its schema error is reported already
    problems = Problems()
    _each_criterion(doc, cat, criteria, problems)
    return problems.found


def load_framework(name: str, raw: bytes, cat: Catalogue) -> LoadedFramework:
    """Read one `criteria/<framework>.yaml`."""
    doc = parse(name, raw)
    try:
        fw: m.Framework = _validate(doc, m.Framework)
    except InputErrors as exc:
        raise InputErrors(_in_order(exc.problems + _rest_of_framework(doc, cat))) from None
    h = fw.framework
    problems = Problems()
    header = [
        (not (0 <= h.thresholds.nearly_ready <= h.thresholds.ready <= 100), ("framework", "thresholds"),
         say("load.thresholds")),
        (not (0 <= h.coverage_floor <= 1), ("framework", "coverage_floor"),
         say("load.coverage_floor")),
        (h.kind == "plan" and not h.city, ("framework", "kind"),
         say("load.plan_city")),
        (h.kind == "plan" and h.target_year is None, ("framework", "kind"),
         say("load.plan_year")),
    ] + [(w < 0, ("framework", "category_weights", cat_name), say("load.category_weight"))
         for cat_name, w in h.category_weights.items()]
    for wrong, path, message in header:
        if wrong:
            problems.add(doc.error(path, message))
    criteria = _each_criterion(doc, cat, list(enumerate(fw.criteria)), problems)
    problems.check()
    if sum(c.weight for c in criteria) <= 0:
        raise doc.error(("criteria",), say("load.weights_zero"))
    model = fw.model_copy(update={"criteria": criteria})
    return LoadedFramework(model, name, sha256(raw), doc)


def _check_attribute_values(doc: Document, cat: Catalogue, check: Any, examples: list[m.Example],
                            path: tuple[Any, ...]) -> None:
    """Every attribute value a criterion's `where:` asks for, or its examples give, is one the catalogue allows."""
    def walk(chk: Any, at: tuple[Any, ...]) -> None:
        kind = kind_of(chk.kind)
        for sub, part in kind.parts(chk):
            walk(part, at + sub)
        for sub, ind, attr, value in kind.attribute_values(chk):
            problem = attribute_problem(cat.indicators[ind], attr, value)
            if problem:
                raise doc.error(at + sub, problem)

    walk(check, path + ("check",))
    for j, ex in enumerate(examples):
        for ind_id, years in ex.facts.items():
            for year, fact in years.items():
                for attr, value in fact.attributes.items():
                    problem = attribute_problem(cat.indicators[ind_id], attr, value)
                    if problem:
                        raise doc.error(path + ("examples", j, "facts", ind_id, year, "attributes", attr), problem)


def lint_framework(fw: LoadedFramework) -> list[InputError]:
    """Findings that do not stop an evaluation: criteria without examples."""
    return [fw.doc.error(("criteria", i, "id"), say("load.no_examples", id=c.id))
            for i, c in enumerate(fw.model.criteria) if not c.examples]


def unstated_source(fw: LoadedFramework, placeholders: frozenset[str] = frozenset(),
                    drafted_titles: frozenset[str] = frozenset()) -> list[InputError]:
    """Warnings, not errors: the source document's title or the issuer is not stated (a draft whose document
    did not say), or is one of `placeholders` (words an earlier draft wrote instead), each at the node where
    it belongs, saying what to write there; the framework's own title is still one of `drafted_titles` (the
    words a draft heads it with until the analyst names it) or one of `placeholders`."""
    h = fw.model.framework
    out = []
    if drafted_titles & {h.title.zh, h.title.en} or h.title.zh in placeholders:
        out.append(fw.doc.error(("framework", "title"), say("validate.warn") + say("validate.drafted_title")))
    if h.source.title is None or h.source.title in placeholders:
        out.append(fw.doc.error(("framework", "source", "title"), say("validate.warn") + say("validate.no_title")))
    if h.issuer is None or h.issuer in placeholders:
        out.append(fw.doc.error(("framework", "issuer"), say("validate.warn") + say("validate.no_issuer")))
    return out


# ---------------------------------------------------------------- cities

def attribute_problem(ind: m.Indicator, attr: str, value: str) -> Reason | None:
    """Why `attr: value` is not an attribute the catalogue allows for `ind`, or None when it is."""
    if attr not in ind.attributes:
        return (say("load.attribute_unknown", ind=ind.id, attr=repr(attr)) + did_you_mean(attr, list(ind.attributes))
                + (say("load.attribute_known", known=", ".join(ind.attributes)) if ind.attributes
                   else say("load.attribute_none")))
    allowed = ind.attributes[attr].values
    if value not in allowed:
        choices = ", ".join(f"{k} ({names.zh})" for k, names in allowed.items())
        return say("load.attribute_value", ind=ind.id, attr=attr, value=repr(value), choices=choices)
    return None


def _fact_value(doc: Document, cat: Catalogue, ind_id: str, fact: m.Fact, path: tuple[Any, ...]) -> tuple[Any, str]:
    """A fact's value in its indicator's unit and its bound; "突破1200件" gives 1200 with the bound at_least."""
    unit = cat.units[ind_id]
    try:
        value, bound, word = read_value(fact.value, unit)
    except UnitError as exc:
        raise doc.error(path + ("value",), say("err.for_ind", ind=ind_id, why=exc.reason)) from None
    if unit is None and fact.bound != "exact":
        raise doc.error(path + ("bound",), say("load.yes_no_bound"))
    if not word:
        return value, fact.bound
    if "bound" in fact.model_fields_set and fact.bound != bound:
        raise doc.error(path + ("bound",), say("load.bound_clash", word=word, bound=bound, given=fact.bound))
    return value, bound


def _settled(fact: m.Fact, value: Any, bound: str) -> m.Fact:
    """The fact with its value read into its unit and its bound: `model_copy(update=...)` done in place, since
    the fact was validated just now and nothing else holds it (a copy per fact cost 4 % of a comparison)."""
    fact.__dict__.update(value=value, bound=bound)
    fact.__pydantic_fields_set__.update(("value", "bound"))
    return fact


def _fact_resolved(doc: Document, cat: Catalogue, sources: Any, ind_id: str, year: int,
                   fact: m.Fact) -> tuple[Any, str]:
    """A fact's value and bound in its indicator's unit; InputError for a source, value, attribute or month
    the file cannot have."""
    path = ("facts", ind_id, year)
    if fact.source not in sources:
        hint = did_you_mean(fact.source, list(sources))
        raise doc.error(path + ("source",), say("load.unknown_source", source=repr(fact.source)) + hint)
    value, bound = _fact_value(doc, cat, ind_id, fact, path)
    for attr, got in fact.attributes.items():
        problem = attribute_problem(cat.indicators[ind_id], attr, got)
        if problem:
            raise doc.error(path + ("attributes", attr), problem)
    if fact.as_of is not None and int(fact.as_of[:4]) != year:
        raise doc.error(path + ("as_of",), say("load.as_of_year", as_of=fact.as_of, year=year))
    return value, bound


def _each_fact(doc: Document, cat: Catalogue, sources: Any, facts: Any, problems: Problems, keep: Any) -> None:
    """Check every fact of `facts` ({indicator: {year: Fact}}), keeping each problem and going on; `keep(ind,
    year, fact, value, bound)` receives each good one."""
    for ind_id, years in facts.items():
        try:
            _indicator(doc, cat, ("facts", ind_id), ind_id)
        except InputError as exc:
            problems.add(exc)
            continue
        for year, fact in sorted(years.items()):
            try:
                keep(ind_id, year, fact, *_fact_resolved(doc, cat, sources, ind_id, year, fact))
            except InputError as exc:
                problems.add(exc)


_READ_DATE = TypeAdapter(Date)  # a source's `read` alone, for a source whose other fields are at fault


def _rest_of_city(doc: Document, cat: Catalogue, today: dt.date | None) -> list[InputError]:
    """The problems of a city file's facts beyond its schema errors (an unknown indicator or source, a value
    in the wrong unit, with `today` a date that cannot be), for a file whose schema check failed: each fact
    and source that is well formed by itself is checked, so that one run of `validate` lists every problem."""
    data = doc.data if isinstance(doc.data, dict) else {}
    sources = data.get("sources") if isinstance(data.get("sources"), dict) else {}
    good_sources: dict[str, m.Source] = {}
    for key, raw in sources.items():
        if not isinstance(key, str) or not isinstance(raw, dict):
            continue
        try:
            good_sources[key] = m.Source.model_validate(raw)
        except ValidationError:  # its schema error is reported already; its date, when well formed, is checked
            try:
                good_sources[key] = m.Source.model_construct(read=_READ_DATE.validate_python(raw.get("read")))
            except ValidationError:
                continue
    facts: dict[str, dict[int, m.Fact]] = {}
    for ind_id, years in (data.get("facts") or {}).items() if isinstance(data.get("facts"), dict) else ():
        if not isinstance(ind_id, str) or not isinstance(years, dict):
            continue
        facts[ind_id] = {}
        for year, raw in years.items():
            try:
                if type(year) is int:
                    facts[ind_id][year] = m.Fact.model_validate(raw)
            except ValidationError:
                continue  # its schema error is reported already
    problems = Problems()
    _each_fact(doc, cat, sources, facts, problems, lambda *_: None)
    if today is not None:
        problems.found += _dates_problems(doc, good_sources, facts, today)
    return problems.found


def _in_order(problems: list[InputError]) -> list[InputError]:
    """Problems in the order of the file (line, then column); ones without a place first."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _dates_problems(doc: Document, sources: dict[str, m.Source], facts: dict[str, dict[int, m.Fact]],
                    today: dt.date) -> list[InputError]:
    """Dates a fact file cannot hold on `today`: a source read later, a figure for a year not yet begun, a month
    stock of a month to come or read before its month. Each is a typing slip (2099 for 2019), never data."""
    problems = [doc.error(("sources", key, "read"), say("load.read_future", read=src.read.isoformat(),
                                                          today=today.isoformat()))
                for key, src in sources.items() if src.read > today]
    month = f"{today:%Y-%m}"
    for ind_id, years in facts.items():
        for year, fact in years.items():
            path = ("facts", ind_id, year)
            if year > today.year:
                problems.append(doc.error(path, say("load.year_future", year=year, today=today.isoformat())))
            elif fact.as_of is not None and fact.as_of > month:
                problems.append(doc.error(path + ("as_of",), say("load.as_of_future", as_of=fact.as_of,
                                                                  today=today.isoformat())))
            src = sources.get(fact.source)
            if fact.as_of is not None and src is not None and f"{src.read:%Y-%m}" < fact.as_of <= month:
                problems.append(doc.error(path + ("as_of",), say("load.as_of_after_read", as_of=fact.as_of,
                                                                  read=src.read.isoformat(), source=fact.source)))
    return problems


def load_city(name: str, raw: bytes, cat: Catalogue, today: dt.date | None = None) -> LoadedCity:
    """Read one `cities/<city>.yaml`; every value ends up in its indicator's unit. With `today` (validate,
    import), dates that cannot be are refused too: a source read after today, a figure for a later year."""
    doc = parse(name, raw)
    try:
        city: m.City = _validate(doc, m.City)
    except InputErrors as exc:
        raise InputErrors(_in_order(exc.problems + _rest_of_city(doc, cat, today))) from None
    facts: dict[str, dict[int, m.Fact]] = {ind_id: {} for ind_id in city.facts if ind_id in cat.indicators}
    problems = Problems()

    def keep(ind_id: str, year: int, fact: m.Fact, value: Any, bound: str) -> None:
        facts[ind_id][year] = _settled(fact, value, bound)

    _each_fact(doc, cat, city.sources, city.facts, problems, keep)
    if today is not None:
        problems.found = _in_order(problems.found + _dates_problems(doc, city.sources, city.facts, today))
    problems.check()
    return LoadedCity(city.model_copy(update={"facts": facts}), name, sha256(raw))


# ---------------------------------------------------------------- waivers

def load_waivers(name: str, raw: bytes, known: set[str] | None = None) -> list[m.Waiver]:
    """Read a waiver file; with `known` criterion ids, a waiver for any other id is an error."""
    doc = parse(name, raw)
    wf: m.WaiverFile = _validate(doc, m.WaiverFile)
    problems = Problems()
    for i, w in enumerate(wf.waivers):
        if known is not None and w.criterion not in known:
            problems.add(doc.error(("waivers", i, "criterion"),
                                   say("load.waiver_unknown", id=repr(w.criterion))
                                   + did_you_mean(w.criterion, sorted(known))))
    problems.check()
    return list(wf.waivers)


ASSUMPTION_SOURCE = "what-if"
ASSUMPTION_PUBLISHER = "ipcheck what-if (--set)"


def with_assumptions(city: LoadedCity, changes: list[tuple[str, str, int]], cat: Catalogue) -> LoadedCity:
    """The city with facts set by what-if assumptions (indicator, value as written, year).

    Each assumed value replaces or adds the fact for that year and cites the source
    "ipcheck what-if (--set)", so every output marks it as an assumption, not a published figure.
    """
    model = city.model
    sources = dict(model.sources)
    # Not a published figure: no date read (model_construct skips the check that files get).
    sources[ASSUMPTION_SOURCE] = m.Source.model_construct(title="assumption given on the command line", url=None,
                                                          publisher=ASSUMPTION_PUBLISHER, read=None, via=None,
                                                          confidence="low")
    facts = {k: dict(v) for k, v in model.facts.items()}
    for ind, raw, year in changes:
        where = f"--set {ind}={raw}@{year}"
        if ind not in cat.indicators:
            raise InputError(where, 0, 0, say("load.unknown_indicator", id=repr(ind))
                             + did_you_mean(ind, list(cat.indicators)))
        try:
            value, bound, _ = read_value(raw, cat.units[ind])
        except UnitError as exc:
            raise InputError(where, 0, 0, exc.reason) from None
        fact = m.Fact(value=value, bound=bound, source=ASSUMPTION_SOURCE, note="what-if assumption")
        fact._assumed = True
        facts.setdefault(ind, {})[year] = fact
    new = model.model_copy(update={"sources": sources, "facts": {k: dict(sorted(v.items())) for k, v in facts.items()}})
    return LoadedCity(new, city.name, city.sha256)


def assumed_figures(before: LoadedCity, after: LoadedCity, changes: list[tuple[str, str, int]],
                    cat: Catalogue) -> tuple[Assumption, ...]:
    """The what-if figures `with_assumptions` set (`after`), each with the figure `before` gave for that year:
    one per indicator and year, in the order given (a second `--set` of the same figure replaces the first)."""
    seen: dict[tuple[str, int], None] = {}
    for ind, _, year in changes:
        seen.pop((ind, year), None)
        seen[(ind, year)] = None
    out = []
    for ind, year in seen:
        new = after.model.facts[ind][year]
        old = before.model.facts.get(ind, {}).get(year)
        name = cat.indicators[ind].name
        out.append(Assumption(ind, name.zh, name.en, year, new.value, new.bound, cat.unit_text(ind),
                              None if old is None else old.value, None if old is None else old.bound))
    return tuple(out)
