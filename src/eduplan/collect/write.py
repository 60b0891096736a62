"""A form as an XLSX workbook: the unit's code and name locked, its questions, a yellow cell per answer.

The workbook speaks the run's language (``--lang``). Its one visible sheet is protected: only the answer
cells, the "reported on" date and the notes can be typed into (no password: protection keeps a label from
being typed over by mistake; a label changed anyway is found when the return is read, RT07). A level or
yes/no answer offers its words as a drop-down, with ไม่มีข้อมูล (no data) among them; a number cell says in
its prompt that 0 is zero and ไม่มีข้อมูล is no data.

A ``unit`` form has a row per question::

    A1  แบบรายงานข้อมูลตัวชี้วัด ปีงบประมาณ 2567        (title, the office under it)
    B4  รหัสสถานศึกษา   C4 1052140123                  (locked)
    B5  ชื่อสถานศึกษา   C5 โรงเรียน...                 (locked)
    B7  วันที่รายงาน     C7 [date]
        คำชี้แจง ...                                   (instructions)
    ที่ | ตัวชี้วัด | ข้อมูลที่รายงาน | หน่วยนับ | คำตอบ [yellow] | หมายเหตุ [open]

An ``all`` form has a row per unit and a column per question (three header rows: the indicator, the
question, its unit); a cell of a question a unit is not asked is locked and shows –.

The very hidden sheet ``eduplan-form`` records what the form was made for (form version, plan, year) and
where everything is: each question, each unit, each answer, date and note cell, and the text of every
locked cell. :mod:`eduplan.collect.read` follows it, so that the reader knows no layout but the record.
The same form and time give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from eduplan.collect.form import FORM_VERSION, Ask, Form
from eduplan.i18n import _, language, pgettext
from eduplan.sheet.book import DATE_FORMATS, EPOCH, GREY, HEAD_FILL, cell_value, fixed_times, list_formula
from eduplan.sheet.words import choices, word

__all__ = ["MARK", "RECORD", "form_bytes", "no_data_word", "sheet_name"]

RECORD = "eduplan-form"
"""The very hidden sheet of the form's record."""
MARK = "eduplan-form"
"""The first cell of the record, before the form's version."""

_ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")
_OPEN = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")


def no_data_word() -> str:
    """The word a form offers for "no data", in the run's language (ไม่มีข้อมูล)."""
    return word("status", "no-data", language()) or "no-data"


def sheet_name(form: Form) -> str:
    """The name of the form's sheet: แบบรายงาน 2567 in Thai, return 2567 in English."""
    # TRANSLATORS: the name of a form's sheet (at most 31 characters with the year)
    return _("return {year}").format(year=form.year)


class _Book:
    """The form's sheet being written, and its record."""

    def __init__(self, form: Form, sheet: Worksheet) -> None:
        self.form = form
        self.sheet = sheet
        self.record: list[list[Any]] = []
        self.lists: dict[tuple[str, ...], DataValidation] = {}
        self.prompt: DataValidation | None = None

    def locked(self, row: int, column: int, text: Any, owner: str, who: str = "", *, head: bool = False) -> None:
        """A locked cell: written, and its text recorded with what it belongs to."""
        where = f"{self.sheet.title}!{get_column_letter(column)}{row}"
        cell = self.sheet.cell(row, column, cell_value(text, where))
        if isinstance(text, str) and text.startswith("="):
            cell.data_type = "s"  # text such as "=1", not a formula
        cell.alignment = _WRAP
        if head:
            cell.font = Font(bold=True)
            cell.fill = HEAD_FILL
        self.record.append(["locked", cell.coordinate, text, owner, who])

    def answer(self, row: int, column: int, unit: str, ask: Ask) -> None:
        """An open, yellow answer cell with its drop-down or prompt."""
        cell = self.sheet.cell(row, column)
        cell.protection = _OPEN
        cell.fill = _ANSWER_FILL
        cell.alignment = _WRAP
        self._validation(ask).add(cell.coordinate)
        self.record.append(["answer", cell.coordinate, unit, ask.indicator, ask.key])

    def date(self, row: int, column: int, unit: str) -> None:
        """The open cell of the day the unit made its return."""
        cell = self.sheet.cell(row, column)
        cell.protection = _OPEN
        cell.fill = _ANSWER_FILL
        cell.number_format = DATE_FORMATS[language()]
        self.record.append(["date", cell.coordinate, unit])

    def note(self, row: int, column: int, unit: str) -> None:
        """An open note cell (read by people, not by eduplan)."""
        cell = self.sheet.cell(row, column)
        cell.protection = _OPEN
        cell.alignment = _WRAP
        self.record.append(["note", cell.coordinate, unit])

    def _validation(self, ask: Ask) -> DataValidation:
        words: tuple[str, ...] = ()
        if ask.type == "level":
            words = (*ask.levels, no_data_word())
        elif ask.type == "yes-no":
            words = (*choices("done", language()), no_data_word())
        formula = list_formula(words) if words else None
        if formula is not None:
            if words not in self.lists:
                self.lists[words] = DataValidation(type="list", formula1=formula, allow_blank=True)
                self.sheet.add_data_validation(self.lists[words])
            return self.lists[words]
        if self.prompt is None:
            self.prompt = DataValidation(allow_blank=True, showInputMessage=True)
            self.prompt.prompt = _prompt()
            self.sheet.add_data_validation(self.prompt)
        return self.prompt


