"""SVG charts as PNG pictures, for the Word file: drawn by CairoSVG, in this process or a worker's.

A Word report holds its charts as pictures. CairoSVG's import (cffi reading cairo's
declarations) costs about as much as converting all the charts: `Painter` does both in a
worker while the command evaluates and lays out the document.
"""

from __future__ import annotations

from .worker import Worker


def png(svg: str, scale: float = 3) -> bytes:
    """An SVG drawing as PNG bytes, drawn at `scale` times its size on white."""
    import cairosvg
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale, background_color="white")


def _import_cairosvg() -> None:
    import cairosvg  # noqa: F401 - imported ahead, in the worker


class Painter:
    """A worker that imports CairoSVG at once; `paint` hands it the charts, `picture` gets each one's PNG."""

    def __init__(self) -> None:
        self._worker = Worker(_import_cairosvg)
        self._jobs: dict[tuple[str, float], object] = {}

    def paint(self, svgs, scale: float = 2) -> None:
        """Start drawing each chart (one job each, in order: the first is ready first)."""
        for svg in svgs:
            if (svg, scale) not in self._jobs:
                self._jobs[svg, scale] = self._worker.submit(png, svg, scale)

    def picture(self, svg: str, scale: float = 2) -> bytes:
        """The chart's PNG: the worker's when it was handed over, else drawn here."""
        job = self._jobs.get((svg, scale))
        return job.get() if job is not None else png(svg, scale)

    def close(self) -> None:
        """Stop the worker."""
        self._worker.close()
