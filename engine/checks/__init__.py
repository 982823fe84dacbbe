"""The check kinds: one module per kind in this folder, each with a `KIND` (see `base.Kind`).

Every module here that defines `KIND` is registered, in name order, and the discriminated
union `Check` of their models is built from the registry: adding a kind is adding one file
(and the examples of the criteria that use it). A kind defined elsewhere (a plug-in, a test's
throw-away kind) is added at run time with `register`, which rebuilds `Check` and every model
holding a check.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Any, Union

from pydantic import Field

from .base import REGISTRY, Kind, check_indicators, describe, kind_of, measure_check, resolve_check

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


def register(kind: Kind) -> None:
    """Add (or replace) a kind at run time: `Check`, the composite kinds and the criteria and framework
    models then accept it, and every step that asks the registry (measure, load, plan, the reports) finds it."""
    REGISTRY[kind.name] = kind
    _install()


def unregister(name: str) -> None:
    """Remove a kind added with `register` (the shipped kinds stay)."""
    if name in KIND_NAMES:
        raise ValueError(f"{name} is a shipped kind")
    del REGISTRY[name]
    _install()


def _install() -> None:
    """The union of the registered kinds, in every model that holds a check."""
    global Check
    Check = _union()
    # Twice: each composite's schema holds the others' (all_of within any_of and back); the first pass
    # leaves the one rebuilt first holding the other's old schema.
    _rebuild_parts(Check)
    _rebuild_parts(Check)
    from .. import models as m
    m.Criterion.model_fields["check"].annotation = Check
    m.Criterion.model_rebuild(force=True)
    m.Framework.model_rebuild(force=True)


__all__ = ["Check", "KIND_NAMES", "REGISTRY", "Kind", "check_indicators", "describe", "kind_of", "measure_check",
           "register", "resolve_check", "unregister"]
