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
    The result in a few words (printed under the project's name).
``results``, ``highlights``, ``problems``, ``suggestions``
    The project's narrative (:mod:`eduplan.model.narrative`): one paragraph or point a line of
    the cell; blank lines are left out, and a cleared cell removes the part.

The project's number, name and budget are grey context: an edit there is an error (change them
in the action plan). Existing results are edited in place, other projects' results appended to
the report's ``projects:`` list, and a year without a report gets one.
"""

from __future__ import annotations

from eduplan.i18n import _
from eduplan.model import Plan
from eduplan.sheet.cells import done, lines, money, plain
from eduplan.sheet.read import Problem, Sheet, header_of
from eduplan.sheet.rows import ImportPlan, Index, Row, context_errors, list_changes, read_row, shown_rows
from eduplan.sheet.tables import Table, report_of

__all__ = ["import_results"]

_READERS = {
    "done": done,
    "budget_spent": money,
    "note": plain,
    "results": lines,
    "highlights": lines,
    "problems": lines,
    "suggestions": lines,
}
"""The imported columns of a results sheet, in the order a result's keys are written, with their readers."""


def import_results(
    sheet: Sheet, year: int, plan: Plan, expected: list[Table], seen: dict[str, str], result: ImportPlan
) -> None:
    """Add the changes (and problems) of one ``results-<year>`` sheet to ``result``.

    ``expected`` is the sheet the export would write, in each language (its context cells must be unchanged);
    ``seen`` collects the ids of the rows read.
    """
    if "project" not in sheet.columns:
        header = header_of("results", "project")
        message = _("no project column: the header row must have {header!r}").format(header=header)
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    action_plan = plan.action_plan_of(year)
    if action_plan is None:
        message = _("the plan has no action plan for {year}: project results need its projects").format(year=year)
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    where = _("the action plan of {year}").format(year=year)
    index = Index.of("project", where, ((p.id, p) for p in action_plan.projects))
    ri, report = report_of(plan, year)
    shown = shown_rows(expected)
    rows = []
    for row in sheet.rows:
        project = index.find(row["project"], seen, result)
        if project is None:
            continue
        context_errors(row, shown(project.id), set(_READERS), where, result)
        cells = read_row(row, _READERS, result)
        if cells is not None:
            rows.append(Row(project.id, cells, row, row["project"].ref))
    list_changes(result, year, ri, "projects", report.projects if report is not None else [], rows)
