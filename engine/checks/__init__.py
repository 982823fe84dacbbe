"""The check kinds: one module per kind in this folder, each with a `KIND` (see `base.Kind`).

Every module here that defines `KIND` is registered, in name order, and the discriminated
union `Check` of their models is built from the registry: adding a kind is adding one file
(and the examples of the criteria that use it).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Union

from pydantic import Field

from .base import REGISTRY, check_indicators, describe, measure_check, resolve_check

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    if hasattr(_module, "KIND"):
        REGISTRY[_module.KIND.name] = _module.KIND

KIND_NAMES: tuple[str, ...] = tuple(REGISTRY)
Check = Annotated[Union[tuple(k.model for k in REGISTRY.values())], Field(discriminator="kind")]  # type: ignore[misc]
for _kind in REGISTRY.values():
    if "checks" in _kind.model.model_fields:
        _kind.model.model_rebuild(_types_namespace={"Check": Check})

__all__ = ["Check", "KIND_NAMES", "REGISTRY", "check_indicators", "describe", "measure_check", "resolve_check"]
