"""A city's facts as the measuring step reads them: by indicator and year, with their sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from . import formulas as f
from .age import DEFAULT_MAX_AGE, age, freshness
from .catalogue import Catalogue
from .result import FactUsed

if TYPE_CHECKING:
    from . import models as m
    from .fields import Names


@dataclass(frozen=True)
class Facts:
    """A city's facts with the catalogue, and the data-age limits of the framework and criterion measured."""
    city: m.City
    cat: Catalogue
    _history: dict = field(default_factory=dict, compare=False, repr=False)  # per city: histories, years, citations
    max_ages: dict = field(default_factory=lambda: dict(DEFAULT_MAX_AGE))  # by indicator kind
    max_age_override: int | None = None  # a criterion's own max_age

    def with_limits(self, max_ages: dict[str, int] | None = None, override: int | None = None) -> "Facts":
        """The same facts under a framework's age limits (over the defaults) and a criterion's override."""
        ages = {**DEFAULT_MAX_AGE, **(max_ages or {})} if max_ages is not None else self.max_ages
        return Facts(self.city, self.cat, self._history, ages, override)

    def max_age(self, ind: str) -> int:
        """How many years older than the year judged a figure of this indicator may be."""
        if self.max_age_override is not None:
            return self.max_age_override
        return self.max_ages[self.cat.indicators[ind].kind]

    def freshness(self, ind: str, year: int, fact: "m.Fact", judged: int) -> str:
        """The figure of `year` judged in `judged`: fresh, stale, previous_year or too_old (engine/age.py)."""
        return freshness(age(judged, year, fact.as_of), self.max_age(ind))

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
        key = ("years", ind)
        if key not in self._history:  # once per city: every framework and criterion shares it
            self._history[key] = sorted(self.city.facts.get(ind, {}))
        return list(self._history[key])

    def latest(self, ind: str, year: int) -> tuple[int, m.Fact] | None:
        """The most recent (year, fact) in or before `year`."""
        key = ("latest", ind, year)
        if key not in self._history:
            ys = [y for y in self.years(ind) if y <= year]
            self._history[key] = (ys[-1], self.city.facts[ind][ys[-1]]) if ys else None
        return self._history[key]

    def unit(self, ind: str) -> str:
        """The indicator's unit as written (yes/no for a mechanism)."""
        return self.cat.unit_text(ind)

    def names(self, ind: str) -> Names:
        """The indicator's names in Chinese and English."""
        return self.cat.indicators[ind].name

    def used(self, ind: str, year: int) -> FactUsed:
        """The fact for that year as a result cites it, with its source (made once per city)."""
        key = ("used", ind, year)
        if key not in self._history:
            self._history[key] = self._used(ind, year)
        return self._history[key]

    def _used(self, ind: str, year: int) -> FactUsed:
        fact = self.city.facts[ind][year]
        src = self.city.sources[fact.source]
        return FactUsed(
            indicator=ind, year=year, value=fact.value, unit=self.unit(ind), bound=fact.bound,
            source_key=fact.source, source_title=src.title, source_url=src.url, publisher=src.publisher,
            read=src.read, confidence=fact.confidence or src.confidence, note=fact.note, assumed=fact.assumed,
        )
