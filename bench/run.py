"""ipcheck benchmarks: prints a table of medians over repeated runs, and their ratios.

    .venv/bin/python bench/run.py            # full: 5 runs; 30, 300 and 3,000 synthetic cities
    .venv/bin/python bench/run.py --quick    # what CI runs: 1 run, 30 cities (checks it still runs)
    .venv/bin/python bench/run.py --only compare   # the machine-speed row and compare of 3,000 cities only

Whole-process figures run the installed `ipcheck` in a fresh process each time. Synthetic
cities (bench/synth.py) are written under a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
IPCHECK = str(BIN / "ipcheck")


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run(cmd: list[str], cwd: Path = ROOT) -> dict:
    """One fresh process: wall seconds, CPU seconds (user + sys of it and its children), peak tree RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    t.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "rss": peak[0]}


def median_of(cmd: list[str], runs: int) -> dict:
    results = [run(cmd) for _ in range(runs)]
    return {k: statistics.median(r[k] for r in results) for k in ("wall", "cpu", "rss")}


def import_breakdown() -> tuple[float, float]:
    """Seconds for a bare interpreter, and for importing what `ipcheck evaluate` needs."""
    bare = statistics.median(run([sys.executable, "-c", "pass"])["wall"] for _ in range(5))
    imports = statistics.median(run([sys.executable, "-c",
                                     "import ipcheck.cli, ipcheck.engine.evaluate, ipcheck.engine.load, "
                                     "ipcheck.engine.decide, ipcheck.reports.terminal, durable.engine"])["wall"]
                                for _ in range(5))
    return bare, imports


def engine_cost(folder: Path) -> tuple[float, float]:
    """In one process, seconds to evaluate every city in `folder` against every framework, per decider."""
    from ipcheck.app.files import read_input
    from ipcheck.app.library import load_library
    from ipcheck.engine.decide import DurableDecider, PythonDecider
    from ipcheck.engine.evaluate import evaluate_frameworks
    from ipcheck.engine.load import load_city

    lib = load_library(ROOT / "criteria")
    fws = list(lib.frameworks.values())
    cities = [load_city(str(p), read_input(p), lib.catalogue) for p in sorted(folder.glob("*.yaml"))]
    out = []
    for decider in (PythonDecider(), DurableDecider()):
        start = time.perf_counter()
        for c in cities:
            evaluate_frameworks(fws, c, lib.catalogue, decider, detail=False)
        out.append(time.perf_counter() - start)
    return out[0], out[1]


