"""An office's school list (CSV or XLSX, as offices keep them) read as the units of a register.

``eduplan register import`` reads the list an office already has: a header row (found among the first rows, under
any title rows) naming the columns in Thai or English (รหัสโรงเรียน, ชื่อโรงเรียน, อำเภอ, จังหวัด, ขนาด,
จำนวนนักเรียน, สังกัด, ระดับที่เปิดสอน, หมายเหตุ), then a row per school. A CSV file may be UTF-8 (with or without
a byte-order mark), UTF-16 with a mark, or Windows Thai (cp874/TIS-620, as Excel on Thai Windows saves it: read
with a warning); its delimiter is a comma, semicolon or tab. Every cell that cannot be read is a located finding
(``list.csv:12:3``, ``list.xlsx!Sheet1!C12``) and nothing is written; nothing is guessed. Codes and numbers written
with Thai digits are read; ``อำเภอ``/``อ.`` and ``จังหวัด``/``จ.`` before a name are dropped, so that every school
of a district has the same district. The module imports openpyxl: only ``register import`` imports it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from eduplan.errors import UsageError
from eduplan.findings import Finding, Severity, Span
from eduplan.i18n import N_, _
from eduplan.load.encoding import decode
from eduplan.model.register import LEVELS, SchoolLevel
from eduplan.rollup.codes import cell, finding
from eduplan.sheet.read import open_workbook
from eduplan.words.thai import arabic_digits

__all__ = ["HEADERS", "ListRead", "levels_of", "read_csv", "read_rows", "read_xlsx"]

HEADERS: dict[str, tuple[str, ...]] = {
    "code": (
        "รหัสโรงเรียน",
        "รหัสสถานศึกษา",
        "รหัสโรงเรียน10หลัก",
        "รหัส10หลัก",
        "รหัส",
        "รหัสหน่วยงาน",
        "code",
        "schoolcode",
        "schoolid",
        "obeccode",
    ),
    "name": ("ชื่อโรงเรียน", "ชื่อสถานศึกษา", "โรงเรียน", "สถานศึกษา", "ชื่อหน่วยงาน", "name", "school", "schoolname"),
    "district": ("อำเภอ", "อำเภอ/เขต", "district", "amphoe"),
    "province": ("จังหวัด", "province"),
    "size": ("ขนาด", "ขนาดโรงเรียน", "ขนาดสถานศึกษา", "size"),
    "students": ("จำนวนนักเรียน", "นักเรียน", "นักเรียนทั้งหมด", "จำนวนนักเรียนทั้งหมด", "students"),
    "parent": ("สังกัด", "รหัสสังกัด", "รหัสเขต", "รหัสเขตพื้นที่", "parent"),
    "levels": ("ระดับที่เปิดสอน", "ระดับชั้นที่เปิดสอน", "ชั้นที่เปิดสอน", "levels"),
    "note": ("หมายเหตุ", "note", "notes"),
}
"""Each field of a unit -> the headers that name its column (compared without spaces, in lower case)."""

_IGNORED = frozenset({"ที่", "ลำดับ", "ลำดับที่", "no", "no.", "ตำบล", "subdistrict", "tambon"})
"""Columns a list has that the register does not keep, read without a word."""

_SIZES: dict[str, str] = {
    **dict.fromkeys(["เล็ก", "ขนาดเล็ก", "small", "s"], "small"),
    **dict.fromkeys(["กลาง", "ขนาดกลาง", "medium", "m"], "medium"),
    **dict.fromkeys(["ใหญ่", "ขนาดใหญ่", "large", "l"], "large"),
    **dict.fromkeys(["ใหญ่พิเศษ", "ขนาดใหญ่พิเศษ", "extra-large", "extralarge", "xl"], "extra-large"),
}

_GRADE = re.compile(r"(อนุบาล|อ\.|ป\.|ประถมศึกษาปีที่|ประถม|ม\.|มัธยมศึกษาปีที่)\s*([0-9]?)")
_WORDS = {
    "อนุบาล": "pre-primary",
    "ก่อนประถม": "pre-primary",
    "ประถมศึกษา": "primary",
    "มัธยมศึกษาตอนต้น": "lower-secondary",
    "มัธยมศึกษาตอนปลาย": "upper-secondary",
    "ม.ต้น": "lower-secondary",
    "ม.ปลาย": "upper-secondary",
}
_DELIMITERS = (",", ";", "\t", "|")
"""The delimiters CSV files of school lists use."""
_HEADER_ROWS = 20
"""How many rows may come before the header row (a title, the office's name, the date)."""

Place = Callable[[int, int], Span]
"""Where a cell is, from its 1-based row and column."""


@dataclass(slots=True)
class ListRead:
    """What a school list gave: the units as plain data (register order), the findings, the columns it read."""

    units: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        """The findings that stop the import."""
        return [f for f in self.findings if f.severity is Severity.ERROR]


def read_csv(data: bytes, name: str, *, parent: str | None = None) -> ListRead:
    """Read a CSV school list.

    Raises:
        UsageError: the file is not text, or has no header row naming a code and a name column.
    """
    text, found = decode(data, name)
    if text is None:
        raise UsageError(_("{name}: not a text file: {reason}").format(name=name, reason=found[0].message))
    warnings = []
    if found:  # read as cp874
        warnings.append(
            finding("RG24", _("the file is not UTF-8; it was read as Windows Thai (cp874)"), Span(name, 1, 1, 1, 1))
        )
    body = text.lstrip("\ufeff")
    rows = max(
        (list(csv.reader(io.StringIO(body, newline=""), delimiter=mark)) for mark in _DELIMITERS),
        key=lambda rows: len(header[1]) if (header := _header_row(rows)) else -1,
    )  # the delimiter whose header row names the most columns (the first of equals)
    result = read_rows(rows, lambda row, col: Span(name, row, col, row, col + 1), name, parent=parent)
    result.findings[:0] = warnings
    return result


def read_xlsx(data: bytes, name: str, *, parent: str | None = None) -> ListRead:
    """Read an XLSX school list: the first sheet that has a header row (the values Excel shows, not formulas).

    Raises:
        UsageError: the file is not a workbook (or one past eduplan's limits), or no sheet has a header row.
    """
    values, _formulas = open_workbook(data, name)
    for ws in values.worksheets:
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        if _header_row(rows) is not None:
            where = f"{name}!{ws.title}"
            return read_rows(rows, partial(cell, where), name, parent=parent)
    raise _no_header(name)


def read_rows(rows: list[list[Any]], place: Place, name: str, *, parent: str | None = None) -> ListRead:
    """Read the rows of a list (CSV text or cell values), the header row among the first ones.

    Args:
        rows: The rows, as read.
        place: Where a cell is (its row and column, 1-based).
        name: The list as the user named it (for an error).
        parent: The parent of every unit whose row gives none (the office's code).

    Raises:
        UsageError: no header row names a code and a name column.
    """
    found = _header_row(rows)
    if found is None:
        raise _no_header(name)
    at, columns = found
    result = ListRead(columns={key: str(rows[at][col]).strip() for col, key in columns.items()})
    for col, value in enumerate(rows[at]):
        text = _key(value)
        if col not in columns and text and text not in _IGNORED:
            result.findings.append(
                finding(
                    "RG20",
                    _("the column {header} is not one the import knows; it is not read").format(
                        header=repr(str(value).strip())
                    ),
                    place(at + 1, col + 1),
                    hint=_("the known columns: {headers}").format(headers=", ".join(h[0] for h in HEADERS.values())),
                )
            )
    first: dict[str, Span] = {}
    for n, row in enumerate(rows[at + 1 :], start=at + 2):
        unit = _unit(row, columns, partial(_in_row, place, n), result)
        if unit is None:
            continue
        code_place = place(n, next(c for c, k in columns.items() if k == "code") + 1)
        if unit["code"] in first:
            result.findings.append(
                finding(
                    "RG22",
                    _("school code {code} is listed again (first at {where})").format(
                        code=unit["code"], where=first[unit["code"]]
                    ),
                    code_place,
                    hint=_("keep one row per school"),
                )
            )
            continue
        first[unit["code"]] = code_place
        if parent is not None:
            unit.setdefault("parent", parent)
        result.units.append(unit)
    return result


def _in_row(place: Place, row: int, col: int) -> Span:
    """The place of a cell of ``row`` by its 0-based column."""
    return place(row, col + 1)


def _key(value: Any) -> str:
    """A header as compared: without spaces, in lower case."""
    return "".join(str(value).split()).lower() if value is not None else ""


def _header_row(rows: list[list[Any]]) -> tuple[int, dict[int, str]] | None:
    """The first row (of the first ones) that names a code and a name column: its index, and column -> field."""
    known = {header: key for key, headers in HEADERS.items() for header in headers}
    for at, row in enumerate(rows[:_HEADER_ROWS]):
        columns: dict[int, str] = {}
        for col, value in enumerate(row):
            key = known.get(_key(value))
            if key is not None and key not in columns.values():
                columns[col] = key
        if {"code", "name"} <= set(columns.values()):
            return at, columns
    return None


def _no_header(name: str) -> UsageError:
    return UsageError(
        _("{name}: no header row names a school code and a name column (such as {code} and {school})").format(
            name=name, code="รหัสโรงเรียน", school="ชื่อโรงเรียน"
        )
    )


def _unit(
    row: list[Any], columns: dict[int, str], place: Callable[[int], Span], result: ListRead
) -> dict[str, Any] | None:
    """One row as a unit's data; None for an empty row or one with an error (reported)."""
    cells = {key: row[col] if col < len(row) else None for col, key in columns.items()}
    if all(_blank(value) for value in cells.values()):
        return None
    column = {key: col for col, key in columns.items()}
    unit: dict[str, Any] = {}
    ok = True
    for key in HEADERS:
        if key not in cells or _blank(cells[key]):
            continue
        value, problem = _READERS[key](cells[key])
        if problem is not None:
            ok = False
            result.findings.append(
                finding("RG21", _(problem).format(value=repr(_shown(cells[key]))), place(column[key]))
            )
        elif value is not None:
            unit[key] = value
    for key in ("code", "name"):
        if key not in unit and (key not in cells or _blank(cells[key])):
            ok = False
            result.findings.append(
                finding(
                    "RG23",
                    _("the row has no school code") if key == "code" else _("the row has no name"),
                    place(column[key]),
                    hint=_("give the school's code and name, or remove the row"),
                )
            )
    return unit if ok else None


def _blank(value: Any) -> bool:
    return value is None or isinstance(value, str) and not value.strip()


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _text(value: Any) -> tuple[str | None, str | None]:
    return " ".join(str(value).split()), None


def _code(value: Any) -> tuple[str | None, str | None]:
    if isinstance(value, bool):
        return None, N_("{value} is not a school code")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = arabic_digits("".join(str(value).split()))
    if not text.isdigit() or not text.isascii():
        return None, N_("{value} is not a school code: a code is digits only")
    return text, None


def _whole(value: Any) -> tuple[int | None, str | None]:
    if isinstance(value, bool):
        return None, N_("{value} is not a number of students")
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        try:
            number = Decimal(arabic_digits(str(value)).replace(",", "").strip())
        except InvalidOperation:
            return None, N_("{value} is not a number of students")
    if not number.is_finite() or number != number.to_integral_value() or number < 0:
        return None, N_("{value} is not a number of students (a whole number, 0 or more)")
    return int(number), None


def _size(value: Any) -> tuple[str | None, str | None]:
    size = _SIZES.get(_key(value))
    if size is None:
        return None, N_("{value} is not a size: write ขนาดเล็ก, ขนาดกลาง, ขนาดใหญ่ or ขนาดใหญ่พิเศษ")
    return size, None


def _place_name(prefixes: tuple[str, ...]) -> Callable[[Any], tuple[str | None, str | None]]:
    def read(value: Any) -> tuple[str | None, str | None]:
        text = " ".join(str(value).split())
        for prefix in prefixes:
            if text.startswith(prefix) and len(text) > len(prefix):
                return text[len(prefix) :].strip(), None
        return text, None

    return read


def _levels(value: Any) -> tuple[list[str] | None, str | None]:
    found = levels_of(str(value))
    if not found:
        return None, N_("{value} names no level the register knows (อนุบาล, ประถมศึกษา, ม.ต้น, ม.ปลาย)")
    return found, None


def levels_of(text: str) -> list[str]:
    """The levels a text of grades names, youngest first.

    ``อ.1-ป.6`` -> pre-primary, primary; ``ม.1-ม.6`` -> both secondary levels; ``ประถมศึกษา, มัธยมศึกษาตอนต้น``
    -> primary, lower-secondary. A range takes every level between its ends.
    """
    text = arabic_digits(text)
    named = {level for word, level in _WORDS.items() if word in text.replace(" ", "")}
    grades = [_level_of(prefix, digit) for prefix, digit in _GRADE.findall(text)]
    ends = [LEVELS.index(level) for level in grades if level is not None]
    if len(ends) >= 2 and re.search(r"[-–ถึง]", text):
        named.update(LEVELS[i] for i in range(min(ends), max(ends) + 1))
    named.update(LEVELS[i] for i in ends)
    return [level for level in LEVELS if level in named]


def _level_of(prefix: str, digit: str) -> SchoolLevel | None:
    if prefix in ("อนุบาล", "อ."):
        return "pre-primary"
    if prefix in ("ป.", "ประถมศึกษาปีที่", "ประถม"):
        return "primary"
    if digit:
        return "lower-secondary" if int(digit) <= 3 else "upper-secondary"
    return None


_READERS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "code": _code,
    "name": _text,
    "district": _place_name(("อำเภอ", "อ.")),
    "province": _place_name(("จังหวัด", "จ.")),
    "size": _size,
    "students": _whole,
    "parent": _code,
    "levels": _levels,
    "note": _text,
}
