"""A returned form read back: its record (what it was made for, where everything is) and its cells.

The workbook is read within the sheet stage's limits (:func:`eduplan.sheet.read.open_workbook`: size, zip
bomb, number of cells, extent) before any cell is built. Its very hidden record
(:data:`~eduplan.collect.write.RECORD`) says which sheet is the form and where each answer, date, note and
locked cell is: nothing here knows a layout. What the reader cannot take as a form at all is a
:class:`Refused` (RT01, RT02); what it finds outside the recorded cells (a value typed beside the form, a
comment, a sheet added) is a warning (RT11). Judging the answers is :mod:`eduplan.collect.answers`' work.

openpyxl is imported here (through the sheet stage): only the commands that read returns import this.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.worksheet.worksheet import Worksheet

from eduplan.collect.codes import cell, finding, whole_file
from eduplan.collect.form import FORM_VERSION
from eduplan.collect.write import MARK, RECORD
from eduplan.errors import UsageError
from eduplan.findings import Finding
from eduplan.i18n import _
from eduplan.sheet.read import Cell, open_workbook, read_cell

__all__ = ["FormRead", "Refused", "Sent", "SentQuestion", "read_return"]


class Refused(Exception):
    """A file that cannot be read as a form at all; ``finding`` says why (RT01 or RT02)."""

    def __init__(self, found: Finding) -> None:
        """The finding that leaves the whole file out."""
        super().__init__(found.message)
        self.finding = found


@dataclass(frozen=True, slots=True)
class SentQuestion:
    """A question as the form asked it (from its record)."""

    type: str
    levels: tuple[str, ...]
    label: str
    unit: str | None


@dataclass(slots=True)
class Sent:
    """What a form's record says it was made for, and where its cells are.

    Attributes:
        version: The form's version (:data:`~eduplan.collect.form.FORM_VERSION`).
        plan: The office plan's id.
        year: The year of the answers.
        year_kind: ``fiscal`` or ``academic``.
        layout: ``unit`` or ``all``.
        due: The due date (B.E.), if the form gave one.
        sheet: The name of the form's sheet.
        questions: Each question by (indicator, key), in the form's order.
        units: Each unit's name by code, in the form's order.
        answers: (cell, unit code, indicator, key) of every answer cell.
        dates: The "reported on" cell of each unit.
        notes: The note cells.
        locked: (cell, text, owner, who) of every locked cell: owner ``form``, ``unit`` (who: its code),
            ``question`` (who: indicator and key, tab-separated) or ``not-asked`` (who: code, indicator, key).
    """

    version: int = 0
    plan: str = ""
    year: int = 0
    year_kind: str = ""
    layout: str = ""
    due: dt.date | None = None
    sheet: str = ""
    questions: dict[tuple[str, str], SentQuestion] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    answers: list[tuple[str, str, str, str]] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    notes: set[str] = field(default_factory=set)
    locked: list[tuple[str, Any, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class FormRead:
    """A returned form: where it is, its record, its cells by reference (``C7``) and what was not read."""

    file: str
    sent: Sent
    cells: dict[str, Cell]
    problems: list[Finding] = field(default_factory=list)

    def place(self, ref: str) -> Any:
        """Where a cell of the form is, for a finding: ``returns/2567/1052140123.xlsx!C7``."""
        letters, row = coordinate_from_string(ref)
        return cell(self.file, row, column_index_from_string(letters))

    def unit_place(self, code: str) -> Any:
        """Where a unit's code is on the form (its first locked cell), for a finding about its whole return."""
        ref = next((ref for ref, _t, owner, who in self.sent.locked if owner == "unit" and who == code), "A1")
        return self.place(ref)

    def at(self, ref: str) -> Cell:
        """The cell at ``ref`` (an empty one when the form holds nothing there)."""
        found = self.cells.get(ref)
        if found is not None:
            return found
        letters, row = coordinate_from_string(ref)
        return Cell(self.sent.sheet, row, column_index_from_string(letters), None)


def read_return(path: Path, shown: str) -> FormRead:
    """Read a returned form: its record and its cells.

    Args:
        path: The file.
        shown: How findings name it (``returns/2567/1052140123.xlsx``).

    Raises:
        Refused: the file is no workbook eduplan reads (RT01), or no form of ``eduplan collect`` (RT02).
    """
    try:
        values, formulas = open_workbook(path, shown)
    except UsageError as exc:
        raise Refused(finding("RT01", str(exc).removeprefix(f"{shown}: "), whole_file(shown))) from None
    record = next((ws for ws in values.worksheets if ws.title == RECORD), None)
    if record is None or record.sheet_state != "veryHidden":
        raise Refused(
            finding(
                "RT02",
                _("the workbook is not a form made by `eduplan collect` (it has no hidden record of the form)"),
                whole_file(shown),
                hint=_("send the school its form (`eduplan collect`) and ask it to fill in that one"),
            )
        )
    sent = _record(record, shown)
    form = next((ws for ws in values.worksheets if ws.title == sent.sheet), None)
    if form is None:
        raise Refused(
            finding(
                "RT02",
                _("the form's sheet {sheet!r} is not in the workbook (renamed or removed)").format(sheet=sent.sheet),
                whole_file(shown),
                hint=_("rename the sheet back to {sheet!r}, or fill in the form as it was sent").format(
                    sheet=sent.sheet
                ),
            )
        )
    raw = formulas[form.title]
    read = FormRead(shown, sent, {})
    known = {ref for ref, *_rest in sent.locked} | {a[0] for a in sent.answers} | set(sent.dates.values())
    known |= sent.notes
    _cells(read, form, raw, known)
    for ws in values.worksheets:
        if ws.title not in (RECORD, form.title) and any(c.value is not None for c in ws._cells.values()):
            read.problems.append(
                finding(
                    "RT11",
                    _("the sheet {sheet!r} is not part of the form: it is not read").format(sheet=ws.title),
                    whole_file(shown),
                )
            )
    return read


