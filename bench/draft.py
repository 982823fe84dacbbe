"""The plan reader against the hand-made frameworks: recall and precision per seed document.

    .venv/bin/python bench/draft.py            # the five seeds, and a 30-page plan timed
    .venv/bin/python bench/draft.py --show     # also each missed and each extra target

Each seed document (tests/plans/seeds/*.txt, the five documents of ../shared/seeds) is read with `read_plan`
(traditional characters converted to simplified first, with OpenCC, as `ipcheck draft` does)
and compared with the framework in criteria/ whose `source.file` names it.

Which hand-made criteria count as quantitative targets (the reference set):
- path: one target per year of `targets`; trajectory: `target` in `target_year`;
- threshold, count and flow with a positive target: `target` in the criterion's `year`, else the
  framework's `target_year`; growth with a positive `min_growth`: that growth, same year rule;
- ratio and per_capita: `target` of the `published` indicator (the rate the plan states);
- not counted: exists, any_of/all_of (mechanisms, and "some funds" as `> 0`), growth of 0%
  (稳定增长: the text gives no figure), and counts the text sets without a figure: SX-13 (每季度,
  read as 4 a year), YC-25 and NB-30 (专项行动 without a number, read as at least 1).

Matching rule: a target the reader found matches a reference target when the indicator is the
same, the year is the same, and the value is the same once converted into the indicator's unit
(units.to_unit: 3.6亿 = 3.6亿元, 5.2万件 = 52000件; counting words are one: 7家 = 7个); a growth
(kind growth or average_growth) only matches a growth reference and is compared in %.
"超过20家" (comparison ">" on a counted unit) matches a reference of 21, as the hand-made
frameworks write it. Each reference target is matched at most once. Recall = matched
references / references; precision = matched reader targets / reader targets (every target
the reader reports counts, those it could not place included).

The second table reads the real plans of other cities in tests/plans/ (texts the rules were
not tuned on) and compares them with the hand reading in tests/plans/targets.yaml: a target
matches when indicator (or, for one the catalogue lacks, none), value, unit as written, year,
comparison and measure (growth or level) are all the same. Recall and precision as above.

The timing row reads a 30-page plan (about 30,000 characters, built by concatenating the seed
texts) in this process, median of 5, beside bench's machine-speed row (see bench/run.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "plans" / "seeds"
REAL = ROOT / "tests" / "plans"
NOT_STATED = {"SX-13", "YC-25", "NB-30"}  # counts the text sets without a figure (see above)
COUNTED = ("件", "家", "个", "项", "次", "所", "人", "名")
PAGE = 1000  # characters on a printed page of a Chinese plan, about


def simplified(text: str) -> str:
    """Traditional characters to simplified (OpenCC t2s), as the draft command reads them."""
    import opencc
    return opencc.OpenCC("t2s").convert(text)


def reference(fw) -> list[tuple[str, str, str, Decimal, int]]:
    """The framework's quantitative targets: (criterion, indicator, measure, value, year)."""
    out = []
    default = fw.model.framework.target_year
    for c in fw.model.criteria:
        if c.id in NOT_STATED:
            continue
        ch = c.check
        kind = ch.kind
        year = getattr(ch, "year", None) or default
        if kind == "path":
            out += [(c.id, ch.indicator, "level", v, y) for y, v in ch.targets.items()]
        elif kind == "trajectory":
            out.append((c.id, ch.indicator, "level", ch.target, ch.target_year))
        elif kind in ("threshold", "count", "flow") and ch.target > 0:
            out.append((c.id, ch.indicator, "level", ch.target, year))
        elif kind == "growth" and ch.min_growth > 0:
            out.append((c.id, ch.indicator, "growth", ch.min_growth, year))
        elif kind in ("ratio", "per_capita"):
            out.append((c.id, ch.published, "level", ch.target, year))
    return out


def in_unit(t, catalogue) -> tuple[str, Decimal] | None:
    """A reader target as (measure, value in its indicator's unit), or None when it cannot be."""
    from ipcheck.engine.units import UnitError, plain, to_unit
    if t.indicator is None or t.value is None:
        return None
    if t.kind in ("growth", "average_growth"):
        return "growth", t.value
    unit = catalogue.unit(t.indicator)
    if unit is None:
        return None
    written = t.unit
    counter = written.lstrip("万亿")
    if counter in COUNTED and unit.counter in COUNTED:  # 7家 or 7个 stations: plans mix counting words
        written = written[:len(written) - len(counter)] + unit.counter
    try:
        return "level", to_unit(f"{plain(t.value)}{written}", unit)
    except UnitError:
        return None


