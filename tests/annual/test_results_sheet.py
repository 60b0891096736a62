"""Project results (ผลการดำเนินโครงการ) through the workbook: the ``results-<year>`` sheet.

The export writes one row per project of a year's action plan with the report's result (done,
budget_spent, note, and the project's narrative: results, highlights, problems, suggestions, one
paragraph or point a line); the import reads those columns back into the report's ``projects:``
list, editing results in place, appending new ones, or creating the year's report.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduplan.load.loader import load_plan
from eduplan.sheet.importer import plan_import
from eduplan.sheet.read import read_workbook
from eduplan.sheet.tables import MARK
from eduplan.sheet.write import workbook_bytes
from tests.annual.test_single_file_reports import HEAD
from tests.annual.xlsx import EXAMPLE, cell_of, edit, eduplan, export, snapshot, text_diff
from tests.conftest import REPO

REPORT = "reports/2567.yaml"


def test_the_results_sheet_lists_every_project_of_the_action_plan_with_its_result(tmp_path):
    book = openpyxl.load_workbook(export(EXAMPLE, tmp_path))
    assert book.sheetnames[:3] == ["indicators", "projects-2567", "results-2567"]
    assert "results-2566" not in book.sheetnames  # 2566 has a report but no action plan
    rows = list(book["results-2567"].iter_rows(values_only=True))
    assert rows[0] == (  # an English run's workbook (tests/i18n/test_sheet_th.py: the Thai one)
        "Project ID (project)",
        "No. (number)",
        "Project/main activity (name)",
        "Budget (baht) (budget)",
        "Done (done)",
        "Spent (baht) (budget_spent)",
        "Results/note (note)",
        "Results in words (one paragraph a line) (results)",
        "Notable results and good practice (one a line) (highlights)",
        "Problems and obstacles (one a line) (problems)",
        "Suggestions (one a line) (suggestions)",
    )
    assert [r[0] for r in rows[1:]] == ["prj-2567-01", "prj-2567-02", "prj-2567-03", "prj-2567-04"]
    assert rows[2][3:7] == (85000, "yes", 85000, None)
    assert rows[4][9:] == ("รอระบบเว็บไซต์กลางของ สพฐ. จึงยังไม่ได้ปรับปรุงเว็บไซต์ของสำนักงาน", None)  # one point a line
    assert rows[4][4:6] == ("no", 30000)
    sheet = book["results-2567"]
    grey = [c.column_letter for c in sheet[2] if c.fill.fgColor.rgb == "00EDEDED"]
    assert grey == ["A", "B", "C", "D"]  # context; done, budget_spent and note are white
    assert sheet["F2"].number_format == "#,##0"
    assert [str(v.sqref) for v in sheet.data_validations.dataValidation] == ["E2:E5"]


def test_edited_results_change_exactly_those_values_and_the_plan_still_validates(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    at = {key: cell_of(workbook, "results-2567", "prj-2567-02", key) for key in ("done", "budget_spent", "note")}
    over = cell_of(workbook, "results-2567", "prj-2567-04", "budget_spent")
    cells = {
        ("results-2567", at["done"]): "ไม่ใช่",
        ("results-2567", at["budget_spent"]): "๘๐,๕๐๐",  # Thai digits with a thousands separator
        ("results-2567", at["note"]): "ดำเนินการได้ร้อยละ 80",
        ("results-2567", over): 52000,  # more than the budget of 45,000: imported as it is
    }
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, "")
    assert f"prj-2567-02 result 2567 budget_spent: 85000 -> 80500  (results-2567!{at['budget_spent']})" in run.stdout
    assert run.stdout.endswith("imported 4 changes into 1 file\n")
    assert text_diff(before, snapshot(plan)) == [
        f"{REPORT}: -    done: true",
        f"{REPORT}: -    budget_spent: 85000",
        f"{REPORT}: +    done: false",
        f"{REPORT}: +    budget_spent: 80500",
        f"{REPORT}: +    note: ดำเนินการได้ร้อยละ 80",
        f"{REPORT}: -    budget_spent: 30000",
        f"{REPORT}: +    budget_spent: 52000",
    ]
    assert eduplan("validate", str(plan)).returncode == 0


def test_a_projects_narrative_comes_back_one_point_a_line_and_a_cleared_cell_removes_the_part(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    problems = cell_of(workbook, "results-2567", "prj-2567-02", "problems")
    cleared = cell_of(workbook, "results-2567", "prj-2567-03", "suggestions")
    kept = cell_of(workbook, "results-2567", "prj-2567-03", "highlights")
    cells = {
        ("results-2567", problems): "ครูแนะแนวไม่เพียงพอ\n\n  ผู้ปกครองย้ายที่อยู่ระหว่างภาคเรียน  ",  # a blank line is no point
        ("results-2567", cleared): None,
    }
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan))
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.endswith("imported 2 changes (1 removal) into 1 file\n")
    assert text_diff(before, snapshot(plan)) == [
        f"{REPORT}: +    problems: [ครูแนะแนวไม่เพียงพอ, ผู้ปกครองย้ายที่อยู่ระหว่างภาคเรียน]",
        f"{REPORT}: -    suggestions:",
        f"{REPORT}: -      - จัดอบรมแบบออนไลน์เสริมสำหรับครูที่เข้ารับการอบรมไม่ครบ",
    ]
    again = export(plan, tmp_path / "again")
    assert openpyxl.load_workbook(again)["results-2567"][kept].value == (
        "โรงเรียนตัวอย่างวิทยาได้รับคัดเลือกเป็นต้นแบบการจัดการเรียนรู้ฐานสมรรถนะระดับภูมิภาค"
    )
    assert eduplan("import", str(again), "--into", str(plan)).stdout.startswith("read 8 sheets")
    assert eduplan("validate", str(plan)).returncode == 0


def test_a_project_without_a_result_is_appended_and_a_blank_done_is_left_out(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    report = plan / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("  - project: prj-2567-02\n    done: true\n    budget_spent: 85000\n", ""), "utf-8")
    workbook = export(plan, tmp_path)
    row = {key: cell_of(workbook, "results-2567", "prj-2567-02", key) for key in ("done", "budget_spent")}
    assert openpyxl.load_workbook(workbook)["results-2567"][row["done"]].value is None
    cleared = cell_of(workbook, "results-2567", "prj-2567-04", "done")
    cells = {("results-2567", row["budget_spent"]): "84,000 บาท", ("results-2567", cleared): None}
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert (  # at the end of the projects' list, before the report's words (policies:, summary:...)
        "  - project: prj-2567-04\n"
        "    budget_spent: 30000\n"
        "    note: เลื่อนการปรับปรุงเว็บไซต์ไปปีงบประมาณ 2568\n"
        "    problems:\n"
        "      - รอระบบเว็บไซต์กลางของ สพฐ. จึงยังไม่ได้ปรับปรุงเว็บไซต์ของสำนักงาน\n"
        "  - project: prj-2567-02\n"
        "    budget_spent: 84000\n"
        "policies:\n"
    ) in report.read_text(encoding="utf-8")
    assert load_plan(plan).findings == []


def test_a_report_without_projects_gets_the_key_and_a_year_without_a_report_gets_a_file(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    report = plan / REPORT
    report.write_text(report.read_text(encoding="utf-8").split("projects:")[0], "utf-8")
    workbook = export(plan, tmp_path)
    cells = {("results-2567", cell_of(workbook, "results-2567", "prj-2567-03", "done")): "✓"}
    assert eduplan("import", str(edit(workbook, cells)), "--into", str(plan)).returncode == 0
    assert report.read_text(encoding="utf-8").endswith(
        "    no_data: ผลการประเมิน ITA ประจำปี 2567 ประกาศหลังสิ้นปีงบประมาณ\n"
        "projects:\n"
        "  - project: prj-2567-03\n"
        "    done: true\n"
    )
    report.unlink()  # now no report of 2567 at all: the import writes reports/2567.yaml
    run = eduplan("import", str(edit(export(plan, tmp_path), cells)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert f"{report}: new report of 2567 with 1 project result\n" in run.stdout
    assert report.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../../../../schema/report.schema.json\n"
        "fiscal_year: 2567\n"
        "projects:\n"
        "  - project: prj-2567-03\n"
        "    done: true\n"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [("yes", True), ("ใช่", True), ("✔", True), (True, True), (1, True), ("No", False), ("✗", False), (False, False)],
)
def test_done_reads_the_usual_ways_of_saying_yes_and_no(copy_of, tmp_path, written, expected):
    plan = copy_of(EXAMPLE)
    workbook = export(plan, tmp_path)
    cells = {("results-2567", cell_of(workbook, "results-2567", "prj-2567-04", "done")): written}
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert load_plan(plan).plan.reports[1].projects[3].done is expected


def test_bad_result_cells_are_located_and_nothing_is_written(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    done = cell_of(workbook, "results-2567", "prj-2567-01", "done")
    negative = cell_of(workbook, "results-2567", "prj-2567-02", "budget_spent")
    words = cell_of(workbook, "results-2567", "prj-2567-03", "budget_spent")
    name = cell_of(workbook, "results-2567", "prj-2567-03", "name")
    unknown = cell_of(workbook, "results-2567", "prj-2567-04", "project")
    cells = {
        ("results-2567", done): "ทำบางส่วน",
        ("results-2567", negative): -500,
        ("results-2567", words): "แปดหมื่น",
        ("results-2567", name): "ชื่อใหม่",  # context: a warning, not an error
        ("results-2567", unknown): "prj-2567-09",
        ("results-2567", "A6"): "prj-2567-01",  # a second row for the same project
    }
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"results-2567!{done}: error: expected ใช่ or ไม่ใช่ (yes/no, ✓/✗), or a blank cell when not reported; "
        "got 'ทำบางส่วน'",
        f"results-2567!{negative}: error: an amount in baht cannot be negative (-500)",
        f"results-2567!{name}: error: name is not imported (the plan says "
        "'โครงการยกระดับผลสัมฤทธิ์ทางการเรียนและพัฒนาหลักสูตรฐานสมรรถนะ'): put it back, or change it in the action plan "
        "of 2567",
        f"results-2567!{words}: error: expected a number, got the text 'แปดหมื่น'",
        f"results-2567!{unknown}: error: no project 'prj-2567-09' in the action plan of 2567",
        "results-2567!A6: error: prj-2567-01 appears twice (also at results-2567!A2)",
        f"eduplan: error: {tmp_path / 'edited.xlsx'}: 6 bad cells; nothing was written",
    ]
    assert snapshot(plan) == before


def test_a_results_sheet_for_a_year_without_an_action_plan_is_located_at_its_header(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    book = openpyxl.load_workbook(export(plan, tmp_path))
    book["results-2567"].title = "results-2568"
    del book["results-2568"].defined_names[MARK]  # as if typed by hand: the name says the year
    book.save(tmp_path / "renamed.xlsx")
    run = eduplan("import", str(tmp_path / "renamed.xlsx"), "--into", str(plan))
    assert run.returncode == 1
    assert run.stderr.startswith(
        "results-2568!A1: error: the plan has no action plan for 2568: project results need its projects\n"
    )


def test_a_dry_run_shows_the_changes_and_writes_nothing(copy_of, tmp_path):
    plan = copy_of(EXAMPLE)
    before = snapshot(plan)
    workbook = export(plan, tmp_path)
    cells = {("results-2567", cell_of(workbook, "results-2567", "prj-2567-01", "note")): "ครบทุกโรงเรียน"}
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan), "--dry-run")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "read 8 sheets: indicators, projects-2567 (for reading only), results-2567, "
        "actuals-2566, actuals-2567, actuals-2568, actuals-2569, actuals-2570",
        f"{plan / REPORT}:29:11: prj-2567-01 result 2567 note: อบรมนักเรียนแกนนำ 612 คน จาก 30 โรงเรียน -> "
        "ครบทุกโรงเรียน  (results-2567!G2)",
        "dry run: would import 1 change into 1 file; nothing was written",
    ]
    assert snapshot(plan) == before


# -- an unedited export changes nothing, however the results are written --------------------------

PLAN = """\
id: demo
title: แผนทดสอบ
office: {name: สำนักงานทดสอบ}
period: {start: 2567, end: 2567}
policies:
  - id: p1
    number: "1"
    title: นโยบาย
    indicators:
      - {id: p1-i1, number: "1", name: ร้อยละของนักเรียน, kind: percent, targets: {2567: 80}}
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: a, name: โครงการ ก, policy: p1, budget: 100000}
      - {id: b, name: โครงการ ข, policy: p1}
      - {id: c, name: โครงการ ค, policy: p1, budget: 2500.5}
