"""The criteria library on disk, the city files, and which frameworks a command evaluates against."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import CRITERIA_DIR
from ..engine.errors import InputError, as_reason, words
from ..engine.result import Reason, say
from .files import read_input

INDICATORS = "indicators.yaml"
FIRST_YEAR, LAST_YEAR = 1949, 2100  # the years an evaluation (--year, --set ...@YEAR) may name


class UsageProblem(Exception):
    """A command was called with options that do not fit (exit 2, shown as a usage error).

    `option` names the option at fault (e.g. "--set"), or is None for the command as a whole."""

    def __init__(self, message: Reason | str, option: str | None = None):
        self.reason = as_reason(message)
        super().__init__(self.reason)
        self.option = option

    def in_language(self, lang: str) -> str:
        """What is wrong, in `lang`."""
        return words(self.reason, lang)


ENV_FOLDERS = "IPCHECK_CRITERIA"  # folders of the user's own frameworks and indicators, os.pathsep between them


class Clash(InputError):
    """A user file defines a framework or indicator id that another file of the library already defines.

    The line names both files."""

    def __init__(self, file: str, line: int, column: int, what: str, ident: str, other: str):
        self.what, self.ident, self.other = what, ident, other
        super().__init__(file, line, column, say(f"library.clash.{what}", id=ident, other=other))

    def __reduce__(self):
        return (type(self), (self.file, self.line, self.column, self.what, self.ident, self.other))


@dataclass
class Library:
    """The criteria library: the shipped indicators and frameworks, with the user's own added.

    `named` maps a framework named by its file (`--framework my-plan.yaml`) to the framework's id."""
    catalogue: object
    frameworks: dict
    inputs: list[tuple[str, str]]   # (path, sha256) of every file read
    folder: str = ""
    folders: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    copies: list[str] = field(default_factory=list)  # user files read and found to copy a shipped file

    def paths(self) -> list[str]:
        """The folders and every file read from them: what a command's outputs must never overwrite."""
        return [self.folder, *self.folders] + [p for p, _ in self.inputs] + self.copies

    def ids(self, wanted: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """Framework ids for what a command was given: ids as they are, framework files as their ids."""
        return tuple(self.named.get(w, w) for w in wanted)


def is_framework_file(name: str) -> bool:
    """Whether `--framework NAME` names a file rather than a framework id (ids have no '/' and no .yaml)."""
    return name.lower().endswith((".yaml", ".yml")) or "/" in name or "\\" in name


def user_folders(criteria_dir: Path | None) -> list[Path]:
    """The user's criteria folders: those of $IPCHECK_CRITERIA, then `--criteria` (the shipped folder left out)."""
    import os
    folders = [Path(f) for f in os.environ.get(ENV_FOLDERS, "").split(os.pathsep) if f.strip()]
    if criteria_dir is not None:
        folders.append(Path(criteria_dir))
    seen, out = {CRITERIA_DIR.resolve()}, []
    for f in folders:
        if not f.is_dir():
            raise InputError(str(f), None, None, say("library.no_folder") if not f.exists()
                             else say("files.not_a_folder_plain"))
        if f.resolve() not in seen:
            seen.add(f.resolve())
            out.append(f)
    return out


def _merged(cat, more):
    """One catalogue of the indicators of both (the caller has made sure no id is in both)."""
    from ..engine.catalogue import Catalogue
    from ..engine.load import sha256
    return Catalogue({**cat.indicators, **more.indicators}, {**cat.units, **more.units},
                     sha256((cat.sha256 + more.sha256).encode()), cat.name)


class _Reader:
    """Reads the library's files once each; a user file byte for byte the same as the shipped file of
    its name is that file (so a copy of the shipped folder adds nothing)."""

    def __init__(self) -> None:
        self.shipped = {p.name: p.resolve() for p in CRITERIA_DIR.glob("*.yaml")}
        self.raws: dict[Path, bytes] = {}
        self.same: dict[Path, Path] = {}  # a user file -> the shipped file it copies
        self.copies: list[str] = []  # those files as named
        self.inputs: list[tuple[str, str]] = []

    def fresh(self, p: Path) -> bytes | None:
        """The file's bytes, or None when it is read already or copies the shipped file of its name."""
        from ..engine.load import sha256
        try:
            key = p.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading it says so in one line
            read_input(p)
            raise
        if key in self.raws:
            return None
        self.raws[key] = raw = read_input(p)
        twin = self.shipped.get(p.name)
        if twin is not None and twin != key and self.raws.get(twin) == raw:
            self.same[key] = twin
            self.copies.append(str(p))
            return None
        self.inputs.append((str(p), sha256(raw)))
        return raw

    def catalogue(self, folders: list[Path], files: list[Path]):
        """The shipped indicators with those of each user folder and of the folder of each framework file."""
        from ..engine.load import load_indicators
        from ..engine.yamldoc import parse

        cat, origin = None, {}
        beside = [f.parent / INDICATORS for f in files]
        for p in [CRITERIA_DIR / INDICATORS, *(f / INDICATORS for f in folders), *beside]:
            if p.parent != CRITERIA_DIR and not p.is_file():
                continue  # a user folder need not add indicators
            raw = self.fresh(p)
            if raw is None:
                continue
            more = load_indicators(str(p), raw)
            for i, ind_id in enumerate(more.indicators):
                if ind_id in origin:
                    line, col = parse(str(p), raw).where(("indicators", i, "id"))
                    raise Clash(str(p), line, col, "indicator", ind_id, origin[ind_id])
                origin[ind_id] = str(p)
            cat = more if cat is None else _merged(cat, more)
        return cat


def _user(criteria_dir: Path | None) -> list[Path]:
    return user_folders(None if criteria_dir is None or Path(criteria_dir) == CRITERIA_DIR else Path(criteria_dir))


def load_catalogue(criteria_dir: Path | None = None, beside: list[Path] | tuple[Path, ...] = ()):
    """The indicators alone: the shipped ones, the user folders', and those beside the framework files given."""
    return _Reader().catalogue(_user(criteria_dir), [Path(p) for p in beside if Path(p).is_file()])


def load_library(criteria_dir: Path | None = None, named: tuple[str, ...] | list[str] = ()) -> Library:
    """The shipped library, with the user's own folders (`criteria_dir`, $IPCHECK_CRITERIA) and the
    framework files among `named` added, each with the indicators.yaml beside it.

    A framework or indicator id defined in two files is a Clash naming both."""
    from ..engine.load import load_framework

    folders = _user(criteria_dir)
    names = [n for n in named if is_framework_file(n)]
    files = [Path(n) for n in names]
    reader = _Reader()
    cat = reader.catalogue(folders, files)
    frameworks: dict = {}
    defined: dict[str, str] = {}  # framework id -> its file
    by_file: dict[Path, str] = {}  # a framework file (resolved) -> its id
    fw_files = [p for p in sorted(CRITERIA_DIR.glob("*.yaml")) if p.name != INDICATORS]
    for f in folders:
        fw_files += [p for p in sorted(f.glob("*.yaml")) if p.name != INDICATORS]
    for p in fw_files + files:
        if p not in files and p.parent != CRITERIA_DIR and _city_or_waivers(read_input(p)):
            continue  # a city file or waivers kept beside one's plan: not a framework, not read as one
        raw = reader.fresh(p)
        if raw is None:
            continue
        fw = load_framework(str(p), raw, cat)
        if fw.id in frameworks:
            line, col = fw.doc.where(("framework", "id"))
            raise Clash(str(p), line, col, "framework", fw.id, defined[fw.id])
        frameworks[fw.id] = fw
        defined[fw.id] = str(p)
        by_file[p.resolve()] = fw.id
    named_ids = {n: by_file[reader.same.get(f.resolve(), f.resolve())] for n, f in zip(names, files)}
    return Library(cat, frameworks, reader.inputs, str(CRITERIA_DIR), [str(f) for f in folders], named_ids,
                   reader.copies)


def choose_frameworks(lib: Library, city_id: str, wanted: tuple[str, ...] | list[str]) -> list:
    """The frameworks named (by id, or by file), or by default the city's own plan (if any) and the reference one."""
    if wanted:
        out = []
        for fid in lib.ids(wanted):
            if fid not in lib.frameworks:
                from ..engine.errors import did_you_mean
                hint = (did_you_mean(fid, list(lib.frameworks))
                        or say("library.known", known=", ".join(sorted(lib.frameworks))))
                raise UsageProblem(say("library.unknown_framework", id=repr(fid)) + hint)
            out.append(lib.frameworks[fid])
        return out
    own = [f for f in lib.frameworks.values() if f.model.framework.kind == "plan" and f.model.framework.city == city_id]
    ref = [f for f in lib.frameworks.values() if f.model.framework.kind == "reference"]
    return own + ref


def load_city_file(path: Path, lib: Library):
    """Read and validate one city fact file against the library's catalogue."""
    from ..engine.load import load_city
    return load_city(str(path), read_input(path), lib.catalogue)


def decider_notices(decider, notice: Reason | None, lang: str = "zh") -> list[str]:
    """The stderr lines about the decider: `make_decider`'s notice, and one when durable-rules failed and
    the Python reference decider took over (`GuardedDecider.failure`)."""
    from ..engine.errors import error_line
    from ..engine.result import say
    from ..reports.words import text
    lines = [error_line(text(notice, lang))] if notice else []
    failure = getattr(decider, "failure", None)
    if failure:
        lines.append(error_line(text(say("decide.fallback", why=failure), lang)))
    return lines


def parse_assumptions(items: tuple[str, ...] | list[str], today: dt.date | None = None) -> list[tuple[str, str, int]]:
    """`--set INDICATOR=VALUE@YEAR` options as (indicator, value as written, year). With `today`, a year not yet
    begun is refused, as validate refuses a fact of such a year (a typing slip: 2099 for 2019)."""
    out = []
    for item in items:
        m = re.fullmatch(r"\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.+?)\s*@\s*(\d{4})\s*", item)
        if not m:
            raise UsageProblem(say("library.set_form", item=repr(item)), "--set")
        year = int(m[3])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise UsageProblem(say("library.set_year", item=repr(item), first=FIRST_YEAR, last=LAST_YEAR), "--set")
        if today is not None and year > today.year:
            raise UsageProblem(say("library.set_future", item=repr(item), year=year, today=today.isoformat()),
                               "--set")
        out.append((m[1], m[2], year))
    return out


FILE_KINDS = ("city", "framework", "indicators", "waivers")


def _city_or_waivers(raw: bytes) -> bool:
    """Whether a file is plainly a city file or a waivers file (its top-level `city:` or `waivers:`)."""
    kind = sniff_kind(raw)
    return kind == "waivers" or kind == "city" and re.search(rb"^city:", raw[:4096], re.M) is not None


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
    criteria_dir: Path | None = None
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
    assumptions: tuple = ()  # the what-if figures (`engine.result.Assumption`) given with --set
    years_before: dict = field(default_factory=dict)  # framework id -> the year judged on the published figures,
    #                                                   for each framework a what-if moves to another year

    def paths(self) -> list[str]:
        """Every file and folder read: what the command's outputs must never overwrite."""
        return self.lib.paths() + [p for p, _ in self.inputs]


def last_full_year(today: dt.date) -> int:
    """The last full year on `today`: the year a new fact file is asked for (init, collect) and judged in while
    it holds no figure."""
    return today.year - 1


def evaluate_selection(sel: Selection) -> Evaluated:
    """Load the library, the city (with what-if assumptions) and waivers; evaluate the chosen frameworks."""
    from ..engine.decide import make_decider
    from ..engine.errors import did_you_mean
    from ..engine.evaluate import evaluate_frameworks
    from ..engine.load import assumed_figures, load_waivers, sha256, with_assumptions

    lib = load_library(sel.criteria_dir, sel.frameworks)
    city = load_city_file(sel.city_path, lib)
    assumptions = parse_assumptions(sel.assumptions, dt.date.today())
    assumed = ()
    if assumptions:
        try:
            published, city = city, with_assumptions(city, assumptions, lib.catalogue)
        except InputError as exc:
            raise UsageProblem(say("err.for_ind", ind=exc.file[6:], why=exc.reason), "--set") from None
        assumed = assumed_figures(published, city, assumptions, lib.catalogue)
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
            raise UsageProblem(say("library.no_criterion", id=repr(sel.criterion)) + did_you_mean(sel.criterion, ids))
    else:
        chosen = list({id(f): f for f in choose_frameworks(lib, city.id, sel.frameworks)}.values())  # once each
    if not chosen:
        raise UsageProblem(say("library.no_framework"))
    decider, notice = make_decider(sel.engine)
    day = None
    if sel.as_of:
        day = dt.date.today() if sel.as_of == "today" else dt.date.fromisoformat(sel.as_of)
    default_year = last_full_year(day or dt.date.today())
    results = evaluate_frameworks(chosen, city, lib.catalogue, decider, year=sel.year, waivers=waivers, as_of=day,
                                  default_year=default_year)
    years_before = {}
    if assumed and sel.year is None:  # the year an assumption may move: the published figures judged too
        real = evaluate_frameworks(chosen, published, lib.catalogue, decider, waivers=waivers, as_of=day,
                                   detail=False, default_year=default_year)
        years_before = {r.framework_id: was.year for r, was in zip(results, real, strict=True) if r.year != was.year}
    return Evaluated(lib, city, results, inputs, decider_notices(decider, notice, sel.lang), assumed, years_before)
