"""The spreadsheet for every office's and school's plan: the two examples of docs/examples, exported and imported back.

An office's plan of ประเด็นยุทธศาสตร์ -> กลยุทธ์ with sub-indicators and change targets, and a school's
standards-based plan with its SARs (academic years): an unedited export imports as nothing; each edit
lands at its place in the YAML, whatever the level of the policy, the depth of the sub-indicator, or
whether it is a standard.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from eduplan.load.loader import load_plan
from eduplan.sheet.read import read_workbook
from eduplan.sheet.write import workbook_bytes
from tests.annual.xlsx import edit, eduplan, export, snapshot, text_diff
from tests.conftest import REPO

EXAMPLES = REPO / "docs" / "examples"
OFFICE = EXAMPLES / "office-strategic" / "2566-2570"
SCHOOL = EXAMPLES / "school-standards"


def at(workbook: Path, sheet: str, row_id: str, key: str) -> str:
    """The address of the cell of ``row_id``'s row (its first) in the column whose header ends with (key)."""
    ws = openpyxl.load_workbook(workbook)[sheet]
    head = {str(c.value).rsplit("(", 1)[-1].rstrip(")"): c.column_letter for c in ws[1]}
    id_column = next(head[k] for k in ("id", "indicator", "project") if k in head)
    row = next(r for r in range(2, ws.max_row + 1) if ws[f"{id_column}{r}"].value == row_id)
    return f"{head[key]}{row}"