def reference_loop() -> float:
    """Seconds for a fixed pure-Python loop, to put the other figures in proportion."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(10**7):
            total += i
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one run, 30 cities: only checks that everything runs")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", choices=["compare"],
                    help="compare: only the machine-speed row and compare of 3,000 cities (30 with --quick), "
                         "to alternate with a baseline's run")
    ap.add_argument("--big-runs", type=int, default=3,
                    help="with --only compare: how many runs of 3,000 cities, each bracketed by machine-speed readings "
                         "(the median run is shown)")
    args = ap.parse_args()
    runs = 1 if args.quick else args.runs
    sizes = (30,) if args.quick else (30, 300, 3000)
    if args.only:
        sizes = sizes[-1:]
    from synth import write_cities  # bench/ is on sys.path: this script runs from it

    machine = reference_loop()
    rows: list[tuple[str, str, str, str]] = [("machine speed: a pure-Python loop of 10^7 additions",
                                               f"{machine:.2f} s", "",
                                               "compare runs by this: the same machine varies by a third over time")]
    with tempfile.TemporaryDirectory(prefix="ipcheck-bench-") as tmp:
        tmpdir = Path(tmp)
        if args.only:
            for n in sizes:
                write_cities(tmpdir / f"c{n}", n)
            compare_rows(rows, tmpdir, sizes, runs, machine, big_runs=args.big_runs)
            print_rows(rows, runs, args.big_runs)
            return
        bare, imports = import_breakdown()
        table = median_of([IPCHECK, "evaluate", "cities/ningbo.yaml"], runs)
        rows.append(("evaluate ningbo (table), fresh process", f"{table['wall']:.2f} s", "≤ 0.5 s",
                     f"of which Python start-up {bare:.2f} s, imports {imports - bare:.2f} s"))
        pdf = median_of([IPCHECK, "evaluate", "cities/ningbo.yaml", "--pdf", str(tmpdir / "n.pdf")], runs)
        rows.append(("evaluate ningbo --pdf, fresh process", f"{pdf['wall']:.2f} s", "≤ 1.5 s",
                     f"peak memory {pdf['rss'] / 2**20:.0f} MiB"))
        docx = median_of([IPCHECK, "evaluate", "cities/ningbo.yaml", "--docx", str(tmpdir / "n.docx")], runs)
        rows.append(("evaluate ningbo --docx, fresh process", f"{docx['wall']:.2f} s", "≤ 1.0 s",
                     f"peak memory {docx['rss'] / 2**20:.0f} MiB"))
        from synth import write_targets_workbook
        book = write_targets_workbook(tmpdir / "targets.xlsx", 100)
        fw = median_of([IPCHECK, "draft", "--from", str(book), "--city", "benchcity", "--output",
                        str(tmpdir / "fw.yaml"), "--force"], runs)
        rows.append(("draft --from a 100-row targets workbook, fresh process", f"{fw['wall']:.2f} s", "≤ 1 s",
                     f"peak memory {fw['rss'] / 2**20:.0f} MiB"))
        for n in sizes:
            write_cities(tmpdir / f"c{n}", n)
        walls = compare_rows(rows, tmpdir, sizes, runs, machine)
        for a, b in zip(sizes, sizes[1:]):
            rows.append((f"growth {a:,} → {b:,} cities", f"× {walls[b] / walls[a]:.1f}", f"× {b / a:.0f} if linear",
                         ""))
        py, du = engine_cost(tmpdir / f"c{sizes[-1]}")
        rows.append((f"engine, {sizes[-1]:,} cities × every framework: python decider", f"{py:.2f} s", "",
                     "in one process"))
        rows.append((f"engine, {sizes[-1]:,} cities × every framework: durable decider", f"{du:.2f} s", "≤ 5 × python",
                     f"ratio {du / py:.2f}"))

    print_rows(rows, runs, 1)


def compare_rows(rows: list[tuple[str, str, str, str]], tmpdir: Path, sizes: tuple[int, ...], runs: int,
                 machine: float, big_runs: int = 1) -> dict[int, float]:
    """Add the rows of `ipcheck compare` over the synthetic cities of each size (written in `tmpdir`); their walls.

    The largest size's row (3,000 cities) is read against the machine's speed at that time: each run is bracketed by
    machine-speed readings just before and just after it, and its ratio is its wall over the better
    of the two. On a shared machine one reading taken minutes earlier said little (0.37–0.60 s within
    three minutes); readings that differ by more than a fifth are flagged: the machine changed speed
    during the run, and that run's ratio is not to be trusted."""
    walls = {}
    for n in sizes:
        cmd = [IPCHECK, "compare", str(tmpdir / f"c{n}"), "--framework", "all", "--format", "json",
               "--output", str(tmpdir / "c.json")]
        if n < sizes[-1]:
            r = median_of(cmd, runs)
            walls[n] = r["wall"]
            rows.append((f"compare {n:,} cities × every framework", f"{r['wall']:.2f} s", "",
                         f"{r['wall'] / machine:.0f} × machine speed; peak memory {r['rss'] / 2**20:.0f} MiB; "
                         f"CPU {r['cpu']:.1f} s = {r['cpu'] / r['wall']:.2f} cores busy"))
            continue
        readings = []
        for _ in range(big_runs):
            before = reference_loop()
            r = run(cmd)
            after = reference_loop()
            readings.append((r["wall"] / min(before, after), r, before, after))
        ratio, r, before, after = sorted(readings, key=lambda x: x[0])[len(readings) // 2]  # the median run
        steady = [x for x in readings if max(x[2], x[3]) <= 1.2 * min(x[2], x[3])]
        walls[n] = r["wall"]
        each = ", ".join(f"{x[0]:.0f}{'' if x in steady else '?'}" for x in readings)
        target = "≤ 45 × machine speed, ≤ 1 GiB" if n == 3000 else ""
        rows.append((f"compare {n:,} cities × every framework", f"{r['wall']:.2f} s", target,
                     f"{ratio:.0f} × machine speed (machine {before:.2f} s before, {after:.2f} s after; "
                     f"runs: {each}; ? = the machine changed speed by over a fifth during the run); "
                     f"peak memory {r['rss'] / 2**20:.0f} MiB; "
                     f"CPU {r['cpu']:.1f} s = {r['cpu'] / r['wall']:.2f} cores busy"))
    return walls


def print_rows(rows: list[tuple[str, str, str, str]], runs: int, big_runs: int) -> None:
    """The table of benchmarks."""
    width = max(len(r[0]) for r in rows)
    tw = max(len(r[2]) for r in rows)
    print(f"{'benchmark':<{width}}  {'median':>9}  {'target':<{tw}}  notes")
    for name, value, target, notes in rows:
        print(f"{name:<{width}}  {value:>9}  {target:<{tw}}  {notes}")
    big = f"{big_runs} run{'s' if big_runs > 1 else ''}"
    print(f"({runs} run{'s' if runs > 1 else ''} each unless noted; the largest number of cities: {big}; "
          f"{os.cpu_count()} cores; Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