def _prompt() -> str:
    return _("Type the number (0 is zero), or {no_data} when there is none").format(no_data=no_data_word())


def _instructions(form: Form) -> list[str]:
    """The lines of the instructions area."""
    lines = [
        _("Fill in the yellow cells only; the other cells are locked."),
        _("A number: type it as it is (Thai digits and thousands separators are fine); 0 means zero."),
        _("No figure to give: choose or type {no_data}; a blank cell means not answered.").format(
            no_data=no_data_word()
        ),
        _("A level or yes/no: choose from the drop-down list of the cell."),
        _("A number of students who reached something cannot be more than the number of all of them."),
        _("Type the day you fill in the form in the cell of the reporting date."),
    ]
    if form.due is not None:
        day = f"{form.due.day:02d}/{form.due.month:02d}/{form.due.year}"
        lines.append(
            _("Send the form back by {date}, as it is: do not rename its sheet or move its rows.").format(date=day)
        )
    else:
        lines.append(_("Send the form back as it is: do not rename its sheet or move its rows."))
    return lines


def _head(book: _Book, form: Form, year_word: str) -> int:
    """The title, the office and the instructions; the next free row."""
    sheet = book.sheet
    book.locked(
        1, 1, _("Indicator data return, {year_word} {year}").format(year_word=year_word, year=form.year), "form"
    )
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    book.locked(2, 1, form.office, "form")
    return 3


def _instruction_rows(book: _Book, form: Form, row: int, column: int) -> int:
    book.locked(row, column, _("Instructions"), "form")
    book.sheet.cell(row, column).font = Font(bold=True)
    for n, line in enumerate(_instructions(form), 1):
        book.locked(row + n, column, f"{n}. {line}", "form")
        book.sheet.cell(row + n, column).alignment = Alignment(vertical="top")
    return row + len(_instructions(form)) + 2


def _shown_unit(ask: Ask) -> str:
    """What a form's unit cell shows for a question."""
    if ask.type == "level":
        return pgettext("form unit", "level")
    if ask.type == "yes-no":
        return pgettext("form unit", "yes/no")
    if ask.type == "text":
        return pgettext("form unit", "text")
    return ask.unit or ""


def _unit_form(book: _Book, form: Form, year_word: str) -> None:
    sheet, unit = book.sheet, form.units[0]
    row = _head(book, form, year_word) + 1
    for label, value in ((_("School code"), unit.code), (_("School name"), unit.name), (_("District"), unit.district)):
        book.locked(row, 2, label, "form", head=True)
        book.locked(row, 3, value or "", "unit", unit.code)
        sheet.cell(row, 3).fill = GREY
        row += 1
    book.locked(row, 2, _("Reporting date"), "form", head=True)
    book.date(row, 3, unit.code)
    row = _instruction_rows(book, form, row + 2, 1)
    heads = (_("No."), _("Indicator"), _("Data asked"), _("Unit"), _("Answer"), _("Note"))
    for column, label in enumerate(heads, 1):
        book.locked(row, column, label, "form", head=True)
    for width, letter in zip((8, 44, 44, 12, 18, 30), "ABCDEF", strict=True):
        sheet.column_dimensions[letter].width = width
    for ask in form.questions:
        row += 1
        who = _who(ask)
        label = ask.label if ask.note is None else f"{ask.label}\n({ask.note})"
        for column, text in enumerate((ask.number, ask.name, label, _shown_unit(ask)), 1):
            book.locked(row, column, text, "question", who)
            sheet.cell(row, column).fill = GREY
        book.answer(row, 5, unit.code, ask)
        book.note(row, 6, unit.code)


