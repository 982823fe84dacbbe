"""The data-age rule: how old a figure may be for the year it is judged in. Stated once, here.

A figure's age is the year judged minus the figure's year; a stock published for a month
(`as_of: 2014-09`) is not a year-end figure, so it counts one year older than its year.
The most a figure may be, by the indicator's kind (a framework may change these with
`max_age:`, a criterion with its own `max_age:`):

  stock, rate (a stock per capita)   1 year older: used and flagged stale
  mechanism                          2 years older: used and flagged stale
  flow, count, percentage            of the year judged; the previous year's figure is shown
                                     as "previous year, indicative" and scores nothing (unknown)

Anything older is unknown — latest figure too old — with the old figure shown as context.
A growth rate or a yearly increase is always the change into the year judged (year − 1 → year).
"""

from __future__ import annotations

DEFAULT_MAX_AGE: dict[str, int] = {"stock": 1, "rate": 1, "mechanism": 2, "flow": 0, "count": 0, "percentage": 0}

FRESH, STALE, PREVIOUS_YEAR, TOO_OLD = "", "stale", "previous_year", "too_old"


def age(judged_year: int, fact_year: int, as_of: str | None = None) -> int:
    """Years between the figure and the year it is judged in (a month figure counts a year older)."""
    month_figure = as_of is not None and not as_of.endswith("-12")
    return judged_year - fact_year + (1 if month_figure else 0)


def freshness(years_old: int, max_age: int) -> str:
    """FRESH, STALE (older, within the limit), PREVIOUS_YEAR (a yearly figure one year late) or TOO_OLD."""
    if years_old <= 0:
        return FRESH
    if years_old <= max_age:
        return STALE
    if max_age == 0 and years_old == 1:
        return PREVIOUS_YEAR
    return TOO_OLD
