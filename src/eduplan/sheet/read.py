"""The workbook read back: which sheet of the layout each sheet is, and its cells by header key.

The layout is :mod:`eduplan.spreadsheet`'s. A sheet is recognised, in this order, by the hidden
mark the export puts on it (:data:`~eduplan.spreadsheet.MARK`, so a renamed or moved sheet is still
itself), by its name (``actuals-2567``), or by its header row (the year then comes from the name,
``ผลปี2567``). A sheet that is none of these is not read, and :attr:`Sheet.skipped` says why.

A header cell reads ``ตัวชี้วัด (name)``: the key in the last parentheses, or the key alone, or
the label alone in Thai or English (``ผลการดำเนินงาน``, ``Actual``), whatever the run's language.
Whatever the import could not read exactly is a :class:`Problem` located at its cell: merged
cells, a header the layout does not know or holds twice, a value in a column with no header, a
comment on a cell. Nothing here knows the plan:
:mod:`eduplan.sheetimport` turns the cells into changes.

openpyxl is imported here, and this module is imported only by the spreadsheet commands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from eduplan.errors import UsageError
from eduplan.i18n import LANGS, _, catalog
from eduplan.load.files import read_bounded
from eduplan.model.common import BE_MAX, BE_MIN
from eduplan.sheet.bounds import MAX_WORKBOOK_BYTES, check_archive, check_extent
from eduplan.sheet.tables import ID_KEYS, INDICATORS, KINDS, MARK, RECORD, SHOWN_KEYS, header, kind_columns
from eduplan.words.thai import arabic_digits

__all__ = ["Cell", "Problem", "Sheet", "header_of", "open_workbook", "parse_header", "read_cell", "read_workbook"]


@dataclass(frozen=True, slots=True)
class Problem:
    """A cell the import cannot take (an error: nothing is written)."""

    ref: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        if self.error:
            return _("{cell}: error: {message}").format(cell=self.ref, message=self.message)
        return _("{cell}: warning: {message}").format(cell=self.ref, message=self.message)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell read back, with where it is.

    Attributes:
        sheet: Sheet name.
        row: 1-based row.
        column: 1-based column.
        value: The value: ``None`` (empty), text (stripped), int, float, bool, date or datetime
            (for a formula, its saved result).
        percent: True when the cell is formatted as a percentage (Excel stores 85% as 0.85).
        formula: The formula, when the cell holds one (``value`` is then its saved result, if any).
        odd: What the cell holds when it is no value a plan can hold (a duration, a time of day,
            an error such as #N/A), in words.
    """

    sheet: str
    row: int
    column: int
    value: Any
    percent: bool = False
    formula: str | None = None
    odd: str | None = None

    @property
    def ref(self) -> str:
        """Where the cell is, as people say it: ``indicators!H12``."""
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}"


