"""Small frameworks and cities written inline, for engine tests."""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

import yaml
from ipcheck.engine.load import LoadedCity, load_city, load_framework

HEADER = """
framework:
  id: t
  version: 1
  kind: reference
  title: {{zh: 测试, en: test}}
  issuer: test
  source: {{file: test.txt, title: test}}
  target_year: {year}
  scoring: {model}
  thresholds: {{ready: {ready}, nearly_ready: {nearly}}}
  coverage_floor: {floor}
criteria:
"""


def framework(criteria_yaml: str, cat, *, model="xccdf_default", year=2023, ready=85, nearly=60, floor="0.5"):
    text = HEADER.format(model=model, year=year, ready=ready, nearly=nearly, floor=floor) + textwrap.indent(
        textwrap.dedent(criteria_yaml), "  ")
    return load_framework("test-framework.yaml", text.encode(), cat)


def crit(cid: str, check: str, category="creation", weight=1, required=False) -> str:
    return (f"- id: {cid}\n  title: {{zh: {cid}, en: {cid}}}\n  category: {category}\n  weight: {weight}\n"
            f"  required: {'true' if required else 'false'}\n  clause: x\n  lead_unit: x\n  check: {check}\n")


def city(facts: dict, cat, level="prefecture") -> LoadedCity:
    doc = {
        "city": {"id": "c", "name": {"zh": "城", "en": "city"}, "level": level},
        "sources": {"s": {"title": "t", "publisher": "p", "read": "2024-01-01"}},
        "facts": {ind: {y: {"value": v, "source": "s"} for y, v in ys.items()} for ind, ys in facts.items()},
    }
    return load_city("test-city.yaml", yaml.safe_dump(doc, allow_unicode=True).encode(), cat)


def snapshot(folder: Path) -> dict:
    """Every entry under `folder`: its kind and its content or link target."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        if stat.S_ISLNK(st.st_mode):
            out[str(p)] = ("link", os.readlink(p))
        elif stat.S_ISREG(st.st_mode):
            out[str(p)] = ("file", p.read_bytes())
        else:
            out[str(p)] = (stat.S_IFMT(st.st_mode),)
    return out


def one_line(result, *words) -> str:
    """The one error line of a command refused with exit code 2 (no traceback), holding each of `words`."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ipcheck: "), result.stderr
    assert "Traceback" not in result.output, result.output
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]
