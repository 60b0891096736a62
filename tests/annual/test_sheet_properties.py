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
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.edit.writeback import prepare, trial_load
from eduplan.load.loader import load_plan
from eduplan.model import Change, Plan, Range
from eduplan.model.common import change_from_text
from eduplan.model.walk import all_indicators
from eduplan.sheet.importer import plan_import
from eduplan.sheet.read import read_workbook
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
    return data


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


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(plans())
def test_an_unedited_export_of_any_plan_of_the_family_imports_as_nothing(data):
    with tempfile.TemporaryDirectory() as tmp:
        _, loaded = _load(_dump(data), Path(tmp))
        planned = plan_import(loaded.plan, read_workbook(workbook_bytes(loaded.plan), "plan.xlsx"))
        assert (planned.changes, planned.new_reports, planned.problems) == ([], {}, [])


def _typed(draw: st.DrawFn, kind: str | None, actual: bool) -> Any:
    """What a planning officer types: a value of the indicator's kind, in the words a sheet takes, or nothing."""
    if kind == "level":
        return draw(st.sampled_from([*SCALE, None]))
    numbers = st.integers(0, 100 if kind == "percent" else 900)
    if actual:
        return draw(st.one_of(numbers, st.sampled_from(["๘๕", "1,250" if kind != "percent" else "12.5", None])))
    return draw(st.one_of(numbers, st.sampled_from(["60..70", "เพิ่มขึ้นร้อยละ 4", "ลดลง 2 จากปีฐาน", None])))


def _means(typed: Any, got: Any) -> bool:
    """Whether the plan's value now means what was typed."""
    if typed is None:
        return got is None
    if isinstance(typed, str) and (change := change_from_text(typed)) is not None:
        amount = change.get("increase", change.get("decrease"))
        return isinstance(got, Change) and got.delta == (amount if "increase" in change else -amount)
    if isinstance(typed, str) and ".." in typed:
        low, high = (int(x) for x in typed.split(".."))
        return got == Range(min=low, max=high)
    if isinstance(typed, str) and typed not in SCALE:
        return got == float(typed.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).replace(",", ""))
    return bool(got == typed)


def _import(path: Path, workbook: bytes) -> Any:
    loaded = load_plan(path)
    planned = plan_import(loaded.plan, read_workbook(workbook, "edited.xlsx"))
    assert planned.errors == [], planned.errors
    texts = prepare(loaded, [(c.path, c.new) for c in planned.changes], planned.new_reports)
    assert trial_load(loaded.root, texts) == []
    for text in texts:
        text.path.write_bytes(text.data())
    return planned


@SETTINGS
@given(plans(), st.data())
def test_a_typed_target_or_actual_lands_at_its_item_and_nothing_else_changes(data, draw):
    with tempfile.TemporaryDirectory() as tmp:
        path, loaded = _load(_dump(data), Path(tmp))
        plan: Plan = loaded.plan
        every = list(all_indicators(plan))
        if not every:
            return
        chosen = draw.draw(st.sampled_from(every), label="row")
        year = draw.draw(st.sampled_from(YEARS), label="year")
        on_actuals = draw.draw(st.booleans(), label="actuals sheet")
        typed = _typed(draw.draw, chosen.kind, on_actuals)
        book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(plan)))
        sheet = book[f"actuals-{year}" if on_actuals else "indicators"]
        keys = [str(c.value).rsplit("(", 1)[-1].rstrip(")") for c in sheet[1]]
        id_column = keys.index("indicator" if on_actuals else "id") + 1
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, id_column).value == chosen.indicator.id)
        sheet.cell(row, keys.index("value" if on_actuals else str(year)) + 1).value = typed
        if on_actuals and typed is None:
            sheet.cell(row, keys.index("no_data") + 1).value = "ยังไม่ได้วัด"  # a row left blank is no actual at all
        buffer = io.BytesIO()
        book.save(buffer)
        edited = buffer.getvalue()

        _import(path, edited)
        after = load_plan(path)
        assert [f for f in after.findings if f.severity.value == "error"] == []
        again: Plan = after.plan
        found = {at.indicator.id: at.indicator for at in all_indicators(again)}
        if on_actuals:
            report = next(r for r in again.reports if r.year == year)
            actual = next(a for a in report.actuals if a.indicator == chosen.indicator.id)
            assert _means(typed, actual.value), (typed, actual)
        else:
            assert _means(typed, found[chosen.indicator.id].targets.get(year)), (typed, found[chosen.indicator.id])
        for at in all_indicators(plan):
            if at.indicator.id != chosen.indicator.id or on_actuals:
                assert found[at.indicator.id].targets == at.indicator.targets
        planned = _import(path, edited)  # the same workbook again
        assert (planned.changes, planned.new_reports) == ([], {})
