"""Round-trip properties of the spreadsheet, on generated plans of the whole family.

Plans of one to three policy levels, indicators with sub-indicators, targets that are numbers,
ranges, levels on a scale or changes (in words, or as mappings), baselines, standards with items,
fiscal or academic years, and a report with actuals (SAR scores too):

- an unedited export imports as nothing;
- a target typed into any row of the indicators sheet (or cleared), or an actual typed into any row
  of an actuals sheet, is imported as exactly that value at that item, and nothing else changes;
  importing the same workbook again changes nothing.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan import i18n
from eduplan.edit.writeback import prepare, trial_load
from eduplan.load.loader import load_plan
from eduplan.model import Plan
from eduplan.model.common import change_from_text
from eduplan.model.walk import all_indicators
from eduplan.sheet.importer import plan_import
from eduplan.sheet.layout import row_key
from eduplan.sheet.outputs import editable as editable_projects
from eduplan.sheet.read import read_workbook
from eduplan.sheet.tables import tables
from eduplan.sheet.write import workbook_bytes

YEARS = [2567, 2568, 2569]
SCALE = ["กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"]
CHANGES = ["เพิ่มขึ้นร้อยละ 3", "เพิ่มขึ้น 2", "ลดลง 1 จากปีฐาน", "เพิ่มขึ้นร้อยละ ๕"]


def _target(draw: st.DrawFn, kind: str) -> Any:
    if kind == "level":
        return draw(st.sampled_from(SCALE))
    if kind == "count":
        return draw(st.integers(0, 500))
    return draw(
        st.one_of(
            st.integers(0, 100),
            st.sampled_from([62.5, 0.35]),
            st.builds(lambda a, b: {"min": min(a, b), "max": max(a, b)}, st.integers(0, 100), st.integers(0, 100)),
            st.sampled_from(CHANGES),
            st.sampled_from([{"increase": 2}, {"decrease": 1, "of": "baseline"}]),
        )
    )


@st.composite
def indicator(draw: st.DrawFn, ident: str, depth: int) -> dict[str, Any]:
    """An indicator; at depth 1, perhaps a group of sub-indicators with no kind of its own."""
    parts = draw(st.integers(0, 2)) if depth == 1 else 0
    kind = draw(st.sampled_from(["percent", "count", "level"]))
    item: dict[str, Any] = {"id": ident, "number": str(draw(st.integers(1, 9))), "name": f"ตัวชี้วัด {ident}"}
    if parts and draw(st.booleans()):
        item["unit"] = "ร้อยละ"
    else:
        item["kind"] = kind
        if kind == "level":
            item["levels"] = SCALE
    years = draw(st.lists(st.sampled_from(YEARS), unique=True))
    if "kind" in item:
        item["targets"] = {y: _target(draw, kind) for y in sorted(years)}
        if draw(st.booleans()):
            value = draw(st.sampled_from(SCALE)) if kind == "level" else draw(st.integers(0, 100))
            item["baseline"] = {"year": "2564/65", "value": value}
    if parts:
        item["indicators"] = [draw(indicator(f"{ident}-{n}", depth + 1)) for n in range(1, parts + 1)]
    return item


@st.composite
def policy(draw: st.DrawFn, ident: str, depth: int, deepest: int) -> dict[str, Any]:
    item: dict[str, Any] = {"id": ident, "number": ident.removeprefix("p").replace("-", "."), "title": f"กลยุทธ์ {ident}"}
    count = draw(st.integers(0, 2))
    item["indicators"] = [draw(indicator(f"{ident}-i{n}", 1)) for n in range(1, count + 1)]
    if depth < deepest:
        item["policies"] = [
            draw(policy(f"{ident}-{n}", depth + 1, deepest)) for n in range(1, draw(st.integers(1, 2)) + 1)
        ]
    return item


def _ids(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        out += [item, *_ids(item.get("indicators", []))]
    return out


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """A single-file plan of the family."""
    deepest = draw(st.integers(1, 3))
    academic = draw(st.booleans())
    data: dict[str, Any] = {
        "id": "family",
        "title": "แผนทดสอบ",
        "office": {"name": "โรงเรียนทดสอบ" if academic else "สำนักงานทดสอบ"},
        "period": {"start": YEARS[0], "end": YEARS[-1], **({"year": "academic"} if academic else {})},
        "hierarchy": ["ประเด็นยุทธศาสตร์", "กลยุทธ์", "กลยุทธ์ย่อย"][:deepest],
        "policies": [draw(policy(f"p{n}", 1, deepest)) for n in range(1, draw(st.integers(1, 2)) + 1)],
    }
    if draw(st.booleans()):
        items = [{"id": f"std1-{n}", "number": f"1.{n}", "name": f"ประเด็น {n}", "targets": {2567: "ดี"}} for n in (1, 2)]
        data["standards"] = [
            {"id": "std1", "number": "1", "name": "คุณภาพของผู้เรียน", "kind": "level", "levels": SCALE,
             "targets": {y: draw(st.sampled_from(SCALE)) for y in YEARS}, "indicators": items}
        ]  # fmt: skip
        for item in items:
            item["kind"] = "level"
    every = _ids([i for p in _walk(data["policies"]) for i in p["indicators"]] + data.get("standards", []))
    measured = draw(st.lists(st.sampled_from(every), unique_by=lambda i: i["id"])) if every else []
    if measured:
        actuals = []
        for item in measured:
            actual: dict[str, Any] = {"indicator": item["id"], "value": _target(draw, item.get("kind", "count"))}
            if isinstance(actual["value"], dict | str) and item.get("kind") != "level":
                actual["value"] = draw(st.integers(0, 100))  # an actual is a value, not a range or a change
            if item.get("kind") == "level" and draw(st.booleans()):
                actual["score"] = draw(st.sampled_from([3.5, 4, 4.62]))
            actuals.append(actual)
        data["reports"] = [{"academic_year" if academic else "fiscal_year": 2567, "actuals": actuals}]
    projects = [
        draw(project(f"pr{n}", [p["id"] for p in _walk(data["policies"])])) for n in range(draw(st.integers(0, 3)))
    ]
    if projects:
        data["action_plans"] = [{"academic_year" if academic else "fiscal_year": 2567, "projects": projects}]
    return data


@st.composite
def project(draw: st.DrawFn, ident: str, policies: list[str]) -> dict[str, Any]:
    """A project of no unit (quarters in words), of one row (unit and target), or of two outputs."""
    item: dict[str, Any] = {"id": ident, "number": f"1.{ident[2:]}", "name": f"โครงการ {ident}"}
    item["policy"] = draw(st.sampled_from(policies))
    shape = draw(st.sampled_from(["none", "one", "outputs"]))
    quarters = draw(st.lists(st.sampled_from([1, 2, 3, 4]), unique=True))
    if shape == "outputs":
        item["outputs"] = [
            {
                "unit": unit,
                "target": draw(st.integers(1, 900)),
                "quarters": {q: draw(st.integers(1, 900)) for q in quarters},
            }
            for unit in ("โรงเรียน", "คน")
        ]
    elif shape == "one":
        item["unit"], item["target"] = "คน", draw(st.integers(1, 900))
        item["quarters"] = {q: {"target": draw(st.integers(1, 900)), "budget": 1000} for q in quarters}
    else:
        item["quarters"] = {q: {"target": "อบรมครู"} for q in quarters}
    return item


def _walk(policies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for p in policies for x in (p, *_walk(p.get("policies", [])))]


def _load(text: str, tmp: Path) -> tuple[Path, Any]:
    path = tmp / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_plan(path)
    errors = [f for f in loaded.findings if f.severity.value == "error"]
    assert loaded.plan is not None and errors == [], (errors[:3], text)
    return path, loaded


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)


SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(("exported", "imported"), [("en", "en"), ("th", "en"), ("en", "th")])
@SETTINGS
@given(data=plans())
def test_an_unedited_export_of_any_plan_of_the_family_imports_as_nothing(exported, imported, data):
    """In any language, and read back in either (a Thai workbook in an English run, and the other way)."""
    with tempfile.TemporaryDirectory() as tmp:
        _, loaded = _load(_dump(data), Path(tmp))
        with i18n.using(exported):
            workbook = workbook_bytes(loaded.plan)
        with i18n.using(imported):
            planned = plan_import(loaded.plan, read_workbook(workbook, "plan.xlsx"))
        assert (planned.changes, planned.new_reports, planned.problems) == ([], {}, [])


def _typed(draw: st.DrawFn, kind: str | None, key: str) -> Any:
    """What a planning officer types in a column: a value of the indicator's kind, words a sheet takes, or nothing."""
    if kind == "level" and key in ("value", "target", "baseline"):
        return draw(st.sampled_from([*SCALE, None]))
    numbers = st.integers(0, 100 if kind == "percent" else 900)
    words = {
        "value": ["๘๕", "1,250" if kind != "percent" else "12.5", None],
        "target": ["60..70", "เพิ่มขึ้นร้อยละ 4", "ลดลง 2 จากปีฐาน", None],
        "baseline": ["๘๕" if kind != "percent" else "12.5", None],
        "baseline_year": ["2564/65", "ปี 65/66", 2566, None],
        "baseline_source": ["รายงานผลปี 2566", None],
        "unit": ["โรงเรียน", "ห้องเรียน", None],
        "quantity": ["ทุกโรงเรียน", "1,200", "๓๐", None],
    }
    if key in ("baseline_year", "baseline_source", "unit"):
        return draw(st.sampled_from(words[key]))
    return draw(st.one_of(numbers, st.sampled_from(words["quantity" if key not in words else key])))


_THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _meaning(shown: Any) -> Any:
    """What a cell means: a change by its amount and base, a number by its amount, a year span tidied."""
    if isinstance(shown, str):
        if (change := change_from_text(shown)) is not None:
            return ("change", change.get("increase"), change.get("decrease"), change["of"])
        written = shown.translate(_THAI).replace(",", "")
        if written.replace(".", "", 1).isdigit():
            return float(written)
        if written.startswith("ปี "):
            return "25" + written[3:5] + "-25" + written[6:8]
        if "/" in written and written.replace("/", "").isdigit():
            first, last = written.split("/")
            return f"{first}-{first[:2]}{last}"
    if isinstance(shown, int | float) and not isinstance(shown, bool):
        return float(shown)
    return shown


def _cells(plan: Plan) -> dict[tuple[str, str, str], Any]:
    """Every cell the export writes, by (sheet, row key, column key), as what it means."""
    return {
        (table.name, key, column): _meaning(cell)
        for table in tables(plan)
        for key, row in table.by_id().items()
        for column, cell in row.items()
    }


def _import(path: Path, workbook: bytes) -> Any:
    loaded = load_plan(path)
    planned = plan_import(loaded.plan, read_workbook(workbook, "edited.xlsx"))
    assert planned.errors == [], planned.errors
    texts = prepare(loaded, [(c.path, c.new) for c in planned.changes], planned.new_reports)
    assert trial_load(loaded.root, texts) == []
    for text in texts:
        text.path.write_bytes(text.data())
    return planned


