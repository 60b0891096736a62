"""Project tables of an action plan: โครงการ, หน่วยนับ, เป้าหมาย, งบประมาณ, ผู้รับผิดชอบ, row by row.

A project table's first row names โครงการ (the column of the project's name). Its header may take
two rows (``เป้าหมาย`` merged over ``หน่วยนับ`` and ``จำนวน``). The year the projects are of is
said in the table's header (``งบประมาณ ปี 2567``) or in the paragraphs before it (``แผนปฏิบัติการ
ประจำปีงบประมาณ พ.ศ. 2567``); without one, the table is not imported, and a finding says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eduplan.i18n import _
from eduplan.word.notes import Notes
from eduplan.word.read import Table
from eduplan.word.values import item_number, read_number, years_in
from eduplan.words.thai import arabic_digits

__all__ = ["ProjectColumns", "project_header", "project_rows"]

_EMPTY = ("", "-", "–", "—")


@dataclass
class ProjectColumns:
    """What each grid column of a project table holds (0-based), the header's size and a year it names."""

    header: int
    roles: dict[str, int] = field(default_factory=dict)
    year: int | None = None
    unknown: list[tuple[int, str]] = field(default_factory=list)


def _role(labels: list[str]) -> str | None:
    joined = " ".join(labels)
    last = labels[-1] if labels else ""
    if last in ("ที่", "ลำดับ", "ลำดับที่"):
        return "number"
    if last.startswith("หน่วย"):
        return "unit"
    if last in ("จำนวน", "เป้าหมาย") or (last.startswith("เป้าหมาย") and "ตัวชี้วัด" not in joined):
        return "target"
    if "แหล่งงบประมาณ" in joined or "แหล่งเงิน" in joined:
        return "budget_source"
    if "งบประมาณ" in joined:
        return "budget"
    if "รับผิดชอบ" in joined:
        return "owner"
    if last.startswith("โครงการ") or last.startswith("ชื่อโครงการ"):
        return "name"
    return None


def project_header(table: Table) -> ProjectColumns | None:
    """The columns of ``table`` when it is a project table (its first row names โครงการ), else None."""
    grid = table.grid()
    if not grid or not any(" ".join(t.split()).startswith(("โครงการ", "ชื่อโครงการ")) for t in grid[0]):
        return None
    size = 1
    while size < min(len(grid), 3) and all(
        not t.strip() or _role([" ".join(t.split())]) is not None or years_in(t) for t in grid[size]
    ):
        size += 1
    columns = ProjectColumns(size)
    for col in range(len(grid[0])):
        labels = list(dict.fromkeys(" ".join(grid[r][col].split()) for r in range(size) if grid[r][col].strip()))
        role = _role(labels)
        if role is None or role in columns.roles:
            columns.unknown.append((col, " / ".join(labels)))
            continue
        columns.roles[role] = col
        if role == "budget" and (years := [y for label in labels for y in years_in(label)]):
            columns.year = years[-1]
    return columns


def project_rows(
    table: Table, columns: ProjectColumns, notes: Notes, policy: str | None, start: int
) -> list[dict[str, Any]]:
    """The projects of ``table`` (without ids), each of ``policy``; notes for the cells not read."""
    grid = table.grid()
    projects: list[dict[str, Any]] = []
    roles = columns.roles
    for r in range(start, len(grid)):
        line = [" ".join(t.split()) for t in grid[r]]
        if not any(line) or line == [" ".join(t.split()) for t in grid[0]]:
            continue
        name = line[roles["name"]] if "name" in roles else ""
        number = line[roles["number"]] if "number" in roles else ""
        if not number and (split := item_number(name)):
            number, name = split
        if not name or len(set(t for t in line if t)) == 1 and len(line) > 1 and all(line):
            message = _("a row that names no project; not read: {text!r}").format(text=" ".join(line)[:60])
            notes.at_table("WD01", table.number, message, r + 1)
            continue
        if policy is None:
            message = _("a project outside any level of the strategy; not read")
            notes.at_table("WD01", table.number, message, r + 1)
            continue
        project: dict[str, Any] = {"number": number} if number else {}
        project |= {"name": name, "policy": policy}
        _values(project, table, columns, notes, r)
        projects.append(project)
    for col, label in columns.unknown:
        if any(grid[k][col].strip() for k in range(start, len(grid))):
            notes.column_not_read(table.number, col + 1, label)
    return projects


def _values(project: dict[str, Any], table: Table, columns: ProjectColumns, notes: Notes, r: int) -> None:
    """Unit, target, budget, budget source and owner of row ``r`` into ``project``."""
    roles = columns.roles
    cells = table.grid()[r]
    line = [" ".join(t.split()) for t in cells]
    if "unit" in roles and line[roles["unit"]] not in _EMPTY:
        project["unit"] = line[roles["unit"]]
    if "target" in roles and line[roles["target"]] not in _EMPTY:
        text = line[roles["target"]]
        value = read_number(text)
        project["target"] = value if value is not None else text
    if "budget" in roles and line[roles["budget"]] not in _EMPTY:
        text = line[roles["budget"]]
        amount = read_number(arabic_digits(text).removesuffix("บาท").strip())
        if amount is None or amount < 0:
            message = _("cannot read {text!r} as a budget in baht").format(text=text)
            notes.at_table("WD01", table.number, message, r + 1, roles["budget"] + 1)
        else:
            project["budget"] = amount
    for role in ("budget_source", "owner"):
        if role in roles and line[roles[role]] not in _EMPTY:
            project[role] = ", ".join(cells[roles[role]].split("\n"))