def score(reading, refs, catalogue) -> tuple[int, int, list, list]:
    """(matched references, matched reader targets, missed references, extra reader targets)."""
    left = list(refs)
    matched_targets, extra = 0, []
    for t in reading.targets:
        got = in_unit(t, catalogue)
        hit = None
        if got is not None:
            measure, value = got
            for r in left:
                _, ind, rmeasure, rvalue, ryear = r
                if (ind, rmeasure, ryear) != (t.indicator, measure, t.year):
                    continue
                if value == rvalue or (t.comparison == ">" and t.unit.endswith(COUNTED) and value + 1 == rvalue):
                    hit = r
                    break
        if hit is None:
            extra.append(t)
        else:
            left.remove(hit)
            matched_targets += 1
    return len(refs) - len(left), matched_targets, left, extra


def real_plans(catalogue, show: bool) -> None:
    """Recall and precision over the real plans in tests/plans/, against their hand reading."""
    import yaml
    from ipcheck.engine.planread import read_plan

    def measure(growth: bool) -> str:
        return "growth" if growth else "level"

    hand = yaml.safe_load((REAL / "targets.yaml").read_text(encoding="utf-8"))
    print(f"{'real plan (tests/plans)':28} {'':16} {'targets':>8} {'found':>6} {'recall':>8} {'precision':>10}")
    all_refs = all_found = all_hit_refs = all_hit_found = 0
    for name in sorted(hand):
        text = (REAL / name).read_text(encoding="utf-8").split("\n", 1)[1]  # line 1 names the page
        reading = read_plan(simplified(text), catalogue)
        refs = [(r["indicator"], Decimal(r["value"]), r["unit"], r["year"], r["comparison"],
                 measure(r.get("growth", False))) for r in hand[name]["targets"]]
        left, extra = list(refs), []
        for t in reading.targets:
            got = (t.indicator, t.value, t.unit, t.year, t.comparison,
                   measure(t.kind in ("growth", "average_growth")))
            if got in left:
                left.remove(got)
            else:
                extra.append(t)
        hit = len(refs) - len(left)
        recall = hit / len(refs) if refs else 1.0
        precision = (len(reading.targets) - len(extra)) / len(reading.targets) if reading.targets else 1.0
        print(f"{name:28} {'':16} {len(refs):>8} {len(reading.targets):>6} {recall:>8.1%} {precision:>10.1%}")
        all_refs, all_found = all_refs + len(refs), all_found + len(reading.targets)
        all_hit_refs, all_hit_found = all_hit_refs + hit, all_hit_found + len(reading.targets) - len(extra)
        if show:
            for r in left:
                print(f"    missed {r}")
            for t in extra:
                print(f"    extra  {t.indicator} {t.value_text} {t.unit} {t.year} {t.comparison} {t.kind} {t.name}")
    print(f"{'all real plans':28} {'':16} {all_refs:>8} {all_found:>6} "
          f"{all_hit_refs / all_refs:>8.1%} {all_hit_found / all_found if all_found else 1.0:>10.1%}")


def thirty_pages() -> str:
    """A 30-page plan: the seed texts, simplified, repeated until about 30 pages long."""
    texts = [simplified(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    out, n = [], 0
    while sum(len(t) for t in out) < 30 * PAGE:
        out.append(texts[n % len(texts)])
        n += 1
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="list each missed reference and each extra target")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from ipcheck.app.library import load_library
    from ipcheck.engine.planread import read_plan
    from run import reference_loop

    if not SEEDS.is_dir():
        raise SystemExit(f"bench/draft.py: the seed documents are not at {SEEDS}")
    lib = load_library(ROOT / "criteria")
    by_file = {fw.model.framework.source.file: fw for fw in lib.frameworks.values()}
    print(f"{'document':28} {'framework':16} {'targets':>8} {'found':>6} {'recall':>8} {'precision':>10}")
    for path in sorted(SEEDS.glob("*.txt")):
        fw = by_file.get(path.name)
        if fw is None:
            continue
        reading = read_plan(simplified(path.read_text(encoding="utf-8")), lib.catalogue)
        refs = reference(fw)
        got_refs, got_targets, missed, extra = score(reading, refs, lib.catalogue)
        recall = got_refs / len(refs) if refs else 1.0
        precision = got_targets / len(reading.targets) if reading.targets else 1.0
        print(f"{path.name:28} {fw.id:16} {len(refs):>8} {len(reading.targets):>6} {recall:>8.1%} {precision:>10.1%}")
        if args.show:
            for r in missed:
                print(f"    missed {r[0]} {r[1]} {r[2]} {r[3]} {r[4]}")
            for t in extra:
                print(f"    extra  {t.indicator} {t.value_text} {t.unit} {t.year} {t.kind} [{t.clause}] {t.name}")
    print()
    real_plans(lib.catalogue, args.show)
    text = thirty_pages()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        reading = read_plan(text, lib.catalogue)
        times.append(time.perf_counter() - start)
    print()
    print(f"machine speed: a pure-Python loop of 10^7 additions  {reference_loop():.2f} s"
          "  (compare runs by this: the same machine varies by a third over time)")
    print(f"read a 30-page plan ({len(text):,} characters, {len(reading.targets)} targets), in process, "
          f"median of 5: {statistics.median(times):.3f} s  (goal < 2 s)")


if __name__ == "__main__":
    main()