@dataclass(slots=True)
class Sheet:
    """One sheet read back: which sheet of the layout it is, its columns and its rows of cells by key.

    Attributes:
        name: Sheet name.
        kind: ``indicators``, ``projects``, ``results`` or ``actuals``; ``None`` when not recognised.
        year: The year (fiscal or academic) of a yearly sheet.
        how: How it was recognised, in words (empty when by its own name).
        skipped: Why it is not read, when it is not.
        columns: Column number by key, from the header row.
        rows: One mapping key -> cell per non-empty row below the header.
        problems: What cannot be read exactly (merged cells, unknown headers, ...).
        exported: On an actuals sheet, what the export showed in its columns from elsewhere, by
            indicator id (from the export's hidden record; empty when the workbook has none).
    """

    name: str
    kind: str | None = None
    year: int | None = None
    how: str = ""
    skipped: str | None = None
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[dict[str, Cell]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    exported: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def layout(self) -> str:
        """The layout name of the sheet: ``actuals-2567`` (or its own name when not recognised)."""
        if self.kind is None:
            return self.name
        return INDICATORS if self.kind == "indicators" else f"{self.kind}-{self.year}"

    def header_ref(self) -> str:
        """Where the header row is: ``indicators!A1``."""
        return f"{self.name}!A1"


_KEY = re.compile(r"\(([A-Za-z0-9_]+)\)\s*$")
_LAYOUT = re.compile(r"^(?:(indicators)|(projects|results|actuals)-(\d{4}))$")
_TARGET = ("ค่าเป้าหมาย", "target")
_YEAR_WORD = re.compile(r"^\s*(?:ปีงบประมาณ|ปีการศึกษา|fiscal year|academic year|fy)?\s*(?:พ\.ศ\.|b\.e\.)?", re.IGNORECASE)


def parse_header(value: Any) -> str | None:
    """The key of a header cell: the word in its last parentheses, or the cell itself if it is a key."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        return None
    text = arabic_digits(value.strip())
    match = _KEY.search(text)
    if match:
        return match.group(1).lower()
    return text.lower() if re.fullmatch(r"[A-Za-z0-9_]+", text) else None


def _words(text: str) -> str:
    return " ".join(arabic_digits(text).split())


@cache
def _labels(kind: str) -> dict[str, str]:
    """Every column's label on a kind of sheet, Thai and English, in lower case (also without a unit: งบประมาณ)."""
    out: dict[str, str] = {}
    for column in kind_columns(kind):
        for lang in LANGS:
            label = catalog(lang).gettext(column.label)
            for words in (label, re.sub(r"\s*\(.*\)$", "", label)):
                out.setdefault(_words(words).lower(), column.key)
    return out


def header_key(kind: str, value: Any) -> str | None:
    """The column a header cell names on a kind of sheet, or ``None`` when the layout has no such column."""
    key = parse_header(value)
    if key is None and isinstance(value, str):
        words = _words(value)
        key = _labels(kind).get(words.lower())
        target = next((t for t in _TARGET if words.lower().startswith(t)), None)
        if key is None and kind == "indicators" and target:
            key = _YEAR_WORD.sub("", words[len(target) :]).strip() or None
    if key is None:
        return None
    if key in {c.key for c in kind_columns(kind)} or (kind == "indicators" and key.isdigit()):
        return key
    return None


def header_of(kind: str, key: str) -> str:
    """The header the export writes for a column of a kind of sheet, in the run's language: ``รหัส (id)``."""
    column = next(c for c in kind_columns(kind) if c.key == key)
    return header(dataclasses.replace(column, label=_(column.label)))


def open_workbook(data: bytes | Path, name: str) -> tuple[Workbook, Workbook]:
    """Open an XLSX workbook (its bytes, or its file) within limits: its values, and its formulas.

    The workbook is checked against the limits of :mod:`eduplan.sheet.bounds` before openpyxl
    reads it, and each sheet's extent before any sheet is iterated.

    Raises:
        UsageError: the bytes are not an XLSX workbook, or one past a limit.
    """
    if isinstance(data, Path):
        held, reason = read_bounded(data, MAX_WORKBOOK_BYTES)
        if held is None:
            raise UsageError(_("{name}: cannot read the workbook: {reason}").format(name=name, reason=reason))
        data = held
    check_archive(data, name)
    try:
        with warnings.catch_warnings():
            # Excel's extensions (conditional formats, data validation) are not needed here
            warnings.simplefilter("ignore", UserWarning)
            values = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
            formulas = load_workbook(io.BytesIO(data), data_only=False, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UsageError(
            _("{name}: not an XLSX workbook ({error})").format(name=name, error=f"{type(exc).__name__}: {exc}")
        ) from None
    for ws in values.worksheets:
        check_extent(name, ws.title, ws._cells)
    return values, formulas


def read_workbook(data: bytes | Path, name: str) -> dict[str, Sheet]:
    """Read every sheet of an XLSX workbook (its bytes, or its file): what each is and its cells by header key.

    Raises:
        UsageError: the bytes are not an XLSX workbook, or one past a limit (:func:`open_workbook`).
    """
    values, formulas = open_workbook(data, name)
    sheets = {}
    record: dict[str, dict[str, dict[str, Any]]] = {}
    for ws, raw in zip(values.worksheets, formulas.worksheets, strict=True):
        if ws.title == RECORD and ws.sheet_state == "veryHidden":
            for row in ws.iter_rows(min_row=2, values_only=True):
                if len(row) == 2 + len(SHOWN_KEYS) and isinstance(row[0], str) and isinstance(row[1], str):
                    record.setdefault(row[0], {})[row[1]] = dict(zip(SHOWN_KEYS, row[2:], strict=True))
            continue
        sheet = Sheet(ws.title)
        _recognise(sheet, ws)
        if sheet.kind is not None and sheet.skipped is None:
            _read_sheet(sheet, ws, raw)
        sheets[ws.title] = sheet
    for sheet in sheets.values():
        if sheet.kind == "actuals":
            sheet.exported = record.get(sheet.layout, {})
    return sheets


# -- which sheet of the layout -----------------------------------------------------------------


def _recognise(sheet: Sheet, ws: Worksheet) -> None:
    """Set the kind, year and how of a sheet, or why it is skipped (a problem when it cannot be told)."""
    mark = ws.defined_names.get(MARK)
    marked = _LAYOUT.match(mark.attr_text.strip('"')) if mark is not None and mark.attr_text else None
    named = _LAYOUT.match(sheet.name)
    in_name = _year_in(sheet.name)
    if marked:
        sheet.kind, sheet.year = _kind_year(marked)
        if sheet.layout != sheet.name:
            sheet.how = _("by eduplan's mark")
            if named or (in_name is not None and sheet.year is not None and in_name != sheet.year):
                message = _(
                    "this sheet was exported as {layout} but its name says {name}: "
                    "rename it back to {layout}, or copy its cells into the sheet {name} should be"
                ).format(layout=sheet.layout, name=sheet.name)
                sheet.problems.append(Problem(sheet.header_ref(), message))
    elif named:
        sheet.kind, sheet.year = _kind_year(named)
    else:
        _by_header(sheet, ws, in_name)
    if sheet.kind is not None and not any(v is not None for row in ws.iter_rows(values_only=True) for v in row):
        sheet.skipped = _("empty")


def _kind_year(match: re.Match[str]) -> tuple[str, int | None]:
    if match.group(1):
        return "indicators", None
    return match.group(2), int(match.group(3))


def _year_in(name: str) -> int | None:
    """The one Buddhist-Era year a sheet's name holds (``ผลปี2567``, Thai digits too), if exactly one."""
    years = {int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", arabic_digits(name))}
    years = {y for y in years if BE_MIN <= y <= BE_MAX}
    return years.pop() if len(years) == 1 else None


def _by_header(sheet: Sheet, ws: Worksheet, year: int | None) -> None:
    header = [c.value for c in next(ws.iter_rows(max_row=1), ()) if c.value is not None]
    if not header:
        empty = not any(v is not None for row in ws.iter_rows(values_only=True) for v in row)
        sheet.skipped = _("empty") if empty else _("no header row")
        return
    scores = {}
    for kind in KINDS:
        keys = {header_key(kind, value) for value in header} - {None}
        if ID_KEYS[kind] in keys and len(keys) * 2 >= len(header) and len(keys) >= 2:
            scores[kind] = len(keys)
    best = sorted(scores, key=lambda k: -scores[k])
    if not best:
        sheet.skipped = _("not a sheet of the layout: no eduplan mark, not a layout name, not a layout header row")
        return
    kind = best[0]
    if len(best) > 1 and scores[best[1]] == scores[kind]:
        message = _("the header row fits both {kind} and {other}: name the sheet as the export did").format(
            kind=kind, other=best[1]
        )
        sheet.problems.append(Problem(sheet.header_ref(), message))
        sheet.skipped = _("not recognised")
        return
    sheet.kind, sheet.how = kind, _("by its header row")
    if kind != "indicators":
        if year is None:
            message = _("the header row is a {kind} sheet's, but the name holds no year: name it {kind}-<year>").format(
                kind=kind
            )
            sheet.problems.append(Problem(sheet.header_ref(), message))
            sheet.skipped = _("no year")
            return
        sheet.year, sheet.how = year, _("by its header row and the year in its name")


# -- cells ---------------------------------------------------------------------------------------


def _read_sheet(sheet: Sheet, ws: Worksheet, raw: Worksheet) -> None:
    for merged in ws.merged_cells.ranges:
        message = _(
            "merged cells: merging keeps only the first cell's value and drops the others (and their "
            "comments); unmerge them and type each value again"
        )
        sheet.problems.append(Problem(f"{sheet.name}!{merged.coord}", message))
    grid = list(ws.iter_rows())
    if not grid:
        return
    _header(sheet, grid[0])
    by_column = {c: k for k, c in sheet.columns.items()}
    for row in grid[1:]:
        cells: dict[str, Cell] = {}
        for xl in row:
            got = read_cell(sheet.name, xl, raw.cell(xl.row or 0, xl.column or 0))
            if xl.comment is not None:
                message = _("a comment on a cell is not imported: put its text in the note column, or delete it")
                sheet.problems.append(Problem(got.ref, message))
            if got.column in by_column:
                cells[by_column[got.column]] = got
            elif got.value is not None or got.formula:
                message = _("a value in a column with no header: give the column a header of the layout, or clear it")
                sheet.problems.append(Problem(got.ref, message))
        if any(c.value is not None or c.formula for c in cells.values()):
            sheet.rows.append(cells)


def _header(sheet: Sheet, row: tuple[Any, ...]) -> None:
    """The columns of a sheet by key, from its header row; a problem for each header it cannot take."""
    assert sheet.kind is not None
    for cell in row:
        if cell.value is None:
            continue
        ref = f"{sheet.name}!{cell.coordinate}"
        key = header_key(sheet.kind, cell.value)
        if key is None:
            sheet.problems.append(Problem(ref, _unknown(sheet.kind, cell.value)))
        elif key.isdigit() and not BE_MIN <= int(key) <= BE_MAX:
            sheet.problems.append(Problem(ref, _("{year} is not a Buddhist-Era year").format(year=key)))
        elif key in sheet.columns:
            also = get_column_letter(sheet.columns[key])
            message = _("a second {column} column (also at {cell}): keep one").format(column=key, cell=f"{also}1")
            sheet.problems.append(Problem(ref, message))
        else:
            sheet.columns[key] = cell.column


def _unknown(kind: str, value: Any) -> str:
    words = ", ".join(_(c.label) for c in kind_columns(kind) if not c.optional)
    return _("the layout has no column {header!r} on a {kind} sheet: use a header the export wrote ({labels})").format(
        header=value, kind=kind, labels=words
    )


def read_cell(sheet: str, cell: Any, raw: Any) -> Cell:
    """One cell read back: its value (a formula's saved result), formula, percentage format, odd content."""
    value = cell.value
    if isinstance(value, str):
        value = value.strip() or None
    formula = None
    if raw.data_type == "f":
        formula = str(getattr(raw.value, "text", None) or raw.value)
        formula = formula if formula.startswith("=") else f"={formula}"
    odd = None
    if cell.data_type == "e":
        odd = _("the error value {value}").format(value=value)
    elif isinstance(value, dt.timedelta):
        odd = _("a duration ({value})").format(value=value)
    elif isinstance(value, dt.time):
        odd = _("a time of day ({value})").format(value=value.isoformat())
    elif value is not None and not isinstance(value, str | int | float | dt.date):
        odd = _("a {type} value").format(type=type(value).__name__)
    percent = "%" in (cell.number_format or "")
    return Cell(sheet, cell.row or 0, cell.column or 0, value, percent, formula, odd)
