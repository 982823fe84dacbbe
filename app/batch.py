"""Many cities against some frameworks, in parallel processes (each with its own durable-rules Host)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..engine.errors import InputError
from .files import read_input
from .library import Library


@dataclass(frozen=True)
class _Job:
    lib: Library
    fw_ids: tuple[str, ...]
    engine: str
    year: int | None
    sens: tuple | None      # (draws, seed, weight range, goalpost range), or None
    rows: bool              # make each city's JSON row in the worker
    summaries: bool         # keep whole summaries (else only city and score, for ranking)


_WORKER: dict = {}  # the job of this (worker) process, set once by _init


def _prepare(job: _Job) -> None:
    """Make this process ready to evaluate `job`'s cities (in the parent too: nothing here touches signals)."""
    from ..engine.decide import make_decider
    _WORKER.update(job=job, fws=[job.lib.frameworks[f] for f in job.fw_ids], decider=make_decider(job.engine)[0])


def _init(job: _Job) -> None:
    """A pool worker's set-up: the parent's signal handling is left behind, then `_prepare`."""
    import gc

    from ..reports.worker import quiet_child
    # The parent alone answers Ctrl-C and SIGTERM and ends the pool (with SIGTERM): a worker
    # keeping the parent's handlers would print a traceback instead of ending quietly.
    quiet_child()
    gc.freeze()  # the criteria and modules shared with the parent stay out of every collection
    # A city's evaluation makes many small objects and no cycles worth collecting: with the default
    # threshold (a collection every 700 allocations) collecting took about 5 % of a worker's time.
    gc.set_threshold(10_000, 10, 10)
    _prepare(job)


def _one(path: str):
    """Evaluate one city file in a worker: (path, [(summary, sensitivity, JSON row)], None, failure) or
    (path, None, error line, failure), where failure says why durable-rules failed and Python decided (or is None).

    The JSON row (plain values, without the rank) is made here when JSON is asked for, so the
    parent process only ranks and writes; when nothing but JSON is made, the summary is cut
    to what ranking needs (city and score)."""
    from ..engine.compare import RankKey, summarize
    from ..engine.evaluate import evaluate_frameworks
    from ..engine.load import load_city
    from ..engine.sensitivity import sensitivity
    from ..reports.json_report import summary_row
    job: _Job = _WORKER["job"]
    try:
        city = load_city(path, read_input(path), job.lib.catalogue)
        results = evaluate_frameworks(_WORKER["fws"], city, job.lib.catalogue, _WORKER["decider"], year=job.year,
                                      detail=False)
        out = []
        for r in results:
            s = summarize(r)
            out.append((s if job.summaries else RankKey(s.city_id, s.score, s.verdict, s.coverage),
                        sensitivity(r, *job.sens) if job.sens else None, summary_row(s) if job.rows else None))
        return path, out, None, getattr(_WORKER["decider"], "failure", None)
    except InputError as exc:
        return path, None, exc, getattr(_WORKER["decider"], "failure", None)


def evaluate_many(paths: list[Path], lib: Library, fw_ids: tuple[str, ...], engine: str, year: int | None,
                  jobs: int, on_progress: Callable[[int], None] | None = None, sens: tuple | None = None,
                  rows: bool = False, summaries: bool = True, failures: list[str] | None = None) -> list[list[tuple]]:
    """Every city against every framework, summarized, in `jobs` processes; per city, per framework.

    The workers are forked: they share the criteria already read here. Cities go out in
    chunks of at most 16, so no worker is left with a long tail while the other waits.
    `on_progress(n)` is called with the number of cities done so far. When durable-rules fails in a
    process and the Python reference decider takes over there, why is added to `failures` (once per kind)."""
    import multiprocessing as mp
    names = [str(p) for p in paths]
    job = _Job(lib, fw_ids, engine, year, sens, rows, summaries)
    out: dict[str, list] = {}
    if jobs <= 1 or len(names) < 8:
        _prepare(job)  # never _init here: it is a worker's, and would make this process deaf to Ctrl-C
        it = map(_one, names)
        pool = None
    else:
        pool = mp.get_context("fork").Pool(jobs, initializer=_init, initargs=(job,))
        it = pool.imap_unordered(_one, names, chunksize=max(1, min(16, len(names) // (jobs * 8) or 1)))
    try:
        for path, res, err, failure in it:
            if failure and failures is not None and failure not in failures:
                failures.append(failure)
            if err is not None:
                raise err
            out[path] = res
            if on_progress:
                on_progress(len(out))
    except BaseException:
        if pool:
            pool.terminate()
        raise
    if pool:
        pool.close()
        pool.join()
    return [out[n] for n in names]
