"""A command's outputs: all of them or none, never onto an input, every failure in one line.

Each case is one a careless user or an attacker tried (issue 12): the output path is an
input, a link to one, a device, a FIFO, a folder, too long a name, a read-only place; two
outputs share a path; a later output fails after an earlier one could have been written.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CITIES, CRITERIA, ROOT
from helpers import one_line, snapshot
from ipcheck.cli import main

NINGBO = CITIES / "ningbo.yaml"
ROOT_USER = os.geteuid() == 0


def invoke(*args):
    """The command, its messages in English unless a --lang is given (the words these tests look for are English;
    tests/test_messages.py holds the Chinese ones)."""
    args = [str(a) for a in args]
    return CliRunner().invoke(main, args + ([] if "--lang" in args or not args else ["--lang", "en"]),
                              catch_exceptions=False)




@pytest.fixture()
def work(tmp_path):
    """A city, a waiver file and a criteria folder of one's own, in a fresh folder."""
    shutil.copy(NINGBO, tmp_path / "city.yaml")
    shutil.copytree(CRITERIA, tmp_path / "criteria")
    (tmp_path / "waivers.yaml").write_text("waivers:\n  - {criterion: NB-07, justification: x, expires: 2023-06-30}\n")
    return tmp_path



def evaluate_in(work: Path, *args):
    return invoke("evaluate", work / "city.yaml", "--criteria", work / "criteria", "--waivers", work / "waivers.yaml",
                  *args)


# ---------------------------------------------------------------- inputs are never written

@pytest.mark.parametrize("target", ["city.yaml", "waivers.yaml", "criteria/indicators.yaml",
                                    "criteria/ningbo-2020.yaml"])
@pytest.mark.parametrize("option", ["--output", "--html"])
def test_an_input_is_never_overwritten(work, target, option):
    before = snapshot(work)
    one_line(evaluate_in(work, option, work / target), "an input of this command")
    assert snapshot(work) == before


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_nor_through_a_link(work, link):
    alias = work / "alias.txt"
    (os.symlink if link == "symbolic" else os.link)(work / "city.yaml", alias)
    before = snapshot(work)
    one_line(evaluate_in(work, "--output", alias), "the same file as", "city.yaml")
    assert snapshot(work) == before


def test_a_new_yaml_file_in_a_folder_the_command_reads_is_refused(work):
    (work / "cities").mkdir()
    shutil.copy(NINGBO, work / "cities" / "ningbo.yaml")
    before = snapshot(work)
    one_line(evaluate_in(work, "--output", work / "criteria" / "new.yaml"), "whose *.yaml files this command reads")
    one_line(invoke("compare", work / "cities", "--output", work / "cities" / "out.yaml"),
             "whose *.yaml files this command reads")
    assert snapshot(work) == before
    assert evaluate_in(work, "--output", work / "criteria" / "notes.txt").exit_code == 0  # not read: may be written


def test_two_outputs_at_one_path(work):
    before = snapshot(work)
    one_line(evaluate_in(work, "--html", work / "x", "--output", work / "x"), "another output of this command")
    os.symlink("x", work / "y")
    before = snapshot(work)
    one_line(evaluate_in(work, "--html", work / "x", "--output", work / "y"), "another output of this command")
    assert snapshot(work) == before


# ---------------------------------------------------------------- links, devices, FIFOs

def test_a_symbolic_link_is_written_through(work):
    (work / "real.txt").write_text("old")
    os.symlink("real.txt", work / "link.txt")
    os.symlink("nowhere.txt", work / "dangling.txt")
    assert evaluate_in(work, "--output", work / "link.txt", "--html", work / "dangling.txt").exit_code == 0
    assert os.readlink(work / "link.txt") == "real.txt" and "宁波" in (work / "real.txt").read_text()
    assert os.readlink(work / "dangling.txt") == "nowhere.txt" and "<html" in (work / "nowhere.txt").read_text()


