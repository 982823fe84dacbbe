"""Every example of every shipped criterion gives its expected status, with both deciders.

Like sqlfluff's rule fixtures: a criterion carries its own cases and this one test runs
them all. It is also the first guard that durable-rules and the reference decider agree.
"""

from __future__ import annotations

import pytest

from conftest import CRITERIA, load_library
from engine.evaluate import run_example

_LIB = load_library(CRITERIA)
CASES = [
    pytest.param(fw_id, c, i, ex, id=f"{c.id}-{i}")
    for fw_id, fw in sorted(_LIB.frameworks.items())
    for c in fw.model.criteria
    for i, ex in enumerate(c.examples)
]


@pytest.mark.parametrize("fw_id,criterion,index,example", CASES)
@pytest.mark.parametrize("decider_name", ["python", "durable"])
def test_example(fw_id, criterion, index, example, decider_name, deciders):
    fw = _LIB.frameworks[fw_id]
    got = run_example(fw, criterion, example, _LIB.catalogue, deciders[decider_name])
    assert got == example.expect, f"{criterion.id} example {index} ({example.name or example.facts}): {got}"


def test_every_criterion_has_examples():
    bare = [c.id for fw in _LIB.frameworks.values() for c in fw.model.criteria if not c.examples]
    assert bare == []


def test_examples_cover_pass_and_something_else():
    """A criterion whose examples all pass would not show that it can fail."""
    one_sided = [c.id for fw in _LIB.frameworks.values() for c in fw.model.criteria
                 if {ex.expect for ex in c.examples} == {"pass"}]
    assert one_sided == []


def test_every_seed_document_has_a_framework():
    files = {fw.model.framework.source.file for fw in _LIB.frameworks.values() if fw.model.framework.kind == "plan"}
    assert files == {"000_f2f4c0c634778746.txt", "001_5c974d2b1e7beda6.txt", "002_ad288fc7cf756697.txt",
                     "003_06d3af3871c5cf50.txt", "004_edee8db098a98e76.txt"}
