"""The commands about the criteria library and the files themselves: criteria, validate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..engine.errors import InputError, InputErrors, error_line
from ..engine.result import say as R
from ..reports.words import EARLIER_PLACEHOLDERS, say
from .examples import failing_examples
from .files import read_input, yaml_files
from .library import CRITERIA_DIR, INDICATORS, UsageProblem, decider_notices, load_catalogue, load_library, sniff_kind
from .outcome import Outcome


def list_criteria(framework_id: str | None = None, *, criteria_dir: Path = CRITERIA_DIR, lang: str = "zh") -> Outcome:
    """The frameworks (one line each), or one framework's criteria."""
    from ..reports.catalogue import criteria_text, frameworks_text
    lib = load_library(criteria_dir, (framework_id,) if framework_id else ())
    framework_id = lib.ids((framework_id,))[0] if framework_id else None
    if framework_id is None:
        return Outcome(text=frameworks_text([fw.model for _, fw in sorted(lib.frameworks.items())], lang),
                       inputs=lib.paths())
    if framework_id not in lib.frameworks:
        raise UsageProblem(R("library.unknown_framework", id=repr(framework_id))
                           + R("library.known", known=", ".join(sorted(lib.frameworks))))
    return Outcome(text=criteria_text(lib.frameworks[framework_id].model, lang), inputs=lib.paths())


# At most a screenful per file, as `import` lists a form's problems (app/intake.MAX_PROBLEMS): a file with more
# (a wrong unit in every row) gets the first ones and the count, which is enough to see what went wrong.
SHOWN_PER_FILE = 20


def _problem_lines(problems: list[InputError], lang: str) -> list[str]:
    """One line per problem, file by file, at most SHOWN_PER_FILE each; a file with several ends with how many."""
    files: dict[str, list[InputError]] = {}
    for p in problems:
        files.setdefault(p.file, []).append(p)
    lines = []
    for file, found in files.items():
        lines += [error_line(p, lang) for p in found[:SHOWN_PER_FILE]]
        if len(found) > SHOWN_PER_FILE:
            lines.append(error_line(InputError(file, None, None, R("validate.count_cut", n=len(found),
                                                                    shown=SHOWN_PER_FILE)), lang))
        elif len(found) > 1:
            lines.append(error_line(InputError(file, None, None, R("validate.count", n=len(found))), lang))
    return lines


def validate(paths: list[Path], *, criteria_dir: Path = CRITERIA_DIR, lang: str = "zh",
             today: dt.date | None = None) -> Outcome:
    """Check city, criteria and waiver files (folders too): one stderr line per problem, exit 2 if any.

    With `today`, a city file's dates are checked against it too (a source read later, a figure for a later year).
    A framework's criteria must each have examples, and every example must give its expected status.
    """
    from ..engine.decide import make_decider
    from ..engine.load import lint_framework, load_city, load_framework, load_indicators, load_waivers, unstated_source

    files = yaml_files(paths)
    cat = load_catalogue(criteria_dir, [p for p in files if p.name != INDICATORS])
    problems: list[InputError] = []
    notices: list[str] = []
    warnings: list[InputError] = []  # said, but the file stays valid
    decider = None
    for p in files:
        try:
            raw = read_input(p)
            kind = sniff_kind(raw)
            if kind == "indicators":
                load_indicators(str(p), raw)
            elif kind == "framework":
                fw = load_framework(str(p), raw, cat)
                problems += lint_framework(fw)
                warnings += unstated_source(fw, EARLIER_PLACEHOLDERS, drafted_titles(fw.model.framework))
                if decider is None:
                    decider, notice = make_decider("durable")
                    notices += [notice] if notice else []
                problems += failing_examples(fw, cat, decider)
            elif kind == "waivers":
                load_waivers(str(p), raw)
            else:
                load_city(str(p), raw, cat, today)
        except InputErrors as exc:  # every problem of the file, one line each
            problems += exc.problems
        except InputError as exc:
            problems.append(exc)
    inputs = [str(CRITERIA_DIR / INDICATORS)] + [str(p) for p in [*paths, *files]]
    notices += decider_notices(decider, None)  # durable-rules failed and Python decided: said once
    notices += [error_line(w, lang) for w in warnings]
    if problems:
        return Outcome(notices=notices + _problem_lines(problems, lang), exit_code=2, inputs=inputs)
    done = say("validate.ok_one", lang) if len(files) == 1 else say("validate.ok", lang, n=len(files))
    return Outcome(text=done + "\n", notices=notices, inputs=inputs)


def drafted_titles(h) -> frozenset[str]:
    """The titles `draft` gives a framework drafted for `h.city` from `h.source.file`, in both languages."""
    return frozenset(say("draft.yaml.untitled", lang, city=h.city or "", file=h.source.file) for lang in ("zh", "en"))
