"""Indicator tables: the header's columns (merged cells and all), then each row as an indicator or a group.

A header is the table's first rows: the first names ตัวชี้วัด, and each row after it whose every
cell is a header word or a year (``2566``, ``ปี ๒๕๖๖``) belongs to it, so a merged ``ค่าเป้าหมาย``
spanning the year columns above a row of years reads as one year per column. A column's role comes
from all its header text (a vertically merged ``ที่`` or ``หน่วยนับ`` covers both rows).

Rows after the header are indicators (number, name, unit, baseline, a target per year, owner),
a repeat of the header (Word repeats it on each page: the row is skipped), a group (one text across
the row, such as ``ประเด็นยุทธศาสตร์ที่ 1 ...``: the caller decides what it names), or empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from eduplan.i18n import _
from eduplan.word.notes import Notes
from eduplan.word.read import Table
from eduplan.word.values import EMPTY, item_number, kind_of_unit, read_baseline, read_target, years_in
from eduplan.words.thai import arabic_digits

__all__ = ["Columns", "Row", "header_of", "read_rows"]

_ROLES = (
    ("baseline", ("ค่าฐาน", "ข้อมูลฐาน", "ฐานข้อมูล", "ข้อมูลพื้นฐาน", "ผลการดำเนินงาน", "baseline")),
    ("owner", ("รับผิดชอบ",)),
    ("unit", ("หน่วยนับ", "หน่วย")),
    ("name", ("ตัวชี้วัด",)),
    ("source", ("แหล่งข้อมูล", "ที่มาของข้อมูล")),
    ("notes", ("หมายเหตุ",)),
)
_NUMBER_WORDS = ("ที่", "ลำดับ", "ลำดับที่", "ข้อ", "no.", "no")
_HEADER_WORDS = ("ค่าเป้าหมาย", "เป้าหมาย", "ปีงบประมาณ", "ปีการศึกษา", "ปี", "พ.ศ.", "ค่าเป้าหมายรายปี")
_YEAR_WORDS = re.compile(r"ค่าเป้าหมาย|เป้าหมาย|ปีงบประมาณ|ปีการศึกษา|พ\.ศ\.|ปี")


@dataclass
class Columns:
    """What each grid column of an indicator table holds (0-based columns), and its header's size."""

    header: int
    """How many rows the header takes."""
    grid: list[list[str]]
    """The header rows' text on the grid (to recognise a repeated header)."""
    roles: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    """Column -> the year of its targets."""
    baseline_year: int | str | None = None
    unknown: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Row:
    """One row read: an indicator (``data``, without id), a group heading (``text``), with its row number."""

    row: int
    number: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    inferred_kind: bool = False


def _flat(text: str) -> str:
    return " ".join(text.split())


def _year_label(text: str) -> int | None:
    """The year a header cell names: ``2566``, ``ปี ๒๕๖๖``, ``ปีงบประมาณ พ.ศ. 2566``, ``ปี 66``, ``2566 (ร้อยละ)``."""
    flat = re.sub(r"\([^)]*\)", " ", arabic_digits(_flat(text)))
    short = bool(re.search(r"ปี|พ\.ศ\.", flat))
    rest = _flat(_YEAR_WORDS.sub(" ", flat))
    if re.fullmatch(r"25\d\d", rest):
        return int(rest)
    if short and re.fullmatch(r"\d\d", rest):
        return 2500 + int(rest)
    return None


def _role(text: str) -> str | None:
    flat = _flat(text).lower()
    if flat in _NUMBER_WORDS:
        return "number"
    return next((role for role, words in _ROLES if any(w in flat for w in words)), None)


def _is_header_word(text: str) -> bool:
    flat = _flat(text)
    return not flat or flat in _HEADER_WORDS or _role(flat) is not None or _year_label(flat) is not None


def header_of(table: Table) -> Columns | None:
    """The columns of ``table`` when it is an indicator table (its first row names ตัวชี้วัด), else None."""
    grid = table.grid()
    if not grid or not any("ตัวชี้วัด" in text for text in grid[0]):
        return None
    if any(" ".join(t.split()).startswith(("โครงการ", "ชื่อโครงการ")) for t in grid[0]):
        return None  # a project table, with its own ตัวชี้วัดความสำเร็จ column
    size = 1
    while size < min(len(grid), 4) and all(_is_header_word(t) for t in grid[size]) and any(grid[size]):
        size += 1
    size = max(size, min(table.repeated, 4, len(grid)))  # rows marked to repeat on each page are the header
    columns = Columns(size, grid[:size])
    for col in range(len(grid[0])):
        labels = list(dict.fromkeys(_flat(grid[r][col]) for r in range(size) if grid[r][col].strip()))
        role = next((r for r in (_role(label) for label in labels) if r == "baseline"), None)
        year = next((y for y in (_year_label(label) for label in labels) if y is not None), None)
        if role is None and year is not None:
            columns.years[col] = year
            continue
        role = role or next((r for r in (_role(label) for label in labels) if r is not None), None)
        if role is None or role in columns.roles:
            columns.unknown.append((col, " / ".join(labels)))
            continue
        columns.roles[role] = col
        if role == "baseline":
            found = [y for label in labels for y in years_in(label)]
            columns.baseline_year = found[-1] if found else None
    return columns