reports:
  - fiscal_year: 2567
    projects:
"""

AMOUNTS = ["0", "85000", "85,000", "๘๕,๐๐๐", "1250.75", "120000.0", "๑๒.๕"]
NOTES = st.text(st.sampled_from("กขคง ำ่ab1,.:#'\"-=%\n"), min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def results(draw: st.DrawFn) -> str:
    """The ``projects:`` items of a report: some projects, each with any of its fields, block or flow."""
    lines = []
    for project in draw(st.lists(st.sampled_from("abc"), unique=True)):
        flow = draw(st.booleans())  # {project: a, done: true} or a block mapping
        fields = {"project": project}
        if draw(st.booleans()):
            fields["done"] = draw(st.sampled_from(["true", "false"]))
        if draw(st.booleans()):  # 85,000 reads as a number in a block only: a comma ends a flow entry
            fields["budget_spent"] = draw(st.sampled_from([a for a in AMOUNTS if not flow or "," not in a]))
        if draw(st.booleans()):
            fields["note"] = json.dumps(draw(NOTES), ensure_ascii=False)
        if flow:
            lines.append("      - {" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}")
        else:
            lines += [f"      {'- ' if i == 0 else '  '}{k}: {v}" for i, (k, v) in enumerate(fields.items())]
    return "\n".join(lines) + "\n" if lines else ""


@settings(max_examples=25, deadline=None)
@given(results())
def test_an_unedited_export_imports_as_nothing(items):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_text(PLAN + (items or "      []\n"), "utf-8")
        loaded = load_plan(path)
        assert [f for f in loaded.findings if f.severity.value == "error"] == []
        planned = plan_import(loaded.plan, read_workbook(workbook_bytes(loaded.plan), "plan.xlsx"))
        assert (planned.changes, planned.new_reports, planned.problems) == ([], {}, [])


def test_the_readme_shows_real_output(tmp_path, monkeypatch):
    """The README's project-results and single-file examples, run again."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shutil.copytree(EXAMPLE, tmp_path / "annual-cycle")
    (tmp_path / "demo.yaml").write_text(HEAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert eduplan("export", "annual-cycle", "--format", "xlsx", "-o", "plan.xlsx").returncode == 0
    book = openpyxl.load_workbook("plan.xlsx")
    book["results-2567"]["E3"], book["results-2567"]["F3"] = "ไม่ใช่", "80,500"
    book["results-2567"]["G3"] = "เยี่ยมบ้านได้ 2 ใน 3 อำเภอ"
    book.save("results.xlsx")
    run = eduplan("import", "results.xlsx", "--into", "annual-cycle")
    assert f"$ eduplan import results.xlsx --into annual-cycle\n{run.stdout}```" in readme
    assert eduplan("export", "demo.yaml", "--format", "xlsx", "-o", "demo.xlsx").returncode == 0
    book = openpyxl.load_workbook("demo.xlsx")
    book["actuals-2567"]["G2"], book["results-2567"]["E2"], book["results-2567"]["F2"] = 88, "ใช่", 48000
    book.save("demo-edited.xlsx")
    run = eduplan("import", "demo-edited.xlsx", "--into", "demo.yaml")
    tail = "".join(Path("demo.yaml").read_text(encoding="utf-8").splitlines(keepends=True)[-9:])
    assert f"$ eduplan import demo-edited.xlsx --into demo.yaml\n{run.stdout}$ tail -9 demo.yaml\n{tail}```" in readme
