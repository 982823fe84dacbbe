"""What a compare worker does, in one process, for every city file of a folder: read it, evaluate it against every
framework (summaries only, as `ipcheck compare` does) and summarize each result.

    .venv/bin/python bench/worker.py FOLDER [durable|python]

Prints the CPU seconds. Under callgrind it gives a count of instructions that does not depend on what else the
machine does; over 10 and 60 cities of `bench/synth.py`, the difference over 50 is the cost of one city
(docs/performance.md):

    valgrind --tool=callgrind --callgrind-out-file=cg.out .venv/bin/python bench/worker.py FOLDER
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from ipcheck.app.batch import _WORKER, _Job, _prepare
from ipcheck.app.files import read_input
from ipcheck.app.library import load_library
from ipcheck.engine.compare import RankKey, summarize
from ipcheck.engine.evaluate import evaluate_frameworks
from ipcheck.engine.load import load_city
from ipcheck.reports.json_report import summary_row


def main() -> None:
    """Evaluate every city of the folder given against every framework, as a compare worker would."""
    folder = Path(sys.argv[1])
    engine = sys.argv[2] if len(sys.argv) > 2 else "durable"
    lib = load_library()
    _prepare(_Job(lib, tuple(lib.frameworks), engine, None, None, True, False))
    gc.freeze()  # as a worker does (app/batch._init)
    gc.set_threshold(10_000, 10, 10)
    start = time.process_time()
    for path in sorted(str(p) for p in folder.glob("*.yaml")):
        city = load_city(path, read_input(path), lib.catalogue)
        for r in evaluate_frameworks(_WORKER["fws"], city, lib.catalogue, _WORKER["decider"], detail=False):
            s = summarize(r)
            RankKey(s.city_id, s.score, s.verdict, s.coverage)
            summary_row(s)
    print(f"{time.process_time() - start:.2f} s CPU")


if __name__ == "__main__":
    main()
