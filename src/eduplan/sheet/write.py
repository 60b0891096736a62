"""The plan as an XLSX workbook: the indicator table, projects, project results and actuals.

Offices and schools work in Excel. ``eduplan export --format xlsx`` writes one workbook;
``eduplan import`` reads the same layout back (see :mod:`eduplan.sheet.read` and
:mod:`eduplan.sheet.importer`). The layout is the contract:

``indicators``
    One row per indicator of every policy level, each followed by its sub-indicators, then the
    standards of a school's plan with their items (:mod:`eduplan.sheet.measures`): policy, id,
    number (as published), name, unit, kind, direction, one column per year of the plan's
    period (the targets: a school's standards, the expected levels), owner. A plan of several
    levels, or with standards, has a ``level`` column ("กลยุทธ์ที่ 1.2", "มาตรฐานการศึกษา"); a plan
    with sub-indicators a ``parent`` column; a plan with cumulative indicators, scales or
    baselines their context columns after owner.
``projects-<year>``
    One row per project of that year's action plan, and one more per further output of a
    project over several rows (:mod:`eduplan.sheet.projects`). An action plan whose projects
    count things imports their units, targets and quarter targets (:mod:`eduplan.sheet.outputs`);
    any other is for reading only.
``results-<year>``
    For every year that has an action plan, one row per project: the context (project id,
    number, name, budget) and the report's project result: done (ใช่ / ไม่ใช่, blank when not
    reported), budget_spent (baht), note, and its narrative: results, highlights, problems and
    suggestions, one paragraph or point a line.
``actuals-<year>``
    One row per indicator (as on ``indicators``) for every year of the period and every
    reported year: the context (policy, number, name, unit, the year's target, the computed
    status) and the actual: value (a SAR: the level reached), score (a school's plan), no_data,
    measured, source, note.
``eduplan-shown``
    Very hidden: what each actuals sheet showed from elsewhere (unit, target, status), so that the
    import knows a stale shown cell from an edit (see :mod:`eduplan.sheet.shown`).

The workbook speaks the run's language (``--lang``): a header cell reads ``ตัวชี้วัด (name)`` in a
Thai workbook and ``Indicator name (name)`` in an English one (people read the label, the import
reads the key in parentheses); year headers say ปีงบประมาณ or ปีการศึกษา as the plan counts its years;
kind, direction, status and done cells hold the words of that language (ร้อยละ, ยิ่งมากยิ่งดี, บรรลุ,
ใช่; in English the YAML's values) with a drop-down of the allowed words
(:mod:`eduplan.sheet.words`); a date shows as 20 ก.ย. 2567 (Buddhist Era) in a Thai workbook,
2024-09-20 in an English one, and is a real date cell in both. Sheet names are the layout's in
both languages: formulas and messages (``actuals-2567!G5``) name them. Grey columns
are context and are never imported. Rows are matched by id, never by position, so rows may be
sorted or filtered. A range is written ``70..80`` (``70..`` and ``..80`` for open ranges), a
change target in its words (เพิ่มขึ้นร้อยละ 3). A level cell offers the indicator's scale as a
drop-down. The file is reproducible: the same plan gives the same bytes.

The tables themselves are built in :mod:`eduplan.sheet.tables`. openpyxl is imported here, and
this module is imported only by the spreadsheet commands.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from eduplan.i18n import _, language
from eduplan.model import Plan
from eduplan.sheet.book import DATE_FORMATS, EPOCH, GREY, HEAD_FILL, cell_value, fixed_times, list_formula
from eduplan.sheet.outputs import editable
from eduplan.sheet.tables import MARK, RECORD, Column, Table, header, record_rows, tables
from eduplan.sheet.words import choices

__all__ = ["workbook_bytes"]


# -- export ------------------------------------------------------------------------------------


def workbook_bytes(plan: Plan, *, when: dt.datetime | None = None) -> bytes:
    """The plan as an XLSX workbook.

    Args:
        plan: The plan.
        when: The time recorded in the file (document properties and zip entries); the same
            plan and time give the same bytes. Defaults to 1980-01-01 (no clock).
    """
    book = Workbook()
    first = book.active
    assert first is not None
    every = tables(plan)
    for n, table in enumerate(every):
        sheet = first if n == 0 else book.create_sheet()
        sheet.title = table.name
        _fill(sheet, table.columns, table.rows, all_grey=table.kind != "projects" or editable(table))
        sheet.defined_names.add(DefinedName(MARK, attr_text=f'"{table.name}"', hidden=True))
        _row_styles(sheet, table)
        _word_choices(sheet, table)
        if table.kind == "actuals":
            _date_format(sheet, table)
        elif table.kind == "results":
            _result_formats(sheet, table)
    record = book.create_sheet(RECORD)
    record.sheet_state = "veryHidden"  # not shown, not listed by Excel's Unhide
    for r, values in enumerate(record_rows(every), 1):
        record.append([cell_value(v, f"{RECORD}!{get_column_letter(c)}{r}") for c, v in enumerate(values, 1)])
    stamp = when or EPOCH
    book.properties.creator = "eduplan"
    book.properties.title = cell_value(plan.title, _("the workbook's title (the plan's title)"))
    book.properties.created = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue(), stamp)


def _row_styles(sheet: Worksheet, table: Table) -> None:
    """A sub-indicator's name indented by its depth; a drop-down of the scale in a level row's target and value cells.

    The drop-down only offers the levels: other entries stay allowed, and the import judges them.
    """
    keys = [c.key for c in table.columns]
    level_keys = [k for k in keys if k == "value" or (table.kind == "indicators" and k.isdigit())]
    lists: dict[tuple[str, ...], DataValidation] = {}
    for r, style in enumerate(table.styles, 2):
        if style.get("indent") and "name" in keys:
            cell = sheet.cell(r, keys.index("name") + 1)
            cell.alignment = Alignment(wrap_text=True, vertical="top", indent=style["indent"])
        scale = tuple(style.get("levels") or ())
        formula = list_formula(scale)
        if formula is None or not level_keys:
            continue
        if scale not in lists:
            lists[scale] = DataValidation(type="list", formula1=formula, allow_blank=True)
            sheet.add_data_validation(lists[scale])
        for key in level_keys:
            lists[scale].add(f"{get_column_letter(keys.index(key) + 1)}{r}")


_WORDS = {"indicators": ("kind", "direction"), "actuals": ("status",), "results": ("done",)}
"""The columns of each kind of sheet whose cells hold one of a few words (:mod:`eduplan.sheet.words`)."""


def _word_choices(sheet: Worksheet, table: Table) -> None:
    """A drop-down of the words a kind, direction, status or done cell may hold, in the workbook's language.

    Other entries stay allowed (the import reads the words of either language, and judges the rest).
    """
    keys = [c.key for c in table.columns]
    count = len(table.rows)
    for key in _WORDS.get(table.kind, ()):
        if key not in keys or not count:
            continue
        choice = DataValidation(type="list", formula1='"' + ",".join(choices(key, language())) + '"', allow_blank=True)
        sheet.add_data_validation(choice)
        column = get_column_letter(keys.index(key) + 1)
        choice.add(f"{column}2:{column}{count + 1}")


def _date_format(sheet: Worksheet, table: Table) -> None:
    measured = [c.key for c in table.columns].index("measured") + 1
    for row in range(2, len(table.rows) + 2):
        sheet.cell(row, measured).number_format = DATE_FORMATS[language()]


def _result_formats(sheet: Worksheet, table: Table) -> None:
    keys = [c.key for c in table.columns]
    count = len(table.rows)
    for row in range(2, count + 2):
        for key in ("budget", "budget_spent"):
            cell = sheet.cell(row, keys.index(key) + 1)
            cell.number_format = "#,##0.00" if isinstance(cell.value, float) else "#,##0"


def _fill(sheet: Worksheet, columns: tuple[Column, ...], rows: list[list[Any]], *, all_grey: bool = True) -> None:
    for index, column in enumerate(columns, 1):
        cell = sheet.cell(1, index, cell_value(header(column), f"{sheet.title}!{get_column_letter(index)}1"))
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for r, values in enumerate(rows, 2):
        for index, (column, value) in enumerate(zip(columns, values, strict=True), 1):
            cell = sheet.cell(r, index, cell_value(value, f"{sheet.title}!{get_column_letter(index)}{r}"))
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as "=1", not a formula
            cell.alignment = Alignment(wrap_text=column.width >= 24, vertical="top")
            if all_grey and not column.imported:
                cell.fill = GREY
    sheet.freeze_panes = "C2"
