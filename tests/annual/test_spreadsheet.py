"""Spreadsheets: export the plan to XLSX, edit cells with openpyxl, import them back into the YAML.

The import must change exactly the cells that changed, at their place in the YAML text; bad cells
are reported as sheet!C12 and then nothing is written.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile

import openpyxl

from eduplan.edit.writeback import FileText, trial_load
from eduplan.load.loader import load_plan
from eduplan.sheet.read import read_workbook
from eduplan.sheet.write import workbook_bytes
from tests.annual.xlsx import EXAMPLE, cell_of, edit, eduplan, export, real_eduplan, snapshot, text_diff
from tests.conftest import REAL_PLAN, REPO

# -- the real plan -----------------------------------------------------------------------------


def test_round_trip_on_the_real_plan_changes_exactly_the_edited_cell(copy_of, tmp_path):
    plan = copy_of(REAL_PLAN)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    ref = cell_of(workbook, "indicators", "p3-i19", "2567")
    assert openpyxl.load_workbook(workbook)["indicators"][ref].value == 84  # the published dip 85 -> 84
    run = eduplan("import", str(edit(workbook, {("indicators", ref): 85})), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert f"policies/3.yaml:187:31: p3-i19 target 2567: 84 -> 85  (indicators!{ref})" in run.stdout
    assert text_diff(before, snapshot(plan)) == [
        "policies/3.yaml: -    targets: {2566: 85, 2567: 84, 2568: 86, 2569: 88, 2570: 90}",
        "policies/3.yaml: +    targets: {2566: 85, 2567: 85, 2568: 86, 2569: 88, 2570: 90}",
    ]


def test_importing_an_unedited_export_changes_nothing(copy_of, tmp_path):
    plan = copy_of(REAL_PLAN)
    before = {p: p.stat().st_mtime_ns for p in plan.rglob("*.yaml")}
    workbook = export(plan, tmp_path)
    run = eduplan("import", str(workbook), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        "read 6 sheets: indicators, actuals-2566, actuals-2567, actuals-2568, actuals-2569, actuals-2570\n"
        f"nothing to import: {workbook} matches {plan}\n"
    )
    assert {p: p.stat().st_mtime_ns for p in plan.rglob("*.yaml")} == before


def test_the_indicator_sheet_holds_the_indicator_table():
    plan = load_plan(REAL_PLAN).plan
    sheets = read_workbook(workbook_bytes(plan), "real.xlsx")
    table = sheets["indicators"]
    assert list(table.columns) == [
        "policy", "id", "number", "name", "unit", "kind", "direction",
        "2566", "2567", "2568", "2569", "2570", "owner",
    ]  # fmt: skip
    assert len(table.rows) == 46
    level = next(r for r in table.rows if r["id"].value == "p5-i5")
    assert [level[str(y)].value for y in range(2566, 2571)] == ["ดีมาก"] * 5
    assert "unit" not in {k for k, c in table.rows[0].items() if c.value is None}
    assert sorted(sheets) == [
        "actuals-2566",
        "actuals-2567",
        "actuals-2568",
        "actuals-2569",
        "actuals-2570",
        "indicators",
    ]


def test_the_workbook_is_reproducible_and_honours_source_date_epoch():
    plan = load_plan(EXAMPLE).plan
    assert workbook_bytes(plan) == workbook_bytes(plan)
    when = dt.datetime(2024, 10, 1, 8, 30)
    core = zipfile.ZipFile(io.BytesIO(workbook_bytes(plan, when=when))).read("docProps/core.xml").decode()
    assert "2024-10-01T08:30:00Z" in core
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(workbook_bytes(plan, when=when))).infolist()} == {
        (2024, 10, 1, 8, 30, 0)
    }


# -- actuals on the example --------------------------------------------------------------------


def test_actuals_round_trip_edits_values_in_place_and_appends_new_ones(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    value = cell_of(workbook, "actuals-2567", "p1-i2", "value")
    note = cell_of(workbook, "actuals-2567", "p2-i2", "note")
    no_data = cell_of(workbook, "actuals-2567", "p3-i2", "no_data")
    itavalue = cell_of(workbook, "actuals-2567", "p3-i2", "value")
    edited = edit(
        workbook,
        {
            ("actuals-2567", value): 1.1,
            ("actuals-2567", note): "ตรวจสอบแล้ว",
            ("actuals-2567", no_data): None,
            ("actuals-2567", itavalue): 89.5,
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan), "--year", "2567")
    assert run.returncode == 0, run.stderr
    assert text_diff(before, snapshot(plan)) == [
        "reports/2567.yaml: -    value: 1.4  # above the target of 1.2: not achieved (lower is better)",
        "reports/2567.yaml: +    value: 1.1  # above the target of 1.2: not achieved (lower is better)",
        "reports/2567.yaml: +    note: ตรวจสอบแล้ว",
        "reports/2567.yaml: -    no_data: ผลการประเมิน ITA ประจำปี 2567 ประกาศหลังสิ้นปีงบประมาณ",
        "reports/2567.yaml: +    value: 89.5",
    ]
    assert load_plan(plan).findings == []


def test_a_year_without_a_report_gets_a_new_report_file(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    workbook = export(plan, tmp_path)
    edited = edit(
        workbook,
        {
            ("actuals-2568", cell_of(workbook, "actuals-2568", "p3-i1", "value")): "ดีมาก",
            ("actuals-2568", cell_of(workbook, "actuals-2568", "p1-i1", "measured")): dt.date(2025, 9, 1),
            ("actuals-2568", cell_of(workbook, "actuals-2568", "p1-i1", "value")): 91,
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert (plan / "reports" / "2568.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../../../schema/report.schema.json\n"
        "fiscal_year: 2568\n"
        "actuals:\n"
        "  - indicator: p1-i1\n"
        "    value: 91\n"
        "    measured: 2025-09-01\n"
        "  - indicator: p3-i1\n"
        "    value: ดีมาก\n"
    )
    assert run.stdout.endswith("imported 2 changes into 1 file\n")


def test_year_limits_the_import_to_one_sheet(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    edited = edit(workbook, {("actuals-2566", cell_of(workbook, "actuals-2566", "p1-i1", "value")): 10})
    run = eduplan("import", str(edited), "--into", str(plan), "--year", "2567", "--year", "2570")
    assert run.stdout.splitlines() == [
        "read 5 sheets: indicators, projects-2567 (for reading only), results-2567, actuals-2567, actuals-2570",
        "not read: actuals-2566 (--year 2567 2570)",
        "not read: actuals-2568 (--year 2567 2570)",
        "not read: actuals-2569 (--year 2567 2570)",
        f"nothing to import: {edited} matches {plan}",
    ]
    assert snapshot(plan) == before


def test_clearing_every_cell_of_an_actual_removes_it(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    row = cell_of(workbook, "actuals-2566", "p2-i1", "no_data")
    run = eduplan("import", str(edit(workbook, {("actuals-2566", row): None})), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert text_diff(before, snapshot(plan)) == [
        "reports/2566.yaml: -  - indicator: p2-i1",
        "reports/2566.yaml: -    no_data: สทศ. ยังไม่ประกาศผลการทดสอบ O-NET ปีการศึกษา 2565 รายสำนักงานเขตพื้นที่",
    ]


# -- bad cells ---------------------------------------------------------------------------------


def test_bad_cells_are_located_and_nothing_is_written(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    at = {
        "text": cell_of(workbook, "indicators", "p1-i1", "2567"),
        "percent": cell_of(workbook, "indicators", "p1-i2", "2568"),
        "level": cell_of(workbook, "indicators", "p3-i1", "2569"),
        "range": cell_of(workbook, "indicators", "p2-i3", "2570"),
        "good": cell_of(workbook, "indicators", "p2-i1", "2567"),
        "both": cell_of(workbook, "actuals-2567", "p1-i1", "no_data"),
        "date": cell_of(workbook, "actuals-2567", "p1-i2", "measured"),
        "id": cell_of(workbook, "actuals-2567", "p2-i2", "indicator"),
    }
    book = openpyxl.load_workbook(workbook)
    book["indicators"][at["text"]] = "แปดสิบ"
    book["indicators"][at["percent"]] = 0.9
    book["indicators"][at["percent"]].number_format = "0%"
    book["indicators"][at["level"]] = "ดีเลิศ"
    book["indicators"][at["range"]] = "40..30"
    book["indicators"][at["good"]] = 33  # a good change: not written either
    book["actuals-2567"][at["both"]] = "ไม่มีข้อมูล"
    book["actuals-2567"][at["date"]] = "2567-09-30"
    book["actuals-2567"][at["id"]] = "p9-i9"
    book.save(tmp_path / "bad.xlsx")
    run = eduplan("import", str(tmp_path / "bad.xlsx"), "--into", str(plan))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        f"indicators!{at['text']}: error: expected a number, got the text 'แปดสิบ'",
        f"indicators!{at['percent']}: error: the cell is formatted as a percentage (Excel holds 0.9); "
        "eduplan writes 85 for 85%: clear the % format and type the number",
        f"indicators!{at['range']}: error: the range 40..30 goes down: write the lower bound first",
        f"indicators!{at['level']}: error: 'ดีเลิศ' is not one of the indicator's levels (ปรับปรุง, พอใช้, ดี, ดีมาก)",
        f"actuals-2567!{at['both']}: error: give a value or a reason for no data, not both",
        f"actuals-2567!{at['date']}: error: 2567-09-30 looks like a Buddhist-Era date, but YYYY-MM-DD is "
        "Christian Era: write 2024-09-30, or 30/09/2567 for วัน/เดือน/ปี พ.ศ.",
        f"actuals-2567!{at['id']}: error: no indicator 'p9-i9' in the plan",
        f"eduplan: error: {tmp_path / 'bad.xlsx'}: 7 bad cells; nothing was written",
    ]
    assert snapshot(plan) == before


def test_a_missing_id_column_is_located_at_the_header(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    workbook = export(plan, tmp_path)
    run = eduplan("import", str(edit(workbook, {("indicators", "B1"): None})), "--into", str(plan))
    assert run.returncode == 1
    assert "indicators!A1: error: no id column: the header row must have 'ID (id)'\n" in run.stderr
    assert "indicators!B2: error: a value in a column with no header" in run.stderr  # the ids left below it


def test_edits_to_columns_that_are_not_imported_are_refused(copy_of, tmp_path):
    """A grey context cell is not imported: an edit there is located and nothing is written (never lost quietly)."""
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    ref = cell_of(workbook, "indicators", "p1-i1", "name")
    run = eduplan("import", str(edit(workbook, {("indicators", ref): "ชื่อใหม่"})), "--into", str(plan))
    assert run.returncode == 1
    assert run.stderr.startswith(f"indicators!{ref}: error: name is not imported (the plan says ")
    assert run.stderr.splitlines()[0].endswith("put it back, or change it in the YAML")
    assert snapshot(plan) == before


def test_trouble_exits_2_with_one_line(tmp_path):
    not_a_workbook = tmp_path / "x.xlsx"
    not_a_workbook.write_text("hello", encoding="utf-8")
    run = real_eduplan("import", str(not_a_workbook), "--into", str(EXAMPLE))
    assert run.returncode == 2
    assert run.stderr.startswith(f"eduplan: error: {not_a_workbook}: not an XLSX workbook")
    run = eduplan("export", str(EXAMPLE), "--format", "xlsx")
    assert (run.returncode, run.stderr) == (
        2,
        "eduplan: error: --format xlsx writes a workbook: give the file with -o FILE.xlsx\n",
    )


def test_export_json_to_a_file_matches_stdout(tmp_path):
    out = tmp_path / "plan.json"
    assert eduplan("export", str(EXAMPLE), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == eduplan("export", str(EXAMPLE)).stdout


def test_trial_load_reports_errors_in_the_real_file_names(copy_of):
    plan = copy_of(EXAMPLE)
    path = plan / "reports" / "2567.yaml"
    broken = FileText(path, path.read_text(encoding="utf-8"), "fiscal_year: 2567\nactuals: [{indicator: X}]\n")
    errors = trial_load(plan, [broken])
    assert [(f.code, f.span.file, f.span.line) for f in errors] == [("SC03", str(path), 2)]


SINGLE_FILE = """\
# a whole plan in one file
id: demo
title: แผนทดสอบ
office: {name: สำนักงานทดสอบ}
period: {start: 2566, end: 2567}
policies:
  - id: p1
    number: "1"
    title: นโยบาย
    indicators:
      - id: p1-i1
        number: "1"
        name: ร้อยละของนักเรียน
        kind: percent
        targets: {2566: 80}
