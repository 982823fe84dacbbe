"""The formulas, each written once: goalposts, growth, compound growth, path values.

All take and return Decimals computed in `units.CTX` (34 significant digits, half-even),
so the same inputs give the same digits on every machine.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal

from .units import CTX

ONE = Decimal(1)
ZERO = Decimal(0)
HUNDRED = Decimal(100)
QUANTUM = Decimal(1).scaleb(-6)  # measured values live on a 10^-6 grid: the fixed point durable-rules gets
# Fractional powers and logarithms: 24 significant digits, still far beyond the 10^-6 grid
# for any accepted value (below 10^12), and several times cheaper than 34.
ROOTS = Context(prec=24, rounding=ROUND_HALF_EVEN)


def on_grid(d: Decimal) -> Decimal:
    """Round to the 10^-6 grid every decision is made on (half-even)."""
    return d.quantize(QUANTUM, context=CTX)


def clamp01(d: Decimal) -> Decimal:
    """d held to [0, 1]."""
    return max(ZERO, min(ONE, d))


def goalpost(value: Decimal, target: Decimal, baseline: Decimal | None, higher_is_better: bool) -> Decimal:
    """Partial credit in [0, 1].

    With a baseline b:  clamp((value − b) / (target − b), 0, 1)   (the same form for lower-is-better,
    where b lies above the target).
    Without one:        clamp(value / target, 0, 1), or clamp(target / value, 0, 1) when lower is better.
    """
    if baseline is not None:
        span = target - baseline
        if span == 0:
            return ONE if (value >= target if higher_is_better else value <= target) else ZERO
        return clamp01(CTX.divide(value - baseline, span))
    if higher_is_better:
        if target <= 0:
            return ONE if value >= target else ZERO
        return clamp01(CTX.divide(value, target))
    if value <= 0:
        return ONE
    return clamp01(CTX.divide(target, value))


def growth_pct(new: Decimal, old: Decimal) -> Decimal:
    """Year-on-year growth in percent: (new − old) / old × 100. `old` must be > 0."""
    return CTX.multiply(CTX.divide(new - old, old), HUNDRED)


def cagr_pct(start: Decimal, end: Decimal, years: int) -> Decimal:
    """Compound annual growth in percent: ((end / start)^(1/years) − 1) × 100. start > 0, years > 0."""
    ratio = CTX.divide(end, start)
    if ratio == 0:
        return -HUNDRED
    return CTX.multiply(ROOTS.power(ratio, ROOTS.divide(ONE, Decimal(years))) - ONE, HUNDRED)


def path_value(base: Decimal, target: Decimal, base_year: int, target_year: int, year: int) -> Decimal:
    """Where a compound path from base to target stands in `year`.

    base × (target / base)^((year − base_year) / (target_year − base_year)); a linear path
    when base is 0 (a compound path cannot start from zero).
    """
    share = CTX.divide(Decimal(year - base_year), Decimal(target_year - base_year))
    if base <= 0:
        return base + CTX.multiply(target - base, share)
    share = ROOTS.divide(Decimal(year - base_year), Decimal(target_year - base_year))
    return CTX.multiply(base, ROOTS.power(CTX.divide(target, base), share))


def years_to_reach(value: Decimal, target: Decimal, growth_pct_a_year: Decimal) -> Decimal | None:
    """Years needed at a constant yearly growth: ln(target / value) / ln(1 + g). None if never."""
    if value <= 0 or growth_pct_a_year <= 0:
        return None
    if value >= target:
        return ZERO
    g = ONE + CTX.divide(growth_pct_a_year, HUNDRED)
    return ROOTS.divide(CTX.divide(target, value).ln(ROOTS), g.ln(ROOTS))
