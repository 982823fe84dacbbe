"""Shared fixtures: the shipped criteria and cities, loaded once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cli import load_library  # noqa: E402
from engine.decide import DurableDecider, PythonDecider  # noqa: E402
from engine.load import load_city  # noqa: E402

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
