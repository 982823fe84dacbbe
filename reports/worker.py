"""A forked helper process that imports a heavy library while the command evaluates.

weasyprint (for the PDF) and CairoSVG (the Word file's pictures) take a quarter to half a second
to import. A `Worker` is forked before the engine is loaded and imports its library at once, on
the second core; the command then hands it its jobs. This module imports nothing of ipcheck, so
that a worker starts light.
"""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable


def quiet_child() -> None:
    """In a forked worker: the parent alone answers Ctrl-C and SIGTERM, and ends its workers itself.

    A worker keeping the parent's handlers would print a KeyboardInterrupt or BrokenPipeError
    traceback when the parent stops; SIGTERM (how the parent ends a pool) ends it at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _start(warm: Callable[[], None]) -> None:
    # What the worker inherited from the parent stays out of the collector's scans (which would
    # also copy those pages of the forked process); then the worker gets ready.
    quiet_child()
    gc.freeze()
    warm()


class Worker:
    """One forked process that runs `warm` at once (e.g. an import), then the jobs given to it in order."""

    def __init__(self, warm: Callable[[], None]) -> None:
        import multiprocessing as mp
        self._pool = mp.get_context("fork").Pool(1, initializer=_start, initargs=(warm,))

    def submit(self, job: Callable, *args):
        """Start `job(*args)` in the worker; `.get()` on the result waits for its value (or raises its error)."""
        return self._pool.apply_async(job, args)

    def close(self) -> None:
        """Stop the worker (an unfinished job is abandoned)."""
        self._pool.terminate()
        self._pool.join()
