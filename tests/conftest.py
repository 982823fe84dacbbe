"""Shared fixtures: the shipped criteria and cities, loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

from ipcheck.app.library import load_library  # noqa: E402
from ipcheck.engine.decide import DurableDecider, PythonDecider  # noqa: E402
from ipcheck.engine.load import load_city  # noqa: E402

CRITERIA = ROOT / "criteria"
CITIES = ROOT / "cities"
CITY_FILES = sorted(CITIES.glob("*.yaml"))


@pytest.fixture(scope="session")
def library():
    return load_library(CRITERIA)


@pytest.fixture(scope="session")
def catalogue(library):
    return library.catalogue


@pytest.fixture(scope="session")
def deciders():
    return {"python": PythonDecider(), "durable": DurableDecider()}


def city(catalogue, name: str):
    path = CITIES / f"{name}.yaml"
    return load_city(str(path), path.read_bytes(), catalogue)


# Hypothesis: CI runs the short profile (within CI's time on 2 cores); a developer's run the
# longer one; `long` is for bug hunting. HYPOTHESIS_PROFILE=ci|dev|long chooses explicitly.
_QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("dev", max_examples=250, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
