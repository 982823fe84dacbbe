"""The criteria library on disk, the city files, and which frameworks a command evaluates against."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import CRITERIA_DIR
from ..engine.errors import InputError
from .files import read_input

INDICATORS = "indicators.yaml"
FIRST_YEAR, LAST_YEAR = 1949, 2100  # the years an evaluation (--year, --set ...@YEAR) may name


class UsageProblem(Exception):
    """A command was called with options that do not fit (exit 2, shown as a usage error).

    `option` names the option at fault (e.g. "--set"), or is None for the command as a whole."""

    def __init__(self, message: str, option: str | None = None):
        super().__init__(message)
        self.message = message
        self.option = option


@dataclass
class Library:
    """The criteria folder: the indicator catalogue and every framework in it."""
    catalogue: object
    frameworks: dict
    inputs: list[tuple[str, str]]   # (path, sha256) of every file read
    folder: str = ""

    def paths(self) -> list[str]:
        """The folder and every file read from it: what a command's outputs must never overwrite."""
        return [self.folder] + [p for p, _ in self.inputs]


def load_library(criteria_dir: Path = CRITERIA_DIR) -> Library:
    """Read `indicators.yaml` and every framework file of a criteria folder."""
    from ..engine.load import load_framework, load_indicators

    criteria_dir = Path(criteria_dir)
    ind_path = criteria_dir / INDICATORS
    cat = load_indicators(str(ind_path), read_input(ind_path))
    frameworks = {}
    inputs = [(str(ind_path), cat.sha256)]
    for p in sorted(criteria_dir.glob("*.yaml")):
        if p.name == INDICATORS:
            continue
        fw = load_framework(str(p), read_input(p), cat)
        if fw.id in frameworks:
            raise InputError(str(p), 0, 0, f"framework id {fw.id!r} is also used by {frameworks[fw.id].name}")
        frameworks[fw.id] = fw
        inputs.append((str(p), fw.sha256))
    return Library(cat, frameworks, inputs, str(criteria_dir))


def choose_frameworks(lib: Library, city_id: str, wanted: tuple[str, ...] | list[str]) -> list:
    """The frameworks named, or by default the city's own plan (if any) and the reference framework."""
    if wanted:
        out = []
        for fid in wanted:
            if fid not in lib.frameworks:
                from ..engine.errors import did_you_mean
                hint = did_you_mean(fid, list(lib.frameworks)) or f" (known: {', '.join(sorted(lib.frameworks))})"
                raise UsageProblem(f"unknown framework {fid!r}{hint}")
            out.append(lib.frameworks[fid])
        return out
    own = [f for f in lib.frameworks.values() if f.model.framework.kind == "plan" and f.model.framework.city == city_id]
    ref = [f for f in lib.frameworks.values() if f.model.framework.kind == "reference"]
    return own + ref


def load_city_file(path: Path, lib: Library):
    """Read and validate one city fact file against the library's catalogue."""
    from ..engine.load import load_city
    return load_city(str(path), read_input(path), lib.catalogue)


def decider_notices(decider, notice: str | None, lang: str = "zh") -> list[str]:
    """The stderr lines about the decider: `make_decider`'s notice, and one when durable-rules failed and
    the Python reference decider took over (`GuardedDecider.failure`)."""
    from ..engine.errors import error_line
    from ..engine.result import say
    from ..reports.words import text
    lines = [notice] if notice else []
    failure = getattr(decider, "failure", None)
    if failure:
        lines.append(error_line(text(say("decide.fallback", why=failure), lang)))
    return lines


def parse_assumptions(items: tuple[str, ...] | list[str]) -> list[tuple[str, str, int]]:
    """`--set INDICATOR=VALUE@YEAR` options as (indicator, value as written, year)."""
    out = []
    for item in items:
        m = re.fullmatch(r"\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+?)\s*@\s*(\d{4})\s*", item)
        if not m:
            raise UsageProblem(f"{item!r}: write INDICATOR=VALUE@YEAR, e.g. pct_applications=700件@2022", "--set")
        year = int(m[3])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise UsageProblem(f"{item!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}", "--set")
        out.append((m[1], m[2], year))
    return out


