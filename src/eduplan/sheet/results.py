"""Reading a ``results-<year>`` sheet back: the project results (ผลการดำเนินโครงการ) of a report.

One row per project of the year's action plan, matched by the project id. The imported cells:

``done``
    ใช่ / ไม่ใช่ as the export writes them; also yes / no, y / n, true / false (or Excel's TRUE
    and FALSE), 1 / 0, ✓ / ✗ and ดำเนินการแล้ว / ยังไม่ดำเนินการ. A blank cell means "not reported"
    (the key is left out), never "no".
``budget_spent``
    Baht: a number, or text with thousands separators, Thai digits or a trailing บาท. More than
    the project's budget is imported as it is (the rules judge it); a negative amount is an error.
``note``
    The results in words.

The project's number, name and budget are grey context: an edit there is an error (change them
in the action plan). Existing results are edited in place, other projects' results appended to
the report's ``projects:`` list, and a year without a report gets one.
"""

from __future__ import annotations

from eduplan.model import Plan
from eduplan.sheet.cells import done, money, plain
from eduplan.sheet.read import Problem, Sheet
from eduplan.sheet.rows import ImportPlan, Index, Row, context_errors, list_changes, read_row
from eduplan.sheet.tables import Table, report_of

__all__ = ["import_results"]

_READERS = {"done": done, "budget_spent": money, "note": plain}
"""The imported columns of a results sheet, in the order a result's keys are written, with their readers."""


def import_results(
    sheet: Sheet, year: int, plan: Plan, expected: Table | None, seen: dict[str, str], result: ImportPlan
) -> None:
    """Add the changes (and problems) of one ``results-<year>`` sheet to ``result``.

    ``expected`` is the sheet the export would write (its context cells must be unchanged);
    ``seen`` collects the ids of the rows read.
    """
    if "project" not in sheet.columns:
        message = "no project column: the header row must have 'รหัสโครงการ (project)'"
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    action_plan = plan.action_plan_of(year)
    if action_plan is None:
        message = f"the plan has no action plan for {year}: project results need its projects"
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    index = Index.of("project", f"the action plan of {year}", ((p.id, p) for p in action_plan.projects))
    ri, report = report_of(plan, year)
    shown = expected.by_id() if expected else {}
    rows = []
    for row in sheet.rows:
        project = index.find(row["project"], seen, result)
        if project is None:
            continue
        context_errors(row, shown.get(project.id, {}), set(_READERS), f"the action plan of {year}", result)
        cells = read_row(row, _READERS, result)
        if cells is not None:
            rows.append(Row(project.id, cells, row, row["project"].ref))
    list_changes(result, year, ri, "projects", "result", report.projects if report is not None else [], rows)