def _all_form(book: _Book, form: Form, year_word: str) -> None:
    sheet = book.sheet
    row = _instruction_rows(book, form, _head(book, form, year_word) + 1, 1)
    first = 5
    fixed = (_("School code"), _("School name"), _("District"), _("Reporting date"))
    for column, label in enumerate(fixed, 1):
        book.locked(row + 2, column, label, "form", head=True)
    for n, ask in enumerate(form.questions):
        column, who = first + n, _who(ask)
        book.locked(row, column, f"{ask.number} {ask.name}", "question", who, head=True)
        book.locked(row + 1, column, ask.label, "question", who, head=True)
        book.locked(row + 2, column, _shown_unit(ask), "question", who, head=True)
        sheet.column_dimensions[get_column_letter(column)].width = 20
    last = first + len(form.questions)
    book.locked(row + 2, last, _("Note"), "form", head=True)
    for width, letter in zip((13, 34, 16, 14), "ABCD", strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions[get_column_letter(last)].width = 30
    for r, unit in enumerate(form.units, row + 3):
        for column, value in enumerate((unit.code, unit.name, unit.district or ""), 1):
            book.locked(r, column, value, "unit", unit.code)
            sheet.cell(r, column).fill = GREY
        book.date(r, 4, unit.code)
        for n, ask in enumerate(form.questions):
            if ask.ref in unit.refs:
                book.answer(r, first + n, unit.code, ask)
            else:
                book.locked(r, first + n, "–", "not-asked", f"{unit.code}\t{_who(ask)}")
                sheet.cell(r, first + n).fill = GREY
        book.note(r, last, unit.code)
    sheet.freeze_panes = f"{get_column_letter(first)}{row + 3}"


def _who(ask: Ask) -> str:
    return f"{ask.indicator}\t{ask.key}"


def _head_rows(form: Form) -> Iterable[list[Any]]:
    yield [MARK, FORM_VERSION]
    yield ["plan", form.plan]
    yield ["year", form.year]
    yield ["year_kind", form.year_kind]
    yield ["layout", form.layout]
    yield ["due", form.due.isoformat() if form.due else None]
    yield ["lang", language()]
    for ask in form.questions:
        yield [
            "question",
            ask.indicator,
            ask.key,
            ask.type,
            json.dumps(list(ask.levels), ensure_ascii=False),
            ask.label,
            ask.unit,
        ]
    for unit in form.units:
        yield ["unit", unit.code, unit.name]


def form_bytes(form: Form, year_word: str, *, when: dt.datetime | None = None) -> bytes:
    """The form as an XLSX workbook.

    Args:
        form: What the form asks, of whom.
        year_word: How the plan names its years (ปีงบประมาณ, ปีการศึกษา).
        when: The time recorded in the file; the same form and time give the same bytes (default 1980-01-01).
    """
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_name(form)
    writing = _Book(form, sheet)
    (_unit_form if form.layout == "unit" else _all_form)(writing, form, year_word)
    sheet.page_setup.orientation = "landscape"  # printed on A4 across, as wide as the page, rows running on
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widening a column is allowed
    sheet.protection.formatRows = False
    record = book.create_sheet(RECORD)
    record.sheet_state = "veryHidden"  # not shown, not listed by Excel's Unhide
    for r, values in enumerate([*_head_rows(form), ["sheet", sheet.title], *writing.record], 1):
        for c, value in enumerate(values, 1):
            held = record.cell(r, c, cell_value(value, f"{RECORD}!{get_column_letter(c)}{r}"))
            if isinstance(value, str) and value.startswith("="):
                held.data_type = "s"  # the text of a label, never a formula
    stamp = when or EPOCH
    book.properties.creator = "eduplan"
    book.properties.created = stamp
    book.properties.title = cell_value(sheet.cell(1, 1).value, _("the form's title"))
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue(), stamp)
