"""Property: collect → fill every row with valid values, each with its own source (some with a document number, some
without), numbers typed as numbers or as text → import → evaluate leaves no criterion unknown that the forms asked
about, and importing the same forms again changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import CITY_FILES, CRITERIA
from hypothesis import given, settings
from hypothesis import strategies as st
from ipcheck.app.files import write_outputs
from ipcheck.app.forms import ATTRIBUTE_UNIT, MECHANISM_UNIT, collect
from ipcheck.app.intake import import_forms
from ipcheck.app.library import Selection, load_city_file, load_library
from ipcheck.engine.decide import PythonDecider
from ipcheck.engine.evaluate import evaluate
from openpyxl import load_workbook
from strategies import case, dump

# the day of the import: not before the shipped files' own dates read (a source read after it is refused)
DAY = max(dt.date.today(), dt.date(2026, 12, 7))


@st.composite
def a_city(draw) -> tuple[bytes, bytes | None]:
    """A shipped city with some of its facts left out, or a generated framework with a generated city."""
    if draw(st.booleans()):
        doc = yaml.safe_load(draw(st.sampled_from(CITY_FILES)).read_bytes())
        keep = {}
        for ind, years in doc["facts"].items():
            kept = {y: f for y, f in years.items() if draw(st.booleans())}
            if kept:
                keep[ind] = kept
        doc["facts"] = keep
        return dump(doc), None
    fw, city = draw(case(1, 6))
    return dump(city), dump(fw)


def _value(draw, unit: str, options: list[str]):
    """A valid entry for a row, typed the way people and spreadsheet programs store it."""
    if unit == MECHANISM_UNIT:
        return draw(st.sampled_from(["是", "否", "有", "无", "✓", "✗"]))
    if unit == ATTRIBUTE_UNIT:
        return draw(st.sampled_from(options))
    if unit == "%":
        return draw(st.sampled_from([0.95, "87.5%", 0.6, "100%", 0.125]))
    n = draw(st.integers(1, 10**6))
    return draw(st.sampled_from([n, str(n), f"{n:,}{unit}", f"{n}{unit}", f"{n / 100}"]))


def _fill_rows(draw, rows: list[list], cat) -> None:
    for row in rows:
        indicator, _, attr = str(row[1]).partition(".")
        options = [v.zh for v in cat.indicators[indicator].attributes[attr].values.values()] if attr else []
        row[4] = _value(draw, row[3], options)
        if not attr:  # every row its own source, as departments fill them
            k = draw(st.integers(1, 10**6))
            row[6], row[8] = f"{indicator} {row[2]}年 数据来源 {k}", draw(st.sampled_from(["市统计局", "市财政局"]))
            row[7] = draw(st.sampled_from([None, f"甬统〔2023〕{k}号", f"https://example.gov.cn/{k}"]))
            # published after the figure's year, as departments write it: a day or a month
            y = min(int(row[2]) + 1, DAY.year)
            row[9] = draw(st.sampled_from([None, f"{y}-03-01", f"{y}年3月"]))


# Each case writes, fills and reads a workbook and evaluates twice: a quarter of the profile's cases.
@settings(max_examples=max(10, settings().max_examples // 4))
@given(st.data())
def test_collect_fill_import_leaves_nothing_unknown_and_a_second_import_changes_nothing(data):
    city_bytes, fw_bytes = data.draw(a_city())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        criteria = CRITERIA
        if fw_bytes is not None:
            criteria = tmp / "criteria"
            criteria.mkdir()
            shutil.copy(CRITERIA / "indicators.yaml", criteria)
            (criteria / "generated.yaml").write_bytes(fw_bytes)
        city_path = tmp / "city.yaml"
        city_path.write_bytes(city_bytes)
        lib = load_library(criteria)
        as_csv = data.draw(st.booleans())
        forms = tmp / ("forms" if as_csv else "forms.xlsx")
        year = None if yaml.safe_load(city_bytes)["facts"] else 2024  # no facts: no year to default to
        out = collect(Selection(city_path, criteria, year=year, engine="python"), xlsx_path=None if as_csv else forms,
                      csv_dir=forms if as_csv else None, today=DAY)
        write_outputs(out.files, out.inputs, folders=out.folders)  # as the command writes them (the folder too)
        if as_csv:
            for sheet in sorted(forms.glob("*.csv")):
                if sheet.name == "_ipcheck.csv":
                    continue
                rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
                _fill_rows(data.draw, rows[2:], lib.catalogue)
                buf = io.StringIO()
                csv.writer(buf).writerows(rows)
                sheet.write_text(buf.getvalue(), encoding="utf-8")
        else:
            wb = load_workbook(forms)
            for ws in wb.worksheets[1:-1]:
                rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
                _fill_rows(data.draw, rows, lib.catalogue)
                for r, row in enumerate(rows, start=3):
                    for col in (5, 7, 8, 9, 10):
                        ws.cell(r, col).value = row[col - 1]
            wb.save(forms)
        first = import_forms(forms, city_path, criteria_dir=criteria, replace=True, today=DAY)
        assert first.exit_code == 0, first.notices
        for path, content in first.files:
            path.write_bytes(content)
        city = load_city_file(city_path, lib)
        asked = {c for res in out_criteria(out) for c in res}
        for fid, year in _frameworks(forms, as_csv):
            res = evaluate(lib.frameworks[fid], city, lib.catalogue, PythonDecider(), year=year, detail=False)
            unknown = [r.id for r in res.results if r.status == "unknown" and r.id in asked]
            assert not unknown, (fid, year, unknown, [r.measurement.missing for r in res.results if r.id in unknown])
        again = import_forms(forms, city_path, criteria_dir=criteria, replace=True, today=DAY + dt.timedelta(days=1))
        assert again.exit_code == 0 and not again.files, again.text
        assert "&id" not in city_path.read_text(encoding="utf-8")


def out_criteria(out) -> list[list[str]]:
    """Every criterion the forms name (their 用于评价条目 column), from the CSV or workbook bytes collected."""
    found = []
    for path, content in out.files:
        if path.suffix == ".csv" and path.name != "_ipcheck.csv":
            rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))[2:]
            found += [row[14].split("（")[0].split("、") for row in rows]
        elif path.suffix == ".xlsx":
            wb = load_workbook(io.BytesIO(content))
            found += [str(r[14]).split("（")[0].split("、") for ws in wb.worksheets[1:-1]
                      for r in ws.iter_rows(min_row=3, values_only=True)]
    return found


def _frameworks(forms: Path, as_csv: bool) -> list[tuple[str, int]]:
    if as_csv:
        rows = list(csv.reader(io.StringIO((forms / "_ipcheck.csv").read_text(encoding="utf-8-sig"))))
    else:
        rows = [list(r) for r in load_workbook(forms)["_ipcheck"].iter_rows(values_only=True)]
    line = next(r for r in rows if r[0] == "frameworks")[1]
    return [(item.split("@")[0], int(item.split("@")[1])) for item in str(line).split()]

