"""What a command produces: the text, the files written with it, the lines for stderr, the exit code."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass
class Outcome:
    """A command's outputs, made in full before anything is written."""
    text: str = ""                                                 # stdout, or the --output file
    files: list[tuple[Path, bytes]] = field(default_factory=list)  # written beside it (PDF, HTML)
    notices: list[str] = field(default_factory=list)               # lines for stderr
    exit_code: int = 0
    failure: str | None = None                                     # the stderr line that goes with exit code 1
    inputs: list[str] = field(default_factory=list)                # every file and folder read: never written
    folders: list[str] = field(default_factory=list)               # folders the files go into, made when missing
    unchanged: dict[str, bytes] = field(default_factory=dict)      # a file replaced -> the bytes read from it


@dataclass(frozen=True)
class Perturbation:
    """--sensitivity: N draws with a seed, weights and targets varied by up to ± a share."""
    draws: int
    seed: int = 1
    weight_range: Decimal = Decimal("0.2")
    goalpost_range: Decimal = Decimal("0.1")

    @property
    def args(self) -> tuple:
        """The draws, seed and ranges in the order `engine.sensitivity.sensitivity` takes them."""
        return (self.draws, self.seed, self.weight_range, self.goalpost_range)
