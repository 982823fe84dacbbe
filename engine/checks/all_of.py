"""all_of: every part must be met; the criterion takes its weakest part."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import CheckModel
from . import composite
from .base import Kind, label


class AllOf(CheckModel):
    """Every part must be met (the score is the weakest part's)."""
    kind: Literal["all_of"]
    checks: list["Check"] = Field(min_length=2)  # noqa: F821 - the union of every kind, set by the registry


KIND = Kind("all_of", AllOf, composite.resolve, composite.measure, composite.describe_parts, composite.indicators,
            label("全部满足", "all of"), names_indicator=True, parts=composite.parts, combine=composite.combine_all,
            evidence_until=composite.evidence_until,
            parts_heading=label("以下检查须全部满足", "all of these checks"))