def rows(workbook: Path, sheet: str) -> list[dict[str, object]]:
    """A sheet's rows as values by column key."""
    ws = openpyxl.load_workbook(workbook)[sheet]
    keys = [str(c.value).rsplit("(", 1)[-1].rstrip(")") for c in ws[1]]
    return [dict(zip(keys, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]


def by_id(workbook: Path, sheet: str) -> dict[object, dict[str, object]]:
    out: dict[object, dict[str, object]] = {}
    for row in rows(workbook, sheet):
        out.setdefault(row.get("id") or row.get("indicator"), row)
    return out


# -- unedited: nothing changes ---------------------------------------------------------------


@pytest.mark.parametrize(
    "example",
    [OFFICE, EXAMPLES / "office-strategic" / "2566-2570-revised", SCHOOL],
    ids=lambda p: p.relative_to(EXAMPLES).as_posix(),
)
def test_an_unedited_export_of_each_example_imports_as_nothing(example, copy_of, tmp_path):
    plan = copy_of(example)
    before = {p: p.stat().st_mtime_ns for p in plan.rglob("*.yaml")}
    workbook = export(plan, tmp_path)
    run = eduplan("import", str(workbook), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.endswith(f"nothing to import: {workbook} matches {plan}\n")
    assert {p: p.stat().st_mtime_ns for p in plan.rglob("*.yaml")} == before


# -- what the sheets show ------------------------------------------------------------------------


def test_the_office_indicator_sheet_holds_every_level_its_sub_indicators_and_changes_as_published(tmp_path):
    workbook = export(OFFICE, tmp_path, "th")  # the plan's own words: a Thai workbook
    table = by_id(workbook, "indicators")
    assert (table["p1-i1"]["policy"], table["p1-i1"]["level"]) == ("p1", "ประเด็นยุทธศาสตร์ที่ 1")
    assert (table["p1-1-i1"]["policy"], table["p1-1-i1"]["level"]) == ("p1-1", "กลยุทธ์ที่ 1.1")
    part = table["p2-1-i1-1"]
    assert (part["number"], part["parent"], part["level"]) == ("1.1", "p2-1-i1", "กลยุทธ์ที่ 2.1")
    assert table["p2-1-i1"]["kind"] is None and table["p2-1-i1"]["parent"] is None  # the whole, before its parts
    assert table["p2-i1"]["2567"] == "เพิ่มขึ้นร้อยละ 3"  # written in words: shown as written
    assert table["p2-1-i2"]["2567"] == "เพิ่มขึ้น 2"  # written {increase: 2}: shown in words
    assert (table["p2-i1"]["baseline_year"], table["p2-i1"]["baseline"]) == ("2564-2565", 61.27)
    assert (table["p1-2-i2"]["baseline"], table["p1-2-i2"]["baseline_no_data"]) == (None, "n/a")
    assert table["p1-1-i2"]["cumulative"] == "สะสม"
    ws = openpyxl.load_workbook(workbook)["indicators"]
    name = at(workbook, "indicators", "p2-1-i1-1", "name")
    assert (ws[name].alignment.indent, ws[at(workbook, "indicators", "p2-1-i1", "name")].alignment.indent) == (1, 0)
    assert ws["A1"].value == "ประเด็นยุทธศาสตร์ (policy)"  # the plan's word for its policies
    assert all("ปีการศึกษา" not in str(c.value) for c in ws[1])


def test_a_project_with_two_outputs_takes_two_rows_with_numeric_quarter_targets(tmp_path):
    workbook = export(OFFICE, tmp_path)
    project = [r for r in rows(workbook, "projects-2567") if r["id"] == "prj-2567-1-3"]
    got = [(r["output"], r["unit"], r["target"], r["q1_target"], r["q4_target"], r["budget"]) for r in project]
    assert got == [(1, "โรงเรียน", 106, 106, 106, 8557700), (2, "คน", 19541, 19541, 19541, None)]
    numbered = [r for r in rows(workbook, "projects-2567") if r["id"] == "prj-2567-3-11"]
    assert [(r["number"], r["output"]) for r in numbered] == [("3.11", None)]


def test_the_school_sheets_say_academic_years_and_hold_the_standards_with_their_levels_and_scores(tmp_path):
    workbook = export(SCHOOL, tmp_path, "th")
    book = openpyxl.load_workbook(workbook)
    headers = [str(c.value) for name in book.sheetnames for c in book[name][1]]
    assert "ค่าเป้าหมาย ปีการศึกษา 2567 (2567)" in headers
    assert "ผลการดำเนินงาน ปีการศึกษา 2568 (value)" in headers
    assert not [h for h in headers if "ปีงบประมาณ" in h]
    table = by_id(workbook, "indicators")
    assert (table["std1"]["level"], table["std1"]["2569"]) == ("มาตรฐานการศึกษา", "ยอดเยี่ยม")
    assert table["std1"]["levels"] == "กำลังพัฒนา < ปานกลาง < ดี < ดีเลิศ < ยอดเยี่ยม"
    assert (table["std1-1-1"]["parent"], table["std1-1-1"]["number"]) == ("std1-1", "1)")
    actuals = by_id(workbook, "actuals-2568")
    assert (actuals["std1"]["value"], actuals["std1"]["score"]) == ("ดีเลิศ", 4.38)
    assert actuals["std1-1-1"]["value"] == 82.9
    sheet = book["actuals-2568"]
    value = at(workbook, "actuals-2568", "std1-1", "value")
    offered = [v for v in sheet.data_validations.dataValidation if value in v.sqref]
    assert [v.formula1 for v in offered] == ['"กำลังพัฒนา,ปานกลาง,ดี,ดีเลิศ,ยอดเยี่ยม"']


# -- edits land at their place -------------------------------------------------------------------


def test_edits_in_nested_policies_sub_indicators_and_change_targets_land_where_they_are_written(copy_of, tmp_path):
    plan = copy_of(OFFICE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    edited = edit(
        workbook,
        {
            ("indicators", at(workbook, "indicators", "p1-1-i1", "2567")): 96,  # a กลยุทธ์'s indicator
            ("indicators", at(workbook, "indicators", "p2-1-i1-1", "2568")): 81,  # a sub-indicator
            ("indicators", at(workbook, "indicators", "p2-i1", "2567")): "เพิ่มขึ้นร้อยละ 4",  # words over words
            ("indicators", at(workbook, "indicators", "p2-1-i2", "2566")): "เพิ่มขึ้น 3",  # over {increase: 2}
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "p2-i1 target 2567: เพิ่มขึ้นร้อยละ 3 -> เพิ่มขึ้นร้อยละ 4  (indicators!" in run.stdout
    assert "p2-1-i2 target 2566: เพิ่มขึ้น 2 -> เพิ่มขึ้น 3  (indicators!" in run.stdout
    assert text_diff(before, snapshot(plan)) == [
        "policies/1.yaml: -        targets: {2566: 90, 2567: 95, 2568: 100, 2569: 100, 2570: 100}",
        "policies/1.yaml: +        targets: {2566: 90, 2567: 96, 2568: 100, 2569: 100, 2570: 100}",
        "policies/2.yaml: -      2567: เพิ่มขึ้นร้อยละ 3",
        "policies/2.yaml: +      2567: เพิ่มขึ้นร้อยละ 4",
        "policies/2.yaml: -            targets: {2566: 74, 2567: 77, 2568: 80, 2569: 83, 2570: 86}",
        "policies/2.yaml: +            targets: {2566: 74, 2567: 77, 2568: 81, 2569: 83, 2570: 86}",
        "policies/2.yaml: -        targets: {2566: {increase: 2}, 2567: {increase: 2}, 2568: {increase: 2}, "
        "2569: {increase: 2}, 2570: {increase: 2}}",
        "policies/2.yaml: +        targets: {2566: {increase: 3}, 2567: {increase: 2}, 2568: {increase: 2}, "
        "2569: {increase: 2}, 2570: {increase: 2}}",
    ]
    again = load_plan(plan).plan
    assert again is not None
    target = again.policies[1].indicators[0].targets[2567]
    assert (target.increase, target.text) == (4, "เพิ่มขึ้นร้อยละ 4")  # type: ignore[union-attr]


def test_a_sar_level_score_and_expected_level_typed_in_the_sheets_land_in_the_report_and_the_standards(
    copy_of, tmp_path
):
    plan = copy_of(SCHOOL)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    edited = edit(
        workbook,
        {
            ("actuals-2568", at(workbook, "actuals-2568", "std1-1", "value")): "ยอดเยี่ยม",
            ("actuals-2568", at(workbook, "actuals-2568", "std1-1", "score")): "๔.๖๐",
            ("indicators", at(workbook, "indicators", "std1", "2569")): "ดีเลิศ",
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert text_diff(before, snapshot(plan)) == [
        "plan.yaml: -    targets: {2567: ดีเลิศ, 2568: ดีเลิศ, 2569: ยอดเยี่ยม}",
        "plan.yaml: +    targets: {2567: ดีเลิศ, 2568: ดีเลิศ, 2569: ดีเลิศ}",
        "reports/2568.yaml: -    value: ดีเลิศ",
        "reports/2568.yaml: -    score: 4.05",
        "reports/2568.yaml: +    value: ยอดเยี่ยม",
        "reports/2568.yaml: +    score: 4.6",
    ]


def test_a_level_off_the_scale_and_a_negative_score_are_refused_at_their_cells(copy_of, tmp_path):
    plan = copy_of(SCHOOL)
    workbook = export(plan, tmp_path)
    value, score = at(workbook, "actuals-2568", "std2", "value"), at(workbook, "actuals-2568", "std2", "score")
    edited = edit(workbook, {("actuals-2568", value): "ดีมาก", ("actuals-2568", score): -1})
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 1
    assert run.stderr.splitlines()[:2] == [
        f"actuals-2568!{value}: error: 'ดีมาก' is not one of the indicator's levels "
        "(กำลังพัฒนา, ปานกลาง, ดี, ดีเลิศ, ยอดเยี่ยม)",
        f"actuals-2568!{score}: error: a score cannot be negative (-1)",
    ]


def test_a_sar_of_a_year_without_a_report_becomes_a_new_academic_year_report(copy_of, tmp_path):
    plan = copy_of(SCHOOL)
    workbook = export(plan, tmp_path)
    edited = edit(
        workbook,
        {
            ("actuals-2569", at(workbook, "actuals-2569", "std3", "value")): "ยอดเยี่ยม",
            ("actuals-2569", at(workbook, "actuals-2569", "std3", "score")): 4.71,
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    text = (plan / "reports" / "2569.yaml").read_text(encoding="utf-8")
    assert text.splitlines() == [
        "# yaml-language-server: $schema=../../../../schema/report.schema.json",  # as its siblings say
        "academic_year: 2569",
        "actuals:",
        "  - indicator: std3",
        "    value: ยอดเยี่ยม",
        "    score: 4.71",
    ]
    assert load_plan(plan).plan.reports[-1].academic_year == 2569  # type: ignore[union-attr]


def _output_row(workbook: Path, project: str, number: int) -> int:
    ws = openpyxl.load_workbook(workbook)["projects-2567"]
    return next(r for r in range(2, ws.max_row + 1) if ws[f"A{r}"].value == project and ws[f"B{r}"].value == number)


def test_units_targets_and_quarter_targets_typed_on_the_projects_sheet_land_in_their_outputs(copy_of, tmp_path):
    plan = copy_of(OFFICE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    second = _output_row(workbook, "prj-2567-1-3", 2)
    column = {k: at(workbook, "projects-2567", "prj-2567-1-3", k).rstrip("0123456789") for k in ("target", "q2_target")}
    edited = edit(
        workbook,
        {
            ("projects-2567", f"{column['target']}{second}"): "19,600",  # the second output's target
            ("projects-2567", f"{column['q2_target']}{second}"): 19600,
            ("projects-2567", at(workbook, "projects-2567", "prj-2567-1-1", "q4_target")): 16,  # a project of one row
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "projects-2567 (for reading only)" not in run.stdout
    assert text_diff(before, snapshot(plan)) == [
        "action-plans/2567.yaml: -      4: {target: 20, budget: 25000}",
        "action-plans/2567.yaml: +      4: {target: 16, budget: 25000}",
        "action-plans/2567.yaml: -        target: 19541",
        "action-plans/2567.yaml: -        quarters: {1: 19541, 2: 19541, 3: 19541, 4: 19541}",
        "action-plans/2567.yaml: +        target: 19600",
        "action-plans/2567.yaml: +        quarters: {1: 19541, 2: 19600, 3: 19541, 4: 19541}",
    ]


def test_a_context_cell_typed_on_an_output_row_is_refused_and_says_where_to_change_it(copy_of, tmp_path):
    plan = copy_of(OFFICE)
    workbook = export(plan, tmp_path)
    budget = f"{at(workbook, 'projects-2567', 'prj-2567-1-3', 'budget').rstrip('0123456789')}"
    cell = f"{budget}{_output_row(workbook, 'prj-2567-1-3', 2)}"
    run = eduplan("import", str(edit(workbook, {("projects-2567", cell): 500000})), "--into", str(plan))
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == (
        f"projects-2567!{cell}: error: budget is not imported (the plan says nothing): put it back, "
        "or change it in the action plan's YAML"
    )


def test_the_workbook_reads_back_with_the_layout_of_each_kind_of_plan():
    school = load_plan(SCHOOL).plan
    assert school is not None
    sheets = read_workbook(workbook_bytes(school), "school.xlsx")
    assert [s for s in sheets if sheets[s].kind] == [
        "indicators", "projects-2567", "results-2567", "actuals-2567", "actuals-2568", "actuals-2569",
    ]  # fmt: skip
    assert list(sheets["actuals-2568"].columns)[:10] == [
        "policy", "level", "indicator", "number", "name", "parent", "unit", "target", "value", "score",
    ]  # fmt: skip


# -- baselines -----------------------------------------------------------------------------------


def test_baselines_typed_on_the_indicators_sheet_land_in_the_baseline_as_published(copy_of, tmp_path):
    plan = copy_of(OFFICE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    edited = edit(
        workbook,
        {
            ("indicators", at(workbook, "indicators", "p2-i1", "baseline")): 62,
            ("indicators", at(workbook, "indicators", "p1-2-i2", "baseline_no_data")): None,  # was value: n/a
            ("indicators", at(workbook, "indicators", "p1-2-i2", "baseline")): 50,
            ("indicators", at(workbook, "indicators", "p2-1-i1", "baseline_year")): "ปี 65/66",  # none before
            ("indicators", at(workbook, "indicators", "p2-1-i1", "baseline")): 70,
            ("indicators", at(workbook, "indicators", "p1-1-i1", "baseline_year")): None,
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert "p2-1-i1 baseline: (none) -> {year: 2565-2566, value: 70}" in run.stdout
    assert text_diff(before, snapshot(plan)) == [
        "policies/1.yaml: -        baseline: {year: 2565, value: 84.91}",
        "policies/1.yaml: +        baseline: {value: 84.91}",
        "policies/1.yaml: -        baseline: {year: 2565, value: n/a, source: ตัวชี้วัดใหม่ของแผนนี้}",
        "policies/1.yaml: +        baseline: {year: 2565, value: 50, source: ตัวชี้วัดใหม่ของแผนนี้}",
        'policies/2.yaml: -    baseline: {year: "2564/65", value: 61.27, source: ระบบจัดเก็บข้อมูลนักเรียนรายบุคคล (DMC)}',
        'policies/2.yaml: +    baseline: {year: "2564/65", value: 62, source: ระบบจัดเก็บข้อมูลนักเรียนรายบุคคล (DMC)}',
        "policies/2.yaml: +        baseline: {year: 2565-2566, value: 70}",
    ]


SHORT = """\
id: demo
title: แผนทดสอบ
office: {name: สำนักงานทดสอบ}
period: {start: 2567, end: 2568}
policies:
  - id: p1
    number: "1"
    title: นโยบาย
    indicators:
      - id: p1-i1
        number: "1"
        name: ร้อยละของครู
        kind: percent
        baseline: 45
        targets: {2567: 50, 2568: 55}
      - id: p1-i2
        number: "2"
        name: ร้อยละของนักเรียน
        kind: percent
        baseline: n/a
        targets: {2567: 50, 2568: 55}
"""


def test_a_baseline_written_short_becomes_a_mapping_when_a_key_is_added(tree, tmp_path):
    root = tree({"plan.yaml": SHORT})
    workbook = export(root / "plan.yaml", tmp_path / "out")
    edited = edit(
        workbook,
        {
            ("indicators", at(workbook, "indicators", "p1-i1", "baseline_year")): 2566,
            ("indicators", at(workbook, "indicators", "p1-i2", "baseline_source")): "ตัวชี้วัดใหม่",
        },
    )
    run = eduplan("import", str(edited), "--into", str(root / "plan.yaml"))
    assert run.returncode == 0, run.stderr
    text = (root / "plan.yaml").read_text(encoding="utf-8")
    assert "        baseline: {year: 2566, value: 45}\n" in text
    assert "        baseline: {no_data: n/a, source: ตัวชี้วัดใหม่}\n" in text


def test_a_baseline_with_a_value_and_a_reason_or_a_year_that_is_none_is_refused(tree, tmp_path):
    root = tree({"plan.yaml": SHORT})
    workbook = export(root / "plan.yaml", tmp_path / "out")
    year, reason = (
        at(workbook, "indicators", "p1-i1", "baseline_year"),
        at(workbook, "indicators", "p1-i1", "baseline_no_data"),
    )
    run = eduplan(
        "import",
        str(edit(workbook, {("indicators", year): "ปีหน้า", ("indicators", reason): "ยังไม่ได้วัด"})),
        "--into",
        str(root / "plan.yaml"),
    )
    assert run.returncode == 1
    assert run.stderr.splitlines()[0] == (
        f"indicators!{year}: error: 'ปีหน้า' is not a year: write a Buddhist-Era year (2565) or a span "
        "(2564-2565, 2564/65)"
    )
    run = eduplan(
        "import", str(edit(workbook, {("indicators", reason): "ยังไม่ได้วัด"})), "--into", str(root / "plan.yaml")
    )
    assert run.stderr.splitlines()[0] == (
        f"indicators!{reason}: error: give the baseline a value or a reason for no data, not both"
    )


def test_a_change_typed_as_an_actual_or_a_baseline_is_refused_for_a_target_is_where_it_goes(copy_of, tmp_path):
    plan = copy_of(OFFICE)
    workbook = export(plan, tmp_path)
    actual = at(workbook, "actuals-2567", "p2-i1", "value")
    baseline = at(workbook, "indicators", "p2-i1", "baseline")
    edited = edit(workbook, {("actuals-2567", actual): "เพิ่มขึ้น 3", ("indicators", baseline): "ลดลง 1"})
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 1
    assert sorted(run.stderr.splitlines()[:2]) == [
        f"actuals-2567!{actual}: error: 'เพิ่มขึ้น 3' is a change, which a target may be; give the value measured, "
        "such as 64.5 (the status compares it with the target)",
        f"indicators!{baseline}: error: 'ลดลง 1' is a change, which a target may be; give the value measured, "
        "such as 64.5 (the status compares it with the target)",
    ]
