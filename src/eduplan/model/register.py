"""The register of units: the schools and offices an office's figures are rolled up from.

An office keeps its register beside its plan: ``register.yaml`` (or a folder ``register/`` of such files,
one per district or per office, when the list is long)::

    as_of: 2567-06-10
    units:
      - code: "1052140123"
        name: โรงเรียนบุญวาทย์วิทยาลัย
        kind: school
        parent: "52010000"
        district: เมืองลำปาง
        province: ลำปาง
        size: large
        levels: [lower-secondary, upper-secondary]
        students: 2310

The loader reads it into :attr:`eduplan.model.Plan.register` with the rest of the plan, so that its
values are located (``register.yaml:12:13``) and the register rules (RG) check it with the plan.
Dates are Buddhist-Era dates in ISO order (``2567-06-10`` is 10 June 2567 = 2024 CE); they are held as
:class:`datetime.date` values whose year is the B.E. year, compared only with each other.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema

from eduplan.i18n import _
from eduplan.model.common import BE_MAX, BE_MIN, Model, PlanValueError, Text, describe

__all__ = [
    "LEVELS",
    "SIZES",
    "BEDate",
    "Code",
    "Register",
    "SchoolLevel",
    "Size",
    "Unit",
    "UnitKind",
    "be_date",
    "shown_date",
]

Size = Literal["small", "medium", "large", "extra-large"]
"""OBEC's size classes of schools: ขนาดเล็ก, ขนาดกลาง, ขนาดใหญ่, ขนาดใหญ่พิเศษ."""
SIZES: tuple[Size, ...] = ("small", "medium", "large", "extra-large")
"""The size classes, smallest first (the order of every breakdown by size)."""

SchoolLevel = Literal["pre-primary", "primary", "lower-secondary", "upper-secondary"]
"""The levels a school teaches: อนุบาล, ประถมศึกษา, มัธยมศึกษาตอนต้น, มัธยมศึกษาตอนปลาย."""
LEVELS: tuple[SchoolLevel, ...] = ("pre-primary", "primary", "lower-secondary", "upper-secondary")
"""The levels, youngest first."""

UnitKind = Literal["school", "office"]
"""A school (สถานศึกษา) or an office (สำนักงานเขตพื้นที่การศึกษา, or any office that has units under it)."""

_DATE = re.compile(r"^\s*([0-9๐-๙]{4})-([0-9๐-๙]{1,2})-([0-9๐-๙]{1,2})\s*$")


def be_date(value: Any) -> dt.date:
    """A Buddhist-Era date in ISO order (``2567-06-10``), as a date whose year is the B.E. year.

    Raises:
        PlanValueError: the value is no such date (a Christian-Era year is named as one, with its B.E. twin).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        year, month, day = value.year, value.month, value.day
    elif isinstance(value, str) and (match := _DATE.match(value)):
        year, month, day = (int(part) for part in match.groups())  # int() reads Thai digits
    else:
        raise PlanValueError(
            _("expected a Buddhist-Era date such as 2567-06-10, got {value}").format(value=describe(value)),
            _("write the date as year-month-day, the year in พ.ศ.: 2567-06-10"),
        )
    if 1900 <= year <= 2200:
        raise PlanValueError(
            _("{value} looks like a Christian-Era date; the register uses Buddhist-Era years (here {be_year})").format(
                value=f"{year:04d}-{month:02d}-{day:02d}", be_year=year + 543
            ),
            _("write the Buddhist-Era year: {be_year}").format(be_year=year + 543),
        )
    if not BE_MIN <= year <= BE_MAX:
        raise PlanValueError(
            _("{year} is not a Buddhist-Era year ({low}..{high})").format(year=year, low=BE_MIN, high=BE_MAX)
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PlanValueError(
            _("{value} is not a date of the calendar").format(value=f"{year:04d}-{month:02d}-{day:02d}"),
        ) from None


def shown_date(date: dt.date) -> str:
    """A B.E. date as the register writes it: ``2567-06-10``."""
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"


BEDate = Annotated[
    dt.date,
    PlainValidator(be_date),
    WithJsonSchema({"type": "string", "pattern": r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"}),
]
"""A Buddhist-Era date in ISO order, such as 2567-06-10 (10 June 2024 CE)."""


def _code_as_text(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)  # code: 1052140123 unquoted: OBEC codes have no leading zero to lose
    return value


Code = Annotated[
    str,
    BeforeValidator(_code_as_text),
    Field(
        min_length=1,
        max_length=64,
        pattern=r"^\S(.*\S)?$",
        description="A unit's code: the OBEC school code (10 digits) or an office's code or plan id, as text.",
    ),
]


class Unit(Model):
    """One school or office of the register."""

    code: Code
    """The OBEC school code (รหัสโรงเรียน, 10 digits, such as 1052140123) or the office's code; unique."""
    name: Text
    """The name as the office writes it, such as โรงเรียนบุญวาทย์วิทยาลัย."""
    kind: UnitKind = "school"
    """A school or an office."""
    parent: Code | None = None
    """The code of the office it belongs to (สังกัด), or the office plan's id; an office: the office above it."""
    district: Text | None = None
    """District (อำเภอ)."""
    province: Text | None = None
    """Province (จังหวัด)."""
    size: Size | None = None
    """Size class (ขนาด): small, medium, large or extra-large."""
    levels: list[SchoolLevel] = []
    """Levels it teaches: pre-primary, primary, lower-secondary, upper-secondary (a scope may choose by them)."""
    students: Annotated[int, Field(ge=0)] | None = None
    """Number of students (จำนวนนักเรียน), as of the register's date; a mean may be weighted by it."""
    opened: BEDate | None = None
    """When it opened (B.E., 2442-05-01); a unit is not expected before that date."""
    closed: BEDate | None = None
    """When it closed or merged (B.E.); a unit is not expected from that date on."""
    plan: Text | None = None
    """The folder of the unit's own eduplan plan, relative to the office's plan folder (``../schools/1052140123``):
    its report feeds the office instead of a returned workbook."""
    note: Text | None = None
    """Anything a reader should know (merged into another school, a new code)."""

    def open_on(self, date: dt.date) -> bool:
        """Whether the unit is open on ``date`` (B.E.): opened on or before it, not closed on or before it."""
        if self.opened is not None and self.opened > date:
            return False
        return self.closed is None or self.closed > date


class Register(Model):
    """The schools and offices an office's figures are rolled up from, as of one date."""

    as_of: BEDate | None = None
    """The register's own date (B.E., 2567-06-10): when its sizes and students were counted."""
    units: list[Unit] = []
    """The units, schools and offices, in the order the office lists them."""

    def by_code(self) -> dict[str, Unit]:
        """Every unit by code (the first one of a code given twice: rule RG01 reports the others)."""
        found: dict[str, Unit] = {}
        for unit in self.units:
            found.setdefault(unit.code, unit)
        return found