reports:
  - fiscal_year: 2566
    actuals:
      - {indicator: p1-i1, value: 70}
"""


def test_a_single_file_plan_is_edited_in_place(tree, tmp_path):
    root = tree({"plan.yaml": SINGLE_FILE})
    plan = root / "plan.yaml"
    workbook = export(plan, tmp_path)
    edited = edit(
        workbook,
        {
            ("indicators", cell_of(workbook, "indicators", "p1-i1", "2567")): 85,
            ("indicators", cell_of(workbook, "indicators", "p1-i1", "unit")): "ร้อยละ",
            ("actuals-2566", cell_of(workbook, "actuals-2566", "p1-i1", "value")): 82,
        },
    )
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert text_diff({"plan": SINGLE_FILE}, {"plan": plan.read_text(encoding="utf-8")}) == [
        "plan: +        unit: ร้อยละ",
        "plan: -        targets: {2566: 80}",
        "plan: +        targets: {2566: 80, 2567: 85}",
        "plan: -      - {indicator: p1-i1, value: 70}",
        "plan: +      - {indicator: p1-i1, value: 82}",
    ]


def test_a_plan_with_errors_is_not_imported_into(tree, tmp_path):
    root = tree({"plan.yaml": SINGLE_FILE.replace("kind: percent", "kind: percent\n        ownr: x")})
    workbook = tmp_path / "any.xlsx"
    workbook.write_bytes(workbook_bytes(load_plan(EXAMPLE).plan))
    run = eduplan("import", str(workbook), "--into", str(root / "plan.yaml"))
    assert run.returncode == 2  # trouble: the command cannot work on the plan, as render, export, diff and gaps
    assert run.stderr.count("\n") == 1
    assert ": SC02 unknown key 'ownr'" in run.stderr
    assert run.stderr.endswith("; see `eduplan validate " + str(root / "plan.yaml") + "`\n")


def test_an_odd_value_the_plan_already_holds_does_not_stop_the_import(tree, tmp_path):
    odd = SINGLE_FILE.replace("targets: {2566: 80}", "targets: {2566: 120}")  # a percent over 100, as published
    plan = tree({"plan.yaml": odd}) / "plan.yaml"
    workbook = export(plan, tmp_path)
    edited = edit(workbook, {("actuals-2566", cell_of(workbook, "actuals-2566", "p1-i1", "value")): 75})
    run = eduplan("import", str(edited), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert plan.read_text(encoding="utf-8") == odd.replace("value: 70}", "value: 75}")
    run = eduplan("import", str(edit(workbook, {("indicators", "H2"): 130})), "--into", str(plan))
    assert run.returncode == 1
    assert "indicators!H2: error: p1-i1 is a percent indicator: 130 is not in 0..100" in run.stderr


def test_a_workbook_without_eduplan_sheets_is_trouble(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(tmp_path / "other.xlsx")
    run = eduplan("import", str(tmp_path / "other.xlsx"), "--into", str(EXAMPLE))
    assert run.returncode == 2
    assert "no sheet of the layout (named 'indicators', 'actuals-<year>' or 'results-<year>'" in run.stderr


def test_a_byte_order_mark_and_crlf_line_ends_survive(tree, tmp_path):
    original = ("\ufeff" + SINGLE_FILE.replace("\n", "\r\n")).encode("utf-8")
    plan = tree({"plan.yaml": original}) / "plan.yaml"
    workbook = export(plan, tmp_path)
    edited = edit(workbook, {("actuals-2566", cell_of(workbook, "actuals-2566", "p1-i1", "note")): "ตรวจแล้ว"})
    assert eduplan("import", str(edited), "--into", str(plan)).returncode == 0
    expected = original.replace(b"value: 70}", "value: 70, note: ตรวจแล้ว}".encode())
    assert plan.read_bytes() == expected


def test_the_readme_shows_real_output(tmp_path, monkeypatch):
    """The README's import example, run again: its output must be what the README prints."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shutil.copytree(EXAMPLE, tmp_path / "annual-cycle")
    monkeypatch.chdir(tmp_path)
    assert eduplan("export", "annual-cycle", "--format", "xlsx", "-o", "plan.xlsx").returncode == 0
    book = openpyxl.load_workbook("plan.xlsx")
    book["actuals-2567"]["G3"], book["actuals-2567"]["G8"], book["actuals-2567"]["H8"] = 1.1, 89.5, None
    book["actuals-2567"]["I3"] = "30 ก.ย. 2567"
    book["indicators"]["I2"] = 86
    book["actuals-2567"].title = "ผลปี2567"
    book.create_sheet("บันทึก")["A1"] = "ส่งภายใน 5 ต.ค."
    book.save("edited.xlsx")
    book["ผลปี2567"]["G4"], book["ผลปี2567"]["I2"] = "สามสิบ", "2567-09-20"
    book["ผลปี2567"].merge_cells("G5:G6")
    book.save("bad.xlsx")
    good = eduplan("import", "edited.xlsx", "--into", "annual-cycle")
    assert f"$ eduplan import edited.xlsx --into annual-cycle\n{good.stdout}" in readme
    bad = eduplan("import", "bad.xlsx", "--into", "annual-cycle")
    assert f"$ eduplan import bad.xlsx --into annual-cycle\n{bad.stdout}{bad.stderr}" in readme