DERIVED = {"status", "target", "unit"}
"""Columns of an actuals sheet shown from elsewhere: an edit of a target or an actual changes them."""


@SETTINGS
@given(plans(), st.data())
def test_a_typed_or_cleared_cell_reads_back_as_typed_and_nothing_else_changes(data, draw):
    with tempfile.TemporaryDirectory() as tmp:
        path, loaded = _load(_dump(data), Path(tmp))
        plan: Plan = loaded.plan
        book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(plan)))
        editable = {
            name: [c.key for c in table.columns if c.imported and c.key not in ("owner", "measured", "note")]
            for table in tables(plan)
            if (name := table.name) in book.sheetnames
            and table.rows
            and not name.startswith("results")
            and (table.kind != "projects" or editable_projects(table))  # a sheet for reading only imports nothing
        }
        editable = {name: keys for name, keys in editable.items() if keys}
        if not editable:
            return  # a plan with no indicator and no project
        name = draw.draw(st.sampled_from(sorted(editable)), label="sheet")
        sheet = book[name]
        keys = [str(c.value).rsplit("(", 1)[-1].rstrip(")") for c in sheet[1]]
        r = draw.draw(st.integers(2, sheet.max_row), label="row")
        column = draw.draw(st.sampled_from(editable[name]), label="column")
        ident = sheet.cell(r, 1 + keys.index("indicator" if name.startswith("actuals") else "id")).value
        found = {at.indicator.id: at for at in all_indicators(plan)}
        kind = found[ident].kind if ident in found else None
        what = "target" if column.isdigit() else column
        typed = _typed(draw.draw, kind, "quantity" if name.startswith("projects") and column != "unit" else what)
        row = {k: sheet.cell(r, 1 + i).value for i, k in enumerate(keys)}
        if column == "baseline" and typed is not None and row.get("baseline_no_data"):
            sheet.cell(r, 1 + keys.index("baseline_no_data")).value = None  # a value replaces the reason
        if column == "baseline_no_data" and typed is not None and row.get("baseline") is not None:
            sheet.cell(r, 1 + keys.index("baseline")).value = None  # a reason replaces the value
        if column == "value" and typed is None:
            sheet.cell(r, 1 + keys.index("no_data")).value = "ยังไม่ได้วัด"  # a row left blank is no actual at all
        sheet.cell(r, 1 + keys.index(column)).value = typed
        edited_row = {k: sheet.cell(r, 1 + i).value for i, k in enumerate(keys)}
        key = row_key(name.split("-")[0], edited_row)
        buffer = io.BytesIO()
        book.save(buffer)
        edited = buffer.getvalue()
        before = _cells(plan)

        _import(path, edited)
        after_load = load_plan(path)
        assert [f for f in after_load.findings if f.severity.value == "error"] == []
        after = _cells(after_load.plan)
        touched = {(name, key, k) for k, v in edited_row.items() if v != row.get(k)}
        for where in touched:
            assert after.get(where) == _meaning(edited_row[where[2]]), (where, typed)
        for where, shown in before.items():
            derived = where[0].startswith("actuals") and where[2] in DERIVED
            if where not in touched and not derived and (where[0], where[1]) != (name, key) or where[2] == "id":
                assert after.get(where) == shown, (where, typed)
        planned = _import(path, edited)  # the same workbook again
        assert (planned.changes, planned.new_reports) == ([], {})