def test_dev_null_stays_a_device_and_dev_full_fails_in_one_line(work):
    assert evaluate_in(work, "--output", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    before = snapshot(work)
    one_line(evaluate_in(work, "--html", work / "r.html", "--output", "/dev/full"), "/dev/full", "No space left")
    assert snapshot(work) == before  # the HTML waited for the device and went with it


@pytest.mark.skipif(not ROOT_USER, reason="mknod needs root")
def test_a_device_node_is_not_replaced_by_a_file(work):
    node = work / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert evaluate_in(work, "--output", node).exit_code == 0
    assert stat.S_ISCHR(node.stat().st_mode)


def test_a_fifo_is_written_through_when_read_and_refused_when_not(work):
    fifo = work / "pipe"
    os.mkfifo(fifo)
    one_line(evaluate_in(work, "--output", fifo), "no process is reading from it")
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    time.sleep(0.2)  # the reader is waiting in open()
    assert evaluate_in(work, "--output", fifo).exit_code == 0
    reader.join(10)
    assert "宁波".encode() in got[0] and stat.S_ISFIFO(fifo.stat().st_mode)


# ---------------------------------------------------------------- every OS error, one line

def test_os_errors_are_one_line(work):
    before = snapshot(work)
    one_line(evaluate_in(work, "--output", work), "is a folder")
    one_line(evaluate_in(work, "--output", f"{work}/new/"), "names a folder")
    one_line(evaluate_in(work, "--output", ""), "the path is empty")
    one_line(evaluate_in(work, "--output", work / ("n" * 256)), "File name too long")
    one_line(evaluate_in(work, "--output", work / "nodir" / "x.txt"), "does not exist")
    one_line(evaluate_in(work, "--output", work / "city.yaml" / "x.txt"), "not a folder")
    one_line(evaluate_in(work, "--output", "/proc/version"), "/proc")
    assert snapshot(work) == before
    assert evaluate_in(work, "--output", work / ("n" * 250)).exit_code == 0  # a legal name: the temporary one fits


def test_a_read_only_folder(work, monkeypatch):
    ro = work / "ro"
    ro.mkdir()
    if ROOT_USER:  # root writes anywhere: the file system says read-only instead
        from ipcheck.app import files

        def read_only(*args, **kwargs):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        monkeypatch.setattr(files.tempfile, "mkstemp", read_only)
    else:
        ro.chmod(0o555)
    one_line(evaluate_in(work, "--output", ro / "x.txt"), str(ro / "x.txt"), "cannot make a file in")
    assert list(ro.iterdir()) == []


# ---------------------------------------------------------------- all or none

def test_a_failing_output_leaves_the_others_unwritten(work):
    (work / "ok.html").write_text("old")
    before = snapshot(work)
    one_line(evaluate_in(work, "--html", work / "ok.html", "--output", work / "nodir" / "x.txt"), "does not exist")
    one_line(invoke("progress", work / "city.yaml", "--from", "2020", "--to", "2021", "--criteria", work / "criteria",
                    "--pdf", work / "p.pdf", "--output", work / "nodir" / "x.txt"), "does not exist")
    assert snapshot(work) == before


def test_a_rename_that_fails_puts_back_what_was_renamed(work, monkeypatch):
    from ipcheck.app import files
    (work / "a.html").write_text("old a")
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst)
    monkeypatch.setattr(files.os, "replace", second_fails)
    before = snapshot(work)
    one_line(evaluate_in(work, "--html", work / "a.html", "--output", work / "b.txt"), "b.txt", "Input/output error")
    assert snapshot(work) == before  # a.html has its old content back, b.txt was never made, no temporary file


# ---------------------------------------------------------------- what a command reads

