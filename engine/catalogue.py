"""The indicator catalogue as the engine uses it: indicators by id, with their parsed units."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .units import YES_NO, Unit

if TYPE_CHECKING:
    from . import models as m


@dataclass(frozen=True)
class Catalogue:
    """The indicators, by id, with their parsed units (None for a mechanism)."""
    indicators: dict[str, m.Indicator]
    units: dict[str, Unit | None]
    sha256: str
    name: str

    def unit(self, indicator_id: str) -> Unit | None:
        """The parsed unit, or None for a yes/no mechanism."""
        return self.units[indicator_id]

    def unit_text(self, indicator_id: str) -> str:
        """The unit as written (yes/no for a mechanism)."""
        u = self.units[indicator_id]
        return u.text if u else YES_NO

    def is_mechanism(self, indicator_id: str) -> bool:
        """True for a yes/no mechanism (in place, with evidence)."""
        return self.units[indicator_id] is None