FILE_KINDS = ("city", "framework", "indicators", "waivers")


def sniff_kind(raw: bytes) -> str:
    """Which of FILE_KINDS this is, from its top-level keys (a bad file is then judged as a city)."""
    head = raw[:4096].decode("utf-8", "replace")
    for line in head.splitlines():
        if line.startswith("indicators:"):
            return "indicators"
        if line.startswith("framework:") or line.startswith("criteria:"):
            return "framework"
        if line.startswith("waivers:"):
            return "waivers"
    return "city"


@dataclass
class Selection:
    """What an evaluation command reads: the city, the frameworks, waivers and the decider's options."""
    city_path: Path
    criteria_dir: Path = CRITERIA_DIR
    frameworks: tuple[str, ...] = ()
    year: int | None = None
    engine: str = "durable"
    waivers_path: Path | None = None
    as_of: str | None = None  # YYYY-MM-DD or "today"
    assumptions: tuple[str, ...] = ()
    criterion: str | None = None  # only the frameworks holding this criterion (explain)
    lang: str = "zh"  # the language of the notices


@dataclass
class Evaluated:
    """The results of evaluating one city, with every input file read (path, sha256)."""
    lib: Library
    city: object
    results: list
    inputs: list[tuple[str, str]]
    notices: list[str] = field(default_factory=list)

    def paths(self) -> list[str]:
        """Every file and folder read: what the command's outputs must never overwrite."""
        return [self.lib.folder] + [p for p, _ in self.inputs]


def evaluate_selection(sel: Selection) -> Evaluated:
    """Load the library, the city (with what-if assumptions) and waivers; evaluate the chosen frameworks."""
    from ..engine.decide import make_decider
    from ..engine.errors import did_you_mean
    from ..engine.evaluate import evaluate_frameworks
    from ..engine.load import load_waivers, sha256, with_assumptions

    lib = load_library(sel.criteria_dir)
    city = load_city_file(sel.city_path, lib)
    assumptions = parse_assumptions(sel.assumptions)
    if assumptions:
        try:
            city = with_assumptions(city, assumptions, lib.catalogue)
        except InputError as exc:
            raise UsageProblem(f"{exc.file[6:]}: {exc.message}", "--set") from None
    inputs = list(lib.inputs) + [(str(sel.city_path), city.sha256)]
    waivers = []
    if sel.waivers_path is not None:
        raw = read_input(sel.waivers_path)
        known = {c.id for fw in lib.frameworks.values() for c in fw.model.criteria}
        waivers = load_waivers(str(sel.waivers_path), raw, known)
        inputs.append((str(sel.waivers_path), sha256(raw)))
    if sel.criterion and not sel.frameworks:
        chosen = [f for f in lib.frameworks.values() if any(c.id == sel.criterion for c in f.model.criteria)]
        if not chosen:
            ids = [c.id for f in lib.frameworks.values() for c in f.model.criteria]
            raise UsageProblem(f"no criterion {sel.criterion!r}{did_you_mean(sel.criterion, ids)}")
    else:
        chosen = choose_frameworks(lib, city.id, sel.frameworks)
    if not chosen:
        raise UsageProblem("no framework to evaluate against: name one with --framework")
    decider, notice = make_decider(sel.engine)
    day = None
    if sel.as_of:
        day = dt.date.today() if sel.as_of == "today" else dt.date.fromisoformat(sel.as_of)
    results = evaluate_frameworks(chosen, city, lib.catalogue, decider, year=sel.year, waivers=waivers, as_of=day)
    return Evaluated(lib, city, results, inputs, decider_notices(decider, notice, sel.lang))