def test_non_regular_inputs_are_refused_without_waiting(work):
    fifo = work / "fifo.yaml"
    os.mkfifo(fifo)
    signal.alarm(30)  # opening the FIFO would wait for ever: fail instead
    try:
        one_line(invoke("evaluate", fifo), "is a FIFO", "not a regular file")
        one_line(invoke("evaluate", "/dev/null"), "is a character device")
        os.replace(fifo, work / "criteria" / "zz.yaml")
        one_line(evaluate_in(work), "zz.yaml", "is a FIFO")
        (work / "cities").mkdir()
        shutil.copy(NINGBO, work / "cities" / "a.yaml")
        os.mkfifo(work / "cities" / "b.yaml")
        one_line(invoke("compare", work / "cities"), "b.yaml", "is a FIFO")
    finally:
        signal.alarm(0)


def test_compare_on_a_folder_without_cities(tmp_path):
    one_line(invoke("compare", tmp_path), "no *.yaml file in this folder")
    one_line(invoke("validate", tmp_path), "no *.yaml file in this folder")


@pytest.mark.parametrize("args", [["--fail-under", "nan"], ["--sensitivity", "5", "--weight-range", "nan"],
                                  ["--sensitivity", "5", "--goalpost-range", "NaN"]])
def test_nan_options_are_usage_errors(args):
    one_line(invoke("evaluate", NINGBO, *args), "is not a number")


@pytest.mark.parametrize("year", ["0000", "9999", "1948", "2101"])
def test_set_years_lie_where_year_may(year):
    one_line(invoke("evaluate", NINGBO, "--set", f"population=1人@{year}"), "between 1949 and 2100")


def test_usage_errors_are_one_line_too():
    one_line(invoke("evaluate", NINGBO, "--bogus"), "No such option")
    one_line(invoke("evaluate", NINGBO, "--set", "x\nipcheck: forged.yaml:1:1: fine@2022"), "INDICATOR=VALUE@YEAR")
    one_line(invoke("evaluate", NINGBO, "--seed", "9" * 5000, "--sensitivity", "2"), "5,000 characters")


