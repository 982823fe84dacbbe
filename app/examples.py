"""The criteria's own examples, run as tests: `ipcheck test`, `ipcheck validate` and pytest use these.

A criterion carries `examples:` (facts and the status they must give), like sqlfluff's rule
fixtures or the `test_*` rules beside an OPA policy. One function runs one example; every
caller (the command, validate, the generic pytest test) goes through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import CRITERIA_DIR
from ..engine.errors import InputError
from ..engine.result import say as R
from ..reports.words import text
from .files import read_input
from .library import INDICATORS, decider_notices, load_catalogue, load_library, sniff_kind
from .outcome import Outcome


@dataclass(frozen=True)
class ExampleCase:
    """One example of one criterion of a loaded framework, and where it is written."""
    framework: Any          # engine.load.LoadedFramework
    criterion_index: int    # position in the framework's criteria
    index: int              # position in the criterion's examples

    @property
    def criterion(self) -> Any:
        """The criterion the example belongs to."""
        return self.framework.model.criteria[self.criterion_index]

    @property
    def example(self) -> Any:
        """The example: facts, optional level and year, the status expected."""
        return self.criterion.examples[self.index]

    @property
    def path(self) -> tuple[Any, ...]:
        """Where the example is in the file's YAML, for its line and column."""
        return ("criteria", self.criterion_index, "examples", self.index)

    @property
    def label(self) -> str:
        """'NB-05 example 2 ("a lower bound below the target settles nothing")', counting from 1."""
        name = self.example.name
        return f"{self.criterion.id} example {self.index + 1}" + (f" ({name!r})" if name else "")


@dataclass(frozen=True)
class ExampleResult:
    """The status an example gave, beside the one it expects."""
    case: ExampleCase
    got: str

    @property
    def expected(self) -> str:
        """The status the example says it gives."""
        return self.case.example.expect

    @property
    def passed(self) -> bool:
        """Whether the criterion gave the expected status."""
        return self.got == self.expected

    def problem(self) -> InputError:
        """The failure as a bad-input line: file:line:col of the example, expected and got."""
        name = self.case.example.name
        said = R("test.failed_named" if name else "test.failed", id=self.case.criterion.id, n=self.case.index + 1,
                 name=repr(name), expected=self.expected, got=self.got)
        return self.case.framework.doc.error(self.case.path, said)


def example_cases(fw: Any) -> list[ExampleCase]:
    """Every example of every criterion of a framework, in file order."""
    return [ExampleCase(fw, i, j) for i, c in enumerate(fw.model.criteria) for j in range(len(c.examples))]


def run_case(case: ExampleCase, catalogue: Any, decider: Any) -> ExampleResult:
    """Run one example: the status its criterion gives on its facts."""
    from ..engine.evaluate import run_example
    return ExampleResult(case, run_example(case.framework, case.criterion, case.example, catalogue, decider))


def run_examples(fw: Any, catalogue: Any, decider: Any) -> list[ExampleResult]:
    """Run every example of a framework."""
    return [run_case(case, catalogue, decider) for case in example_cases(fw)]


def failing_examples(fw: Any, catalogue: Any, decider: Any) -> list[InputError]:
    """The examples of a framework that do not give their expected status, one problem each."""
    return [r.problem() for r in run_examples(fw, catalogue, decider) if not r.passed]


def _frameworks(paths: list[Path], criteria_dir: Path | None) -> tuple[Any, list]:
    """The catalogue and the frameworks to test: every one in the criteria folder, or those named
    (a folder stands for the framework files in it)."""
    from ..engine.load import load_framework

    if not paths:
        lib = load_library(criteria_dir)
        return lib.catalogue, [lib.frameworks[fid] for fid in sorted(lib.frameworks)]
    catalogue = load_catalogue(criteria_dir, [p for p in paths if not p.is_dir()] +
                               [p / INDICATORS for p in paths if p.is_dir()])
    frameworks = []
    for path in paths:
        if path.is_dir():
            raws = [(p, read_input(p)) for p in sorted(path.glob("*.yaml"))]
            raws = [(p, raw) for p, raw in raws if sniff_kind(raw) == "framework"]
            if not raws:
                raise InputError(str(path), 0, 0, R("examples.no_framework"))
        else:
            raw = read_input(path)
            kind = sniff_kind(raw)
            if kind != "framework":
                raise InputError(str(path), 0, 0, R("examples.not_framework", kind=kind))
            raws = [(path, raw)]
        frameworks += [load_framework(str(p), raw, catalogue) for p, raw in raws]
    return catalogue, frameworks


def run_tests(paths: list[Path], *, criteria_dir: Path = CRITERIA_DIR, engine: str = "durable",
              lang: str = "en") -> Outcome:
    """`ipcheck test`: run the examples of every framework (or of those named); exit 1 if one fails.

    One line per framework (its id, passed and failed counts, its file), each failing example
    on its own line as file:line:col, expected and got, and last the totals "N passed, N failed".
    """
    from ..engine.decide import make_decider

    catalogue, frameworks = _frameworks(list(paths), criteria_dir)
    decider, notice = make_decider(engine)
    lines: list[str] = []
    passed = failed = 0
    for fw in frameworks:
        results = run_examples(fw, catalogue, decider)
        bad = [r for r in results if not r.passed]
        passed += len(results) - len(bad)
        failed += len(bad)
        lines.append(text(R("test.framework", id=f"{fw.id:<16}", passed=f"{len(results) - len(bad):>4}",
                            failed=f"{len(bad):>4}", file=fw.name), lang))
        lines += [r.problem().in_language(lang) for r in bad]
    lines.append(text(R("test.total", passed=str(passed), failed=str(failed)), lang))
    return Outcome(text="".join(line + "\n" for line in lines), notices=decider_notices(decider, notice, lang),
                   exit_code=1 if failed else 0)

