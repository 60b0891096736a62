"""The workbook read back: every sheet as cells by header key, each cell knowing where it is.

The layout is :mod:`eduplan.spreadsheet`'s: a header row whose cells read ``ตัวชี้วัด (name)``
(the key in the last parentheses), then one row per item. Empty rows are skipped. Nothing here
knows the plan: :mod:`eduplan.sheetimport` turns the cells into changes.

openpyxl is imported here, and this module is imported only by the spreadsheet commands.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .errors import UsageError

__all__ = ["Cell", "Sheet", "parse_header", "read_workbook"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell read back, with where it is.

    Attributes:
        sheet: Sheet name.
        row: 1-based row.
        column: 1-based column.
        value: The value: ``None`` (empty), text (stripped), int, float, bool, date or datetime.
        percent: True when the cell is formatted as a percentage (Excel stores 85% as 0.85).
        formula: The formula, when the cell holds one that has no saved result.
    """

    sheet: str
    row: int
    column: int
    value: Any
    percent: bool = False
    formula: str | None = None

    @property
    def ref(self) -> str:
        """Where the cell is, as people say it: ``indicators!H12``."""
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}"


@dataclass(slots=True)
class Sheet:
    """One sheet read back: its columns by key and its rows of cells by key.

    Attributes:
        name: Sheet name.
        columns: Column number by key, from the header row.
        unknown: Header cells whose key the layout does not know.
        rows: One mapping key -> cell per non-empty row below the header.
    """

    name: str
    columns: dict[str, int] = field(default_factory=dict)
    unknown: list[Cell] = field(default_factory=list)
    rows: list[dict[str, Cell]] = field(default_factory=list)

    def header_ref(self) -> str:
        """Where the header row is: ``indicators!A1``."""
        return f"{self.name}!A1"


_KEY = re.compile(r"\(([A-Za-z0-9_]+)\)\s*$")


def parse_header(value: Any) -> str | None:
    """The key of a header cell: the word in its last parentheses, or the cell itself if it is a key."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _KEY.search(text)
    if match:
        return match.group(1)
    return text if re.fullmatch(r"[A-Za-z0-9_]+", text) else None


def read_workbook(data: bytes, name: str) -> dict[str, Sheet]:
    """Read every sheet of an XLSX workbook into cells by header key.

    Raises:
        UsageError: the bytes are not an XLSX workbook.
    """
    try:
        with warnings.catch_warnings():
            # Excel's extensions (conditional formats, data validation) are not needed here
            warnings.simplefilter("ignore", UserWarning)
            values = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
            formulas = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UsageError(f"{name}: not an XLSX workbook ({type(exc).__name__}: {exc})") from None
    return {ws.title: _read_sheet(ws, formulas[ws.title]) for ws in values.worksheets}


def _read_sheet(ws: Worksheet, raw: Worksheet) -> Sheet:
    sheet = Sheet(ws.title)
    grid = list(ws.iter_rows())
    if not grid:
        return sheet
    for cell in grid[0]:
        key = parse_header(cell.value)
        if key is None:
            if cell.value is not None:
                sheet.unknown.append(Cell(ws.title, 1, _col(cell), cell.value))
            continue
        sheet.columns.setdefault(key, _col(cell))
    for row in grid[1:]:
        cells: dict[str, Cell] = {}
        for key, column in sheet.columns.items():
            if column - 1 >= len(row):
                continue
            cell = row[column - 1]
            cells[key] = _read_cell(ws.title, cell, raw.cell(cell.row, column))  # type: ignore[arg-type]
        if any(c.value is not None or c.formula for c in cells.values()):
            sheet.rows.append(cells)
    return sheet


def _col(cell: Any) -> int:
    column: int = cell.column
    return column


def _read_cell(sheet: str, cell: XlCell, raw: XlCell) -> Cell:
    value = cell.value
    if isinstance(value, str):
        value = value.strip() or None
    formula = raw.value if value is None and isinstance(raw.value, str) and raw.value.startswith("=") else None
    percent = "%" in (cell.number_format or "")
    return Cell(sheet, cell.row or 0, cell.column or 0, value, percent, formula)