def test_validate_lines_carry_the_prefix(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(NINGBO.read_text().replace("value: 667件", "value: +5", 1))
    r = invoke("validate", bad, NINGBO)
    assert r.exit_code == 2 and r.stderr.splitlines() == [
        f"ipcheck: {bad}:{_line_of(bad, '+5')}:19: number '+5' is written with a sign; write the digits alone"]


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_file_name_cannot_forge_a_second_line(tmp_path):
    city = tmp_path / "x\nipcheck: forged.yaml:1:1: all is well\x1b]0;pwned\x07.yaml"
    city.write_text(NINGBO.read_text().replace("value: 667件", "value: 667亿元", 1))
    line = one_line(invoke("evaluate", city), "x\\x0aipcheck: forged.yaml:1:1: all is well\\x1b]0;pwned\\x07.yaml:")
    assert "\x1b" not in line and "亿元" in line


def test_a_megabyte_note_gives_a_short_line(tmp_path):
    city = tmp_path / "c.yaml"
    city.write_text(NINGBO.read_text().replace("value: 667件", f"value: 667件, note: '{'x' * 1_000_000}'", 1))
    line = one_line(invoke("evaluate", city), "at most 4000 characters", "(1,000,000 characters)")
    assert len(line) < 400


# ---------------------------------------------------------------- text outputs escape

ESCAPES = "\\e]8;;http://evil.example\\e\\\\link\\e]8;;\\e\\\\\\e]0;pwned\\a\\x9b2J"
HOSTILE_NAME = (f"name: {{zh: \"宁波<img src=x onerror=alert(1)><script>alert(2)</script>{ESCAPES}\", "
                f"en: \"Ningbo{ESCAPES}\"}}")


def test_text_outputs_pass_no_markup_and_no_control_sequence(tmp_path):
    city = tmp_path / "c.yaml"
    city.write_text(NINGBO.read_text().replace("name: {zh: 宁波, en: Ningbo}", HOSTILE_NAME, 1))
    # control sequences written as YAML escapes never get past the loader (issue 21): one line, with the place
    for args in [("validate", city), ("evaluate", city), ("collect", city, "--xlsx", tmp_path / "f.xlsx")]:
        line = one_line(invoke(*args), f"{city}:{_line_of(city, 'onerror')}:", "control character U+001B")
        assert "\x1b" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml"]
    # markup is escaped in every text output
    city.write_text(NINGBO.read_text().replace("name: {zh: 宁波, en: Ningbo}", HOSTILE_NAME.replace(ESCAPES, ""), 1))
    runs = [("evaluate", city, "--lang", "en"), ("plan", city, "--lang", "en"), ("compare", city, "--lang", "en"),
            ("progress", city, "--from", "2020", "--to", "2021", "--lang", "en")]
    for args in runs:
        for fmt in ("table", "markdown"):
            out = invoke(*args, "--format", fmt).stdout
            assert "Ningbo" in out  # the hostile English name, escaped
            assert not any(ch in out for ch in "\x1b\x07\x9b"), (args, fmt)
            if fmt == "markdown":
                assert "<img" not in out and "<script" not in out, args
                zh = invoke(*args[:-2], *[a for a in args[-2:] if a not in ("--lang", "en")], "--format", fmt,
                            "--lang", "zh").stdout
                assert "<img" not in zh and "<script" not in zh and "&lt;script&gt;" in zh, args  # the Chinese name


# ---------------------------------------------------------------- the PDF renderer, as a process

def _ipcheck(*args, **kwargs):
    exe = ROOT / ".venv" / "bin" / "ipcheck"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ipcheck.cli"]
    return subprocess.Popen(cmd + [str(a) for a in args], cwd=ROOT, stdout=subprocess.DEVNULL, **kwargs)


def test_without_a_cjk_font_one_line_only(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{tmp_path / "none"}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>\n')
    proc = _ipcheck("evaluate", NINGBO, "--pdf", tmp_path / "r.pdf", stderr=subprocess.PIPE,
                    env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    _, err = proc.communicate(timeout=120)
    lines = err.decode().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "fonts-noto-cjk" in lines[0], err.decode()
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("delay", [0.4, 1.0])
def test_sigterm_leaves_no_traceback_and_no_file(tmp_path, delay):
    err = tmp_path / "stderr"
    with open(err, "wb") as fh:
        proc = _ipcheck("evaluate", NINGBO, "--pdf", tmp_path / "r.pdf", stderr=fh)
        time.sleep(delay)  # the renderer is importing weasyprint or drawing
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(60)
    time.sleep(2)  # a renderer left behind would write its traceback now
    text = err.read_text()
    assert "Traceback" not in text and "Error" not in text, text
    # 143 once ipcheck handles the signal; on a loaded machine the signal may come before Python has set up
    # its handler, and the default action ends the process (-15) before it has written anything
    assert code in (0, 128 + signal.SIGTERM, -signal.SIGTERM)
    assert [p.name for p in tmp_path.iterdir() if p.name != "stderr"] in ([], ["r.pdf"])


def test_a_sigterm_wrapped_by_a_library_still_ends_the_command_with_143_and_no_traceback():
    """SIGTERM's exit raised inside a library that wraps it in an error of its own (pydantic building a model
    while the command imports the engine did so: 'SchemaError … SystemExit: 143' with a traceback) still ends the
    command with 143, as the signal asked, and prints nothing."""
    import click
    from ipcheck import options

    def callback():
        try:
            options.end_on_signal(signal.SIGTERM)
        except SystemExit as exc:
            raise RuntimeError("Error building validator") from exc

    command = options.Command("x", callback=callback)
    try:
        result = CliRunner().invoke(command, [], catch_exceptions=True)
    finally:
        options.ENDING.clear()
    assert result.exit_code == 128 + signal.SIGTERM and result.output == "", (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit) and not isinstance(result.exception, click.ClickException)
