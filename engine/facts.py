"""A city's facts as the measuring step reads them: by indicator and year, with their sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from . import formulas as f
from .catalogue import Catalogue
from .result import FactUsed

if TYPE_CHECKING:
    from . import models as m
    from .fields import Names


@dataclass(frozen=True)
class Facts:
    """A city's facts with the catalogue."""
    city: m.City
    cat: Catalogue
    _history: dict = field(default_factory=dict, compare=False, repr=False)

    def history(self, ind: str) -> tuple[tuple[tuple[int, Decimal], ...], Decimal | None]:
        """The exact figures of an indicator by year, and their compound growth first → last (cached)."""
        if ind not in self._history:
            points = tuple((y, f.on_grid(fa.value)) for y, fa in sorted(self.city.facts.get(ind, {}).items())
                           if fa.bound == "exact")
            observed = None
            if len(points) > 1 and points[0][1] > 0:
                (y0, v0), (y1, v1) = points[0], points[-1]
                observed = f.on_grid(f.cagr_pct(v0, v1, y1 - y0))
            self._history[ind] = (points, observed)
        return self._history[ind]

    def get(self, ind: str, year: int) -> m.Fact | None:
        """The fact for exactly that year, if any."""
        return self.city.facts.get(ind, {}).get(year)

    def years(self, ind: str) -> list[int]:
        """The years with a fact for the indicator, oldest first."""
        return sorted(self.city.facts.get(ind, {}))

    def latest(self, ind: str, year: int) -> tuple[int, m.Fact] | None:
        """The most recent (year, fact) in or before `year`."""
        ys = [y for y in self.years(ind) if y <= year]
        return (ys[-1], self.city.facts[ind][ys[-1]]) if ys else None

    def unit(self, ind: str) -> str:
        """The indicator's unit as written (yes/no for a mechanism)."""
        return self.cat.unit_text(ind)

    def names(self, ind: str) -> Names:
        """The indicator's names in Chinese and English."""
        return self.cat.indicators[ind].name

    def used(self, ind: str, year: int) -> FactUsed:
        """The fact for that year as a result cites it, with its source."""
        fact = self.city.facts[ind][year]
        src = self.city.sources[fact.source]
        return FactUsed(
            indicator=ind, year=year, value=fact.value, unit=self.unit(ind), bound=fact.bound,
            source_key=fact.source, source_title=src.title, source_url=src.url, publisher=src.publisher,
            read=src.read, confidence=fact.confidence or src.confidence, note=fact.note, assumed=fact.assumed,
        )
