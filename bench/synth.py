"""Synthetic but plausible city fact files, for benchmarks only.

Seeded (the same seed writes the same files), written under a folder the caller names —
never into cities/, never committed. Every value cites one source that says it is synthetic.
Magnitudes follow the real cities in city-facts.md: 2–20 million people, 1–60 valid
invention patents per 10,000 people, yearly growth of a few to twenty per cent.
"""

from __future__ import annotations

import random
from pathlib import Path

YEARS = range(2018, 2026)
LEVELS = ["municipality", "sub_provincial", "provincial_capital", "prefecture"]
MECHANISMS = ["leadership_group", "ip_in_performance_assessment", "ip_agencies_staffed_funded",
              "assistance_centre_12330", "admin_criminal_case_transfer", "diversified_dispute_resolution",
              "patent_insurance", "ip_public_service_platform", "world_ip_day_publicity", "major_project_ip_review",
              "ip_risk_early_warning", "ip_in_civil_servant_training",
              "cross_department_coordination", "plan_monitoring_evaluation", "pledge_risk_compensation",
              "budget_growth_mechanism", "ip_budget_share_rising"]
# indicator: (unit, low, high) of the first year's value; grows 0–20% a year after
LEVELS_OF = {
    "valid_trademarks": ("件", 30_000, 500_000), "valid_patents": ("件", 20_000, 300_000),
    "ip_pledge_financing": ("亿元", 0.5, 150), "copyright_registrations": ("件", 200, 60_000),
    "pct_applications": ("件", 10, 1_500), "ip_service_institutions": ("家", 10, 200),
    "trademark_brand_guidance_stations": ("个", 1, 30), "gi_registered": ("件", 5, 80),
    "ip_standard_enterprises": ("家", 20, 900), "national_ip_advantage_enterprises": ("家", 5, 200),
    "enforcement_campaigns": ("次", 1, 8), "patent_enforcement_cases": ("件", 50, 2_000),
    "ip_budget": ("万元", 500, 50_000), "well_known_trademarks": ("件", 10, 200),
    "gi_mark_user_enterprises": ("家", 10, 80), "rights_assistance_workstations": ("个", 1, 10),
    "high_value_invention_patents_per_10k": ("件/万人", 0.5, 20),
}


def city_text(i: int, rnd: random.Random) -> str:
    pop = rnd.randint(200, 2_000) * 10_000
    per10k = rnd.uniform(1, 60)
    lines = [
        f"city: {{id: synth{i:05d}, name: {{zh: 合成{i}, en: synthetic {i}}}, level: {rnd.choice(LEVELS)}}}",
        "sources:",
        "  synth: {title: synthetic benchmark data (not a real city), publisher: ipcheck bench, read: 2026-01-01, "
        "confidence: low}",
        "facts:",
    ]
    years = [y for y in YEARS if rnd.random() < 0.7] or [2023]

    def series(ind: str, start: float, unit: str, integer: bool) -> None:
        lines.append(f"  {ind}:")
        v = start
        for y in years:
            value = f"{round(v)}" if integer else f"{v:.2f}"
            lines.append(f"    {y}: {{value: {value}{unit}, source: synth}}")
            v *= 1 + rnd.uniform(-0.02, 0.2)

    series("population", pop, "人", True)
    series("valid_invention_patents", pop / 10_000 * per10k, "件", True)
    series("invention_patents_per_10k", per10k, "件", False)
    for ind, (unit, low, high) in LEVELS_OF.items():
        if rnd.random() < 0.8:
            series(ind, rnd.uniform(low, high), unit, unit not in ("亿元", "件/万人"))
    closed_rate = rnd.uniform(0.8, 1.0)
    lines.append("  patent_enforcement_closure_rate:")
    for y in years:
        lines.append(f"    {y}: {{value: {closed_rate * 100:.1f}%, source: synth}}")
    for mech in MECHANISMS:
        if rnd.random() < 0.75:
            y = rnd.choice(years)
            attrs = (f", attributes: {{chair: {rnd.choice(['mayor', 'vice_mayor', 'other'])}}}"
                     if mech == "leadership_group" else "")
            lines.append(f"  {mech}:\n    {y}: {{value: {'yes' if rnd.random() < 0.85 else 'no'}, "
                         f"source: synth{attrs}}}")
    return "\n".join(lines) + "\n"


def write_cities(folder: Path, n: int, seed: int = 20261121) -> list[Path]:
    """Write n synthetic city files into `folder`; the same seed gives the same files."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"synth{i:05d}.yaml"
        p.write_text(city_text(i, rnd), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    import sys
    out = write_cities(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"wrote {len(out)} files to {sys.argv[1]}")


def write_targets_workbook(path: Path, n: int = 100, seed: int = 20261207) -> Path:
    """A review workbook of `ipcheck draft` with `n` target rows (a plan's table of yearly targets), seeded."""
    from decimal import Decimal

    from ipcheck.app.draftbook import workbook_bytes
    from ipcheck.app.library import load_library
    from ipcheck.engine.planread.model import Document, PlanReading, Target

    rnd = random.Random(seed)
    cat = load_library().catalogue
    names = sorted(LEVELS_OF)
    targets = []
    for i in range(n):
        ind = names[(i // 5) % len(names)]
        unit, low, high = LEVELS_OF[ind]
        start = Decimal(str(round(rnd.uniform(low, high), 1 if unit == "亿元" else 0)))
        year = 2021 + i % 5
        value = start + Decimal(year - 2020) * start / 10
        targets.append(Target(cat.indicators[ind].name.zh, ind, value, f"{value}{unit}", unit, ">=", year,
                              clause=f"表{i // 25 + 1}", lead_unit="市市场监管局",
                              quote=f"{cat.indicators[ind].name.zh}\t{year}年\t{value}{unit}"))
    reading = PlanReading(Document(title="合成的规划（基准测试用）", issuer="基准测试", period=(2021, 2025)),
                          tuple(targets))
    path.write_bytes(workbook_bytes(reading, "benchcity", "synthetic-plan.txt", cat, [""] * n))
    return path
