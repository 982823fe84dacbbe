"""ipcheck: how ready a Chinese city is to be a national IP demonstration city, and how far from its plan.

The package is laid out at the top of the repository (setuptools maps `ipcheck` to it):
`engine/` (pure: load → measure → decide → score), `app/` (files in, outputs out: what each
command does), `reports/` (renderers), `cli.py` (thin click commands), and the data shipped
with the package: `criteria/` (indicators and frameworks) and `schema/` (JSON Schemas).
"""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
CRITERIA_DIR = PACKAGE_DIR / "criteria"
