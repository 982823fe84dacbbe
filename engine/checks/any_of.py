"""any_of: one part met is enough; the criterion takes its strongest part."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..fields import CheckModel
from . import composite
from .base import Kind, label


class AnyOf(CheckModel):
    """One part met is enough (the score is the strongest part's)."""
    kind: Literal["any_of"]
    checks: list["Check"] = Field(min_length=2)  # noqa: F821 - the union of every kind, set by the registry


KIND = Kind("any_of", AnyOf, composite.resolve, composite.measure, composite.describe_parts, composite.indicators,
            label("满足其一", "any of"), names_indicator=True, parts=composite.parts, combine=composite.combine_any,
            evidence_until=composite.evidence_until,
            parts_heading=label("以下检查满足其一即可", "any of these checks"))
