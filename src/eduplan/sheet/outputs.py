"""Reading a ``projects-<year>`` sheet back: the units, targets and quarter targets of the projects' outputs.

An action plan whose projects count things (หน่วยนับ, เป้าหมาย: a ``unit`` and ``target`` per project,
or ``outputs`` for a project over several rows) gets a projects sheet whose ``unit``, ``target`` and
``q1_target`` .. ``q4_target`` columns are imported: each row edits its output (the project's first
row its first output, the row of ``output`` 2 its second) or, for a project of one row, the
project's own unit, target and quarter targets. A quarter target is a number in the unit, or words.
Every other cell is grey context. An action plan without units keeps a sheet that is for reading
only: every cell must still show what the YAML holds.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eduplan.edit.yamledit import DELETE
from eduplan.i18n import _
from eduplan.model import ActionPlan, Plan, Project
from eduplan.sheet.cells import plain, quantity, same
from eduplan.sheet.layout import Table, row_key
from eduplan.sheet.read import Cell, Problem, Sheet, header_of
from eduplan.sheet.rows import Change, ImportPlan, Index, context_errors, read_row, shown_rows

__all__ = ["OUTPUT_KEYS", "editable", "import_projects"]

_QUARTERS = (1, 2, 3, 4)
OUTPUT_KEYS = ("unit", "target", *(f"q{q}_target" for q in _QUARTERS))
"""The imported columns of a projects sheet whose action plan counts things."""


def editable(table: Table) -> bool:
    """Whether a projects sheet imports its output columns (its action plan gives projects units)."""
    return any(c.key == "unit" for c in table.columns)


_READERS = {"unit": plain, "target": quantity, **{f"q{q}_target": quantity for q in _QUARTERS}}


def import_projects(sheet: Sheet, plan: Plan, tables: list[Table], seen: dict[str, str], result: ImportPlan) -> None:
    """Add the changes (and problems) of one ``projects-<year>`` sheet to ``result``.

    ``tables`` is the sheet as the export writes it, in each language (the run's first).
    """
    if "id" not in sheet.columns:
        message = _("no id column: the header row must have {header!r}").format(header=header_of("projects", "id"))
        result.problems.append(Problem(sheet.header_ref(), message))
        return
    expected = tables[0]
    ai, action_plan = next((i, a) for i, a in enumerate(plan.action_plans) if a.year == expected.year)
    importing = editable(expected)
    where = _("the action plan's YAML") if importing else _("the action plan's YAML (this sheet is for reading only)")
    index = Index.of("project", _("the action plan of {year}").format(year=expected.year), expected.by_id().items())
    views = shown_rows(tables)
    typed: dict[str, dict[int, tuple[dict[str, Any], dict[str, Cell]]]] = {}
    for row in sheet.rows:
        output = row.get("output")
        values = {"id": row["id"].value, "output": output.value if output is not None else None}
        key = row_key("projects", values)
        shown = index.find(dataclasses.replace(row["id"], value=key or None), seen, result)
        if shown is None:
            continue
        context_errors(row, views(key), set(OUTPUT_KEYS) if importing else set(), where, result)
        cells = read_row(row, _READERS, result) if importing else None
        if cells is not None:
            number = int(shown["output"]) if shown.get("output") is not None else 1
            typed.setdefault(str(shown["id"]), {})[number] = (cells, row)
    for pi, project in enumerate(action_plan.projects):
        for number, (cells, row) in typed.get(project.id, {}).items():
            result.changes += _changes(action_plan, ai, pi, project, number, cells, row)


def _changes(
    action_plan: ActionPlan, ai: int, pi: int, p: Project, number: int, cells: dict[str, Any], row: dict[str, Cell]
) -> list[Change]:
    """The changes of one row: an output's unit, target and quarters, or the project's own."""
    base: tuple[str | int, ...] = ("action_plans", ai, "projects", pi)
    if p.outputs:
        what = _("{id} output {number} {year}").format(id=p.id, number=number, year=action_plan.year)
    else:
        what = f"{p.id} {action_plan.year}"
    out: list[Change] = []
    if p.outputs:
        base = (*base, "outputs", number - 1)
        holder: Any = p.outputs[number - 1]
    else:
        holder = p
    for key in ("unit", "target"):
        if key in cells and not same(cells[key], getattr(holder, key)):
            cell = row[key]
            new = DELETE if cells[key] is None else cells[key]
            named = _("{what} {key}").format(what=what, key=key)
            out.append(Change((*base, key), new, getattr(holder, key), named, cell.ref, cell.formula))
    typed = {q: cells[f"q{q}_target"] for q in _QUARTERS if f"q{q}_target" in cells}
    if p.outputs:
        old = dict(p.outputs[number - 1].quarters)
        return out + _quarters((*base, "quarters"), old, typed, None, what, row)
    old = {q: v.target for q, v in p.quarters.items() if v.target is not None}
    budgets = {q for q, v in p.quarters.items() if v.budget is not None}
    return out + _quarters((*base, "quarters"), old, typed, budgets, what, row)


def _quarters(
    path: tuple[str | int, ...],
    old: dict[Any, Any],
    typed: dict[int, Any],
    budgets: set[Any] | None,
    what: str,
    row: dict[str, Cell],
) -> list[Change]:
    """Changes to quarter targets: ``{1: 106}`` of an output, or ``{1: {target: 106}}`` of a project.

    ``budgets`` is ``None`` for an output's quarters (the values themselves), else the quarters of
    the project that hold a budget (a quarter left with neither is removed whole).
    """
    changed = {q: v for q, v in typed.items() if not same(v, old.get(q))}
    if not changed:
        return []
    funded = budgets or set()
    held = set(old) | funded
    after = {q for q in held | set(changed) if changed.get(q, old.get(q)) is not None or q in funded}
    first = row[f"q{min(changed)}_target"]
    if not after:
        return [Change(path, DELETE, old, _("{what} quarters").format(what=what), first.ref)]
    if not held:
        whole = {q: v if budgets is None else {"target": v} for q, v in sorted(changed.items()) if v is not None}
        return [Change(path, whole, None, _("{what} quarters").format(what=what), first.ref)]
    out = []
    for q, new in sorted(changed.items()):
        cell = row[f"q{q}_target"]
        label = _("{what} q{quarter} target").format(what=what, quarter=q)
        if budgets is None:
            out.append(Change((*path, q), DELETE if new is None else new, old.get(q), label, cell.ref, cell.formula))
        elif q not in held:
            out.append(Change((*path, q), {"target": new}, None, label, cell.ref, cell.formula))
        elif new is None and q not in budgets:
            out.append(Change((*path, q), DELETE, old.get(q), label, cell.ref, cell.formula))
        else:
            value = DELETE if new is None else new
            out.append(Change((*path, q, "target"), value, old.get(q), label, cell.ref, cell.formula))
    return out
