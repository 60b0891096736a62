"""A single-file plan gets its new reports inside the file: an item under ``reports:``, or the key itself.

A plan directory gets ``reports/<year>.yaml``; a plan in one file has nowhere to put a new file, so
the import appends the report to the file's ``reports:`` list, surgically: every other line,
comment and style stays as written, and the file still loads and validates.
"""

from __future__ import annotations

from tests.annual.xlsx import cell_of, edit, eduplan, export

HEAD = """\
# a whole plan in one file
id: demo
title: แผนทดสอบ
office: {name: สำนักงานทดสอบ}
period: {start: 2566, end: 2567}
policies:
  - id: p1
    number: "1"
    title: นโยบาย   # published as กลยุทธ์
    indicators:
      - id: p1-i1
        number: "1"
        name: ร้อยละของนักเรียน
        unit: ร้อยละ
        kind: percent
        targets: {2566: 80, 2567: 85}
        owner: กลุ่มนโยบายและแผน
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: prj-1, name: โครงการทดสอบ, policy: p1, indicators: [p1-i1], budget: 50000}
"""


def import_2567(plan, tmp_path, *, value=None, spent=None):
    """Export, fill the 2567 cells given, import; the run."""
    workbook = export(plan, tmp_path)
    cells = {}
    if value is not None:
        cells[("actuals-2567", cell_of(workbook, "actuals-2567", "p1-i1", "value"))] = value
    if spent is not None:
        cells[("results-2567", cell_of(workbook, "results-2567", "prj-1", "budget_spent"))] = spent
    run = eduplan("import", str(edit(workbook, cells)), "--into", str(plan))
    assert run.returncode == 0, run.stderr
    assert eduplan("validate", str(plan)).returncode == 0
    return run


def test_a_file_without_reports_gets_the_key_after_the_last_key(tree, tmp_path):
    plan = tree({"plan.yaml": HEAD + "# end of the plan\n"}) / "plan.yaml"
    run = import_2567(plan, tmp_path, value=88, spent="๔๘,๐๐๐")
    assert run.stdout == (
        "read 5 sheets: indicators, projects-2567 (for reading only), results-2567, actuals-2566, actuals-2567\n"
        f"{plan}: new report of 2567 with 1 actual and 1 project result\nimported 2 changes into 1 file\n"
    )
    assert plan.read_text(encoding="utf-8") == HEAD + (
        "reports:\n"
        "  - fiscal_year: 2567\n"
        "    actuals:\n"
        "      - indicator: p1-i1\n"
        "        value: 88\n"
        "    projects:\n"
        "      - project: prj-1\n"
        "        budget_spent: 48000\n"
        "# end of the plan\n"  # a comment after the last key stays last
    )


def test_a_new_report_is_appended_to_the_reports_list(tree, tmp_path):
    reports = "reports:\n  # one report a year\n  - fiscal_year: 2566\n    actuals: [{indicator: p1-i1, value: 70}]\n"
    plan = tree({"plan.yaml": HEAD + reports}) / "plan.yaml"
    import_2567(plan, tmp_path, value=90)
    assert plan.read_text(encoding="utf-8") == HEAD + reports + (
        "  - fiscal_year: 2567\n    actuals:\n      - indicator: p1-i1\n        value: 90\n"
    )


def test_an_empty_flow_list_becomes_a_block_list(tree, tmp_path):
    plan = tree({"plan.yaml": HEAD + "reports: []  # none yet\n"}) / "plan.yaml"
    import_2567(plan, tmp_path, spent=1000)
    assert plan.read_text(encoding="utf-8") == HEAD + (
        "reports:  # none yet\n"
        "  - fiscal_year: 2567\n    projects:\n      - project: prj-1\n        budget_spent: 1000\n"
    )


def test_keys_after_the_place_of_reports_stay_where_they_are(tree, tmp_path):
    """``reports`` is the last key of a plan: written before it, it still goes where the text ends."""
    text = HEAD.replace("action_plans:", "labels: {policy: กลยุทธ์}\naction_plans:")
    plan = tree({"plan.yaml": text}) / "plan.yaml"
    import_2567(plan, tmp_path, value=86)
    assert plan.read_text(encoding="utf-8") == text + (
        "reports:\n  - fiscal_year: 2567\n    actuals:\n      - indicator: p1-i1\n        value: 86\n"
    )