def same_header(columns: Columns, table: Table) -> bool:
    """Whether ``table`` starts with the header ``columns`` was read from (a table continued on a new page)."""
    grid = table.grid()
    return [[_flat(t) for t in row] for row in grid[: columns.header]] == [
        [_flat(t) for t in row] for row in columns.grid
    ]


def read_rows(table: Table, columns: Columns, notes: Notes, start: int) -> list[Row]:
    """The rows of ``table`` from row ``start`` (0-based) on, as indicators and groups; notes for what is not read."""
    grid = table.grid()
    header = [[_flat(t) for t in row] for row in columns.grid]
    rows: list[Row] = []
    r = start
    while r < len(grid):
        line = grid[r]
        if [[_flat(t) for t in row] for row in grid[r : r + columns.header]] == header:
            notes.at_table("WD02", table.number, _("the header repeats here (a page break); read on"), r + 1)
            r += columns.header
            continue
        texts = [t for t in line if t.strip()]
        if not texts:
            r += 1
            continue
        if len(set(texts)) == 1 and len(texts) == len(line) and len(line) > 1:
            rows.append(Row(r + 1, text=_flat(texts[0])))
            r += 1
            continue
        rows.append(_indicator(table, columns, notes, r))
        r += 1
    for col, label in columns.unknown:
        if any(grid[k][col].strip() for k in range(start, len(grid))):
            notes.column_not_read(table.number, col + 1, label)
    _said(table, columns, notes, start)
    return [row for row in rows if row.data or row.text]


def _said(table: Table, columns: Columns, notes: Notes, start: int) -> None:
    """One note per table for the cells of several lines read as one, and the numbers Word's numbering gave."""
    cells = [c for row in table.rows[start:] for c in row if not c.covered]
    text_columns = {columns.roles[r] for r in ("name", "unit", "source", "notes") if r in columns.roles}
    lines = sum(1 for c in cells if "\n" in c.text and c.column - 1 in text_columns)
    if lines:
        message = _("{count} cell(s) of two or more lines read as one line (joined by a space)").format(count=lines)
        notes.at_table("WD02", table.number, message)
    auto = sum(1 for c in cells if c.auto)
    if auto:
        message = _("{count} number(s) in cells come from Word's automatic numbering").format(count=auto)
        notes.at_table("WD02", table.number, message)


def _indicator(table: Table, columns: Columns, notes: Notes, r: int) -> Row:
    cells = {c.column - 1: c for c in table.rows[r]}
    grid = table.grid()[r]
    roles = columns.roles
    name_col = roles.get("name")
    name = _flat(grid[name_col]) if name_col is not None else ""
    number = _flat(grid[roles["number"]]) if "number" in roles else ""
    if name_col is not None and cells.get(name_col) is not None and cells[name_col].covered:
        notes.at_table(
            "WD01",
            table.number,
            _("this row continues the indicator above (its name is merged across rows); its cells were not imported"),
            r + 1,
            name_col + 1,
        )
        return Row(r + 1)
    if not number and (split := item_number(name)):
        number, name = split
    if not name:
        message = _("a row with no indicator name; not imported")
        notes.at_table("WD01", table.number, message, r + 1, (name_col or 0) + 1)
        return Row(r + 1)
    data: dict[str, Any] = {"name": name}
    unit = _given(grid[roles["unit"]]) if "unit" in roles else ""
    if not unit and any(re.match(r"^\s*(ร้อยละ|[0-9๐-๙.]+\s*%)", grid[c]) for c in columns.years):
        unit = "ร้อยละ"
    if unit:
        data["unit"] = unit
    kind = kind_of_unit(unit) if unit else None
    if kind is not None:
        data["kind"] = kind
    _values(data, table, columns, notes, r, kind)
    return Row(r + 1, number or None, data, inferred_kind=kind is not None)


def _given(text: str) -> str:
    """A cell's text, or "" for a cell that says it is empty (``–``, ``-``, ``...``: what published tables print)."""
    flat = _flat(text)
    return "" if flat in EMPTY else flat


def _values(data: dict[str, Any], table: Table, columns: Columns, notes: Notes, r: int, kind: str | None) -> None:
    """The baseline, the targets by year, the owner, source and notes of row ``r`` into ``data``."""
    grid = table.grid()[r]
    roles = columns.roles
    unit = data.get("unit")
    if "baseline" in roles and grid[roles["baseline"]].strip():  # "-" is read: no data, as published
        baseline, why = read_baseline(grid[roles["baseline"]], unit, columns.baseline_year, kind == "level")
        if why:
            notes.at_table("WD01", table.number, why, r + 1, roles["baseline"] + 1)
        elif baseline:
            data["baseline"] = baseline
    targets = {}
    for col, year in sorted(columns.years.items(), key=lambda item: item[1]):
        value, why = read_target(grid[col], unit, kind == "level")
        if why:
            notes.at_table("WD01", table.number, why, r + 1, col + 1)
        elif value is not None:
            targets[year] = value
    if targets:
        data["targets"] = targets
    for role, joiner in (("owner", ", "), ("source", " "), ("notes", " ")):
        if role in roles and _given(grid[roles[role]]):
            data[role] = joiner.join(grid[roles[role]].split("\n"))
