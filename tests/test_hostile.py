"""Hostile inputs: each gives exit code 2 and one line naming the file, the line and what is
wrong — never a traceback, never a crash, never a partial output, nothing written elsewhere.

The corpus is tests/hostile/*.yaml (first line: `# expect: <words of the message>`); the
huge, binary and missing files are made here. A fuzz test mutates the shipped files.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CITIES, CRITERIA
from hypothesis import given
from hypothesis import strategies as st
from ipcheck.cli import main

HOSTILE = Path(__file__).resolve().parent / "hostile"
CORPUS = sorted(HOSTILE.glob("*.yaml"))
NINGBO = CITIES / "ningbo.yaml"
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
POSITION = re.compile(r"^ipcheck: (?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def run_in(cwd: Path, *args, lang: str = "en"):
    """The command run in `cwd`, its messages in `lang` (the corpus's expectations are English; some Chinese too)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args] + ["--lang", lang], catch_exceptions=True)
    finally:
        os.chdir(old)


def assert_one_line(result, path: Path, expect: str, *, whole_file=False):
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert not CONTROL.search(lines[0]) and len(lines[0]) < 1000, lines[0]  # nothing for the terminal to obey
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


ZH_CORPUS = [p for p in CORPUS if p.read_bytes().split(b"\n")[1].startswith(b"# expect-zh: ")]


def test_a_share_of_the_corpus_says_it_in_chinese_too():
    assert len(ZH_CORPUS) >= 20  # city, framework and waiver files alike
    assert {p.name.split("-")[0] for p in ZH_CORPUS} == {"city", "framework", "waivers"}


@pytest.mark.parametrize("path", ZH_CORPUS, ids=lambda p: p.stem)
def test_corpus_in_chinese(path, tmp_path):
    """The default language: the same one line, the same file and place, what is wrong said in Chinese."""
    expect = path.read_text(encoding="utf-8").splitlines()[1].removeprefix("# expect-zh: ")
    work = tmp_path / "work"
    work.mkdir()
    whole = path.stem.endswith("empty")
    if path.name.startswith("city-"):
        r = run_in(work, "evaluate", path, "--output", "out.json", lang="zh")
    elif path.name.startswith("framework-"):
        r = run_in(work, "evaluate", NINGBO, "--criteria", criteria_dir_with(tmp_path, path), "--output", "out.json",
                   lang="zh")
    else:
        r = run_in(work, "evaluate", NINGBO, "--waivers", path, "--output", "out.json", lang="zh")
    assert_one_line(r, path, expect, whole_file=whole)
    assert not re.search(r"[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}", POSITION.match(r.stderr.strip())["msg"]), r.stderr
    assert list(work.iterdir()) == []


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
        assert lines and all(name in line or line.startswith("Usage") or line.startswith("Error")
                             or line.startswith("Try") for line in lines), result.stderr


SHIPPED = {"city": NINGBO.read_text(encoding="utf-8"),
           "framework": (CRITERIA / "tianjin-2017.yaml").read_text(encoding="utf-8")}


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


# ---------------------------------------------------------------- generated output paths and non-regular inputs

# where an output may be pointed; the first ones may be written, the others must be refused
WRITABLE = ["new", "existing", "link", "dangling-link", "dev-null", "name-250"]
REFUSED = ["city", "link-to-city", "hard-link-to-city", "indicators", "waivers", "yaml-in-criteria", "folder",
           "no-folder", "fifo-unread", "dev-full", "name-256", "proc", "same-as-other"]


def _output_path(kind: str, work: Path, other: str | None) -> str:
    if kind == "new":
        return str(work / "out" / "new.txt")
    if kind == "existing":
        (work / "out" / "old.txt").write_text("previous content")
        return str(work / "out" / "old.txt")
    if kind == "link":
        (work / "out" / "target.txt").write_text("previous content")
        os.symlink("target.txt", work / "out" / "link.txt")
        return str(work / "out" / "link.txt")
    if kind == "dangling-link":
        os.symlink("not-yet.txt", work / "out" / "dangling.txt")
        return str(work / "out" / "dangling.txt")
    if kind in ("dev-null", "dev-full"):
        return "/" + kind.replace("-", "/")
    if kind.startswith("name-"):
        return str(work / "out" / ("n" * int(kind[5:])))
    if kind == "city":
        return str(work / "city.yaml")
    if kind == "link-to-city":
        os.symlink(work / "city.yaml", work / "out" / "c.txt")
        return str(work / "out" / "c.txt")
    if kind == "hard-link-to-city":
        os.link(work / "city.yaml", work / "out" / "h.txt")
        return str(work / "out" / "h.txt")
    if kind == "indicators":
        return str(work / "criteria" / "indicators.yaml")
    if kind == "waivers":
        return str(work / "waivers.yaml")
    if kind == "yaml-in-criteria":
        return str(work / "criteria" / "new.yaml")
    if kind == "folder":
        return str(work / "out")
    if kind == "no-folder":
        return str(work / "missing" / "x.txt")
    if kind == "fifo-unread":
        os.mkfifo(work / "out" / "fifo")
        return str(work / "out" / "fifo")
    if kind == "proc":
        return "/proc/version"
    return other or str(work / "out" / "first.txt")  # same-as-other


def _criteria_copy(folder: Path) -> None:
    """What evaluating Ningbo reads: the indicators, Ningbo's plan and the reference framework."""
    folder.mkdir()
    for name in ("indicators.yaml", "ningbo-2020.yaml", "reference.yaml"):
        shutil.copy(CRITERIA / name, folder / name)


def _tree(folder: Path) -> dict:
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        out[str(p)] = ("link", os.readlink(p)) if p.is_symlink() else (
            ("file", p.read_bytes()) if stat.S_ISREG(st.st_mode) else (stat.S_IFMT(st.st_mode),))
    return out


@given(st.lists(st.tuples(st.sampled_from(["--output", "--html"]), st.sampled_from(WRITABLE + REFUSED)),
                min_size=1, max_size=2, unique_by=(lambda t: t[0], lambda t: t[1])))
def test_generated_output_paths_all_or_nothing(tmp_path_factory, outputs):
    """Whatever the output paths: every output written (through links, into devices) and exit 0, or exit 2 with
    one line and not one byte changed; inputs are never written; no temporary file stays behind."""
    work = tmp_path_factory.mktemp("outputs")
    shutil.copy(NINGBO, work / "city.yaml")
    _criteria_copy(work / "criteria")
    (work / "waivers.yaml").write_text("waivers:\n  - {criterion: NB-07, justification: x, expires: 2023-06-30}\n")
    (work / "out").mkdir()
    args, paths, other = [], [], None
    for option, kind in outputs:
        first = other is None
        other = _output_path(kind, work, other)
        args += [option, other]
        paths.append((option, "first" if first and kind == "same-as-other" else kind, other))  # (no other yet)
    before = _tree(work)
    r = run_in(work, "evaluate", work / "city.yaml", "--criteria", work / "criteria",
               "--waivers", work / "waivers.yaml", *args)
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    refused = any(kind in REFUSED for _, kind, _ in paths)
    assert r.exit_code == (2 if refused else 0), (paths, r.output)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if refused:
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("ipcheck: ") and not CONTROL.search(lines[0]), r.stderr
        assert _tree(work) == before
        return
    after = _tree(work)
    for p in (work / "city.yaml", work / "waivers.yaml", work / "criteria" / "indicators.yaml"):
        assert after[str(p)] == before[str(p)]
    assert not [p for p in after if ".ipcheck-" in p]
    for option, kind, path in paths:
        if kind == "dev-null":
            continue
        content = Path(os.path.realpath(path)).read_text(encoding="utf-8")
        assert ("<html" in content) if option == "--html" else ("宁波" in content), (kind, content[:80])
        if "link" in kind:
            assert Path(path).is_symlink()


NOT_FILES = ["fifo", "folder", "socket", "dev-null", "link-to-fifo"]


def _not_a_file(kind: str, path: Path) -> None:
    import socket
    if kind in ("fifo", "link-to-fifo"):
        os.mkfifo(path.with_suffix(".fifo") if kind == "link-to-fifo" else path)
        if kind == "link-to-fifo":
            os.symlink(path.with_suffix(".fifo").name, path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        s.close()
    else:
        os.symlink("/dev/null", path)


@given(st.sampled_from(["regular"] + NOT_FILES), st.sampled_from([None] + NOT_FILES))
def test_generated_non_regular_inputs_are_refused_at_once(tmp_path_factory, city_kind, criteria_extra):
    """A city path or a *.yaml in the criteria folder that is not a regular file: one line naming it, no wait."""
    work = tmp_path_factory.mktemp("inputs")
    _criteria_copy(work / "criteria")
    city = work / "city.yaml"
    shutil.copy(NINGBO, city) if city_kind == "regular" else _not_a_file(city_kind, city)
    if criteria_extra:
        _not_a_file(criteria_extra, work / "criteria" / "zz.yaml")
    signal.alarm(30)  # a FIFO opened for reading would wait for ever: fail instead
    try:
        r = run_in(work, "evaluate", city, "--criteria", work / "criteria")
    finally:
        signal.alarm(0)
    check_contract(r, "city.yaml" if criteria_extra is None else "yaml")
    if city_kind == "regular" and criteria_extra is None:
        assert r.exit_code == 0
        return
    lines = r.stderr.splitlines()
    assert r.exit_code == 2 and len(lines) == 1, r.stderr
    assert ("zz.yaml" if criteria_extra else "city.yaml") in lines[0]
    assert "regular file" in lines[0] or "is a directory" in lines[0], lines[0]
