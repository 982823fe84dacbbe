"""Hostile inputs: each gives exit code 2 and one line naming the file, the line and what is
wrong — never a traceback, never a crash, never a partial output, nothing written elsewhere.

The corpus is tests/hostile/*.yaml (first line: `# expect: <words of the message>`); the
huge, binary and missing files are made here. A fuzz test mutates the shipped files.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from ipcheck.cli import main
from conftest import CITIES, CRITERIA

HOSTILE = Path(__file__).resolve().parent / "hostile"
CORPUS = sorted(HOSTILE.glob("*.yaml"))
NINGBO = CITIES / "ningbo.yaml"
POSITION = re.compile(r"^ipcheck: (?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def run_in(cwd: Path, *args):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    finally:
        os.chdir(old)


def assert_one_line(result, path: Path, expect: str, *, whole_file=False):
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    m = POSITION.match(lines[0])
    assert m, lines[0]
    assert Path(m["file"]).name == path.name
    if not whole_file:
        assert int(m["line"]) >= 1 and int(m["col"]) >= 1, lines[0]
    assert expect in m["msg"], lines[0]


def criteria_dir_with(tmp: Path, framework: Path | None = None) -> Path:
    d = tmp / "criteria"
    d.mkdir()
    shutil.copy(CRITERIA / "indicators.yaml", d / "indicators.yaml")
    if framework is not None:
        shutil.copy(framework, d / framework.name)
    return d


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus(path, tmp_path):
    expect = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    work = tmp_path / "work"
    work.mkdir()
    whole = path.stem.endswith("empty")
    if path.name.startswith("city-"):
        r = run_in(work, "evaluate", path, "--format", "json", "--output", "out.json", "--pdf", "out.pdf")
        assert_one_line(r, path, expect, whole_file=whole)
    elif path.name.startswith("framework-"):
        crit = criteria_dir_with(tmp_path, path)
        assert_one_line(run_in(work, "evaluate", NINGBO, "--criteria", crit, "--output", "out.json"),
                        path, expect)
        v = run_in(work, "validate", path, "--criteria", crit)
        assert v.exit_code == 2 and expect in v.stderr and path.name in v.stderr
    else:
        assert_one_line(run_in(work, "evaluate", NINGBO, "--waivers", path, "--output", "out.json"), path, expect)
    assert list(work.iterdir()) == []  # no output, no temporary file, nothing else


def test_not_utf8(tmp_path):
    p = tmp_path / "latin1.yaml"
    p.write_bytes(NINGBO.read_bytes().replace("宁波".encode(), "Ningb\xf6".encode("latin-1"), 1))
    assert_one_line(run_in(tmp_path, "evaluate", p), p, "not UTF-8")


def test_fifty_megabytes(tmp_path):
    p = tmp_path / "huge.yaml"
    with open(p, "wb") as fh:
        fh.write(NINGBO.read_bytes())
        fh.write(b"# padding\n" * (5 * 1024 * 1024))
    assert p.stat().st_size > 50 * 1024 * 1024
    assert_one_line(run_in(tmp_path, "evaluate", p), p, "the limit is", whole_file=True)


def test_directory_and_missing(tmp_path):
    d = tmp_path / "adir.yaml"
    d.mkdir()
    assert_one_line(run_in(tmp_path, "evaluate", d), d, "is a directory", whole_file=True)
    gone = tmp_path / "gone.yaml"
    assert_one_line(run_in(tmp_path, "evaluate", gone), gone, "no such file", whole_file=True)


def test_durable_never_gets_out_of_range_numbers():
    """Integer overflow and float forms crash or mislead durable-rules: the wrapper refuses them first."""
    from decimal import Decimal

    from ipcheck.engine.decide import DeciderError, DurableDecider, Leaf, leaf
    with pytest.raises(DeciderError):
        leaf("x", Decimal("0.0000001"), Decimal(1), None, ">=")  # off the 10^-6 grid
    with pytest.raises(DeciderError):
        leaf("x", Decimal(10) ** 20, Decimal(1), None, ">=")
    with pytest.raises(DeciderError):
        DurableDecider().decide([Leaf("x", 2**63, 0, 0, 1)])


# ---------------------------------------------------------------- fuzz

NASTY = [".nan", "-0", "1e16", "1e-05", "&a", "*a", "亿元", "{", "]", "yes", "2023-02-30", "99999999999999999999",
         "~", "!!str", "<<: {}", "\t", ": :", "'", "\"", "- ", "#", "万万件", "0x10", "∞", "‐1"]


@st.composite
def mutation(draw, text: str) -> str:
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "token", "char", "swap"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "token":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(st.sampled_from(NASTY)) + lines[i][pos:]
        elif lines[i]:
            pos = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:pos] + draw(st.characters(codec="utf-8")) + lines[i][pos + 1:]
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


def check_contract(result, name: str):
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.exit_code
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert lines and all(name in line or line.startswith("Usage") or line.startswith("Error") or line.startswith("Try")
                             for line in lines), result.stderr


SHIPPED = {"city": NINGBO.read_text(encoding="utf-8"), "framework": (CRITERIA / "tianjin-2017.yaml").read_text(encoding="utf-8")}


@given(st.sampled_from(sorted(SHIPPED)), st.data())
def test_fuzz_mutated_files(tmp_path_factory, kind, data):
    text = data.draw(mutation(SHIPPED[kind]))
    tmp = tmp_path_factory.mktemp("fuzz")
    work = tmp / "work"
    work.mkdir()
    if kind == "city":
        f = tmp / "city.yaml"
        f.write_text(text, encoding="utf-8")
        check_contract(run_in(work, "validate", f), "city.yaml")
        r = run_in(work, "evaluate", f, "--output", "out.json")
        check_contract(r, "city.yaml")
        assert sorted(p.name for p in work.iterdir()) == (["out.json"] if r.exit_code in (0, 1) else [])
    else:
        f = tmp / "tianjin-2017.yaml"
        f.write_text(text, encoding="utf-8")
        crit = criteria_dir_with(tmp, f)
        check_contract(run_in(work, "validate", f, "--criteria", crit), f.name)
        r = run_in(work, "evaluate", CITIES / "tianjin.yaml", "--criteria", crit, "--output", "out.json")
        check_contract(r, f.name)
        assert sorted(p.name for p in work.iterdir()) == (["out.json"] if r.exit_code in (0, 1) else [])