def _cells(read: FormRead, form: Worksheet, raw: Worksheet, known: set[str]) -> None:
    """Every non-empty cell of the form's sheet; a warning for each one outside the recorded cells, and each comment.

    Only the cells the sheet holds are visited (not the rectangle up to its last cell, which one far value
    makes millions of cells wide), in row order.
    """
    for (row, column), xl in sorted(form._cells.items()):
        got = read_cell(form.title, xl, raw.cell(row, column))
        ref = xl.coordinate
        if xl.comment is not None:
            message = _("a comment on a cell is not read: put its text in the note column")
            read.problems.append(finding("RT11", message, read.place(ref)))
        if got.value is None and not got.formula:
            continue
        read.cells[ref] = got
        if ref not in known:
            message = _("a value outside the form's cells is not read: put it in the note column, or clear it")
            read.problems.append(finding("RT11", message, read.place(ref)))


def _bad_record(shown: str, why: str) -> Refused:
    return Refused(
        finding(
            "RT02",
            _("the form's hidden record cannot be read ({why}); the form was changed outside Excel").format(why=why),
            whole_file(shown),
            hint=_("send the school its form again (`eduplan collect`)"),
        )
    )


def _record(ws: Worksheet, shown: str) -> Sent:
    """What the record sheet says; :class:`Refused` when it is not a record of this version."""
    held: dict[int, dict[int, Any]] = {}
    for (number, column), xl in ws._cells.items():  # the cells it holds, never the rectangle up to the last
        if xl.value is not None and column <= 8:
            held.setdefault(number, {})[column] = xl.value
    rows = [[held[n].get(c) for c in range(1, 9)] for n in sorted(held)]
    if not rows or rows[0][0] != MARK:
        raise _bad_record(shown, _("no mark"))
    version = rows[0][1] if len(rows[0]) > 1 else None
    if version != FORM_VERSION:
        raise Refused(
            finding(
                "RT02",
                _("the form is of version {version}, which this eduplan does not read (it reads {ours})").format(
                    version=version, ours=FORM_VERSION
                ),
                whole_file(shown),
                hint=_("make the forms again with this eduplan (`eduplan collect`)"),
            )
        )
    sent = Sent(version=FORM_VERSION)
    try:
        for row in rows[1:]:
            _record_row(sent, row)
    except (TypeError, ValueError, IndexError, KeyError) as exc:
        raise _bad_record(shown, f"{type(exc).__name__}: {exc}") from None
    if not sent.plan or not sent.year or not sent.sheet or not sent.units:
        raise _bad_record(shown, _("it names no plan, year, sheet or unit"))
    return sent


def _text(value: Any) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValueError(repr(value))
    return str(value)


_META = {"plan": "plan", "year_kind": "year_kind", "layout": "layout", "sheet": "sheet"}


def _record_row(sent: Sent, row: list[Any]) -> None:
    """One row of the record into ``sent`` (a row of a kind this version does not write is ignored)."""
    kind = row[0]
    if kind in _META:
        setattr(sent, _META[kind], _text(row[1]))
    elif kind == "year":
        sent.year = int(_text(row[1]))
    elif kind == "due" and row[1] is not None:
        year, month, day = (int(part) for part in _text(row[1]).split("-"))
        sent.due = dt.date(year, month, day)
    elif kind == "question":
        levels = json.loads(row[4]) if row[4] else []
        if not isinstance(levels, list):
            raise ValueError(repr(levels))
        sent.questions[(_text(row[1]), _text(row[2]))] = SentQuestion(
            _text(row[3]), tuple(str(v) for v in levels), _text(row[5]), None if row[6] is None else str(row[6])
        )
    elif kind == "unit":
        sent.units[_text(row[1])] = _text(row[2])
    elif kind == "answer":
        sent.answers.append((_text(row[1]), _text(row[2]), _text(row[3]), _text(row[4])))
    elif kind == "date":
        sent.dates[_text(row[2])] = _text(row[1])
    elif kind == "note":
        sent.notes.add(_text(row[1]))
    elif kind == "locked":
        sent.locked.append((_text(row[1]), row[2], _text(row[3]), "" if row[4] is None else str(row[4])))
