"""The check kinds: one module per kind in this folder, each with a `KIND` (see `base.Kind`).

Every module here that defines `KIND` is registered, in name order, and the discriminated
union `Check` of their models is built from the registry: adding a kind is adding one file
(and the examples of the criteria that use it). A kind defined elsewhere (a plug-in, a test's
throw-away kind) is added at run time with `models.register_kind`, which rebuilds `Check` and
every model holding a check.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Any, Union

from pydantic import Field

from .base import (
    REGISTRY,
    Kind,
    check_indicators,
    describe,
    evidence_until,
    kind_of,
    measure_check,
    resolve_check,
)

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    if hasattr(_module, "KIND"):
        REGISTRY[_module.KIND.name] = _module.KIND

KIND_NAMES: tuple[str, ...] = tuple(REGISTRY)  # the kinds shipped in this folder


def _union() -> Any:
    """The discriminated union of every registered kind's model."""
    return Annotated[Union[tuple(k.model for k in REGISTRY.values())], Field(discriminator="kind")]  # type: ignore[misc]


def _rebuild_parts(check: Any) -> None:
    """Kinds made of parts (a `checks` field) hold the union: rebuilt with the current one."""
    for kind in REGISTRY.values():
        if "checks" in kind.model.model_fields:
            kind.model.model_fields["checks"].annotation = list[check]  # type: ignore[valid-type]
            kind.model.model_rebuild(force=True, _types_namespace={"Check": check})


Check = _union()
_rebuild_parts(Check)


def rebuilt() -> Any:
    """The union of the kinds registered now, installed in the composite kinds (after `REGISTRY` changed).

    Models holding a check outside this folder (a criterion) are rebuilt by their owner:
    `models.register_kind` adds a kind at run time and does both."""
    global Check
    Check = _union()
    # Twice: each composite's schema holds the others' (all_of within any_of and back); the first pass
    # leaves the one rebuilt first holding the other's old schema.
    _rebuild_parts(Check)
    _rebuild_parts(Check)
    return Check


__all__ = ["Check", "KIND_NAMES", "REGISTRY", "Kind", "check_indicators", "describe", "evidence_until", "kind_of",
           "measure_check", "rebuilt", "resolve_check"]
