"""How one cell of a workbook becomes a plan value.

Every reader here takes a :class:`~eduplan.sheet.read.Cell` and returns plain YAML data (a number,
a ``{min, max}`` mapping, text, an ISO date, a boolean) or ``None`` for an empty cell, or raises
:class:`Bad` with a message for the person who typed it. A target typed in words as a change
("เพิ่มขึ้นร้อยละ 4", "ลดลง 2 จากปีฐาน") stays those words: the plan reads them as a change. The sheet
modules (:mod:`eduplan.sheet.importer`, :mod:`eduplan.sheet.results`) locate the message at the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from eduplan.edit.yamledit import DELETE
from eduplan.i18n import _, language
from eduplan.model import Change, Range
from eduplan.model.common import BE_MIN, change_from_text
from eduplan.model.walk import IndicatorAt
from eduplan.sheet.read import Cell
from eduplan.sheet.tables import format_value
from eduplan.words.thai import arabic_digits
from eduplan.words.thaidate import parse_date

__all__ = [
    "TEXT_KINDS",
    "Bad",
    "date",
    "done",
    "lines",
    "money",
    "number",
    "or_delete",
    "plain",
    "plain_target",
    "quantity",
    "same",
    "score",
    "text",
    "value",
]

_NUMBER = re.compile(r"^[-+]?[0-9๐-๙][0-9๐-๙,]*(\.[0-9๐-๙]+)?$")
TEXT_KINDS = ("level", "qualitative")

_YES = frozenset({"ใช่", "yes", "y", "true", "1", "✓", "✔", "☑", "ดำเนินการแล้ว"})
_NO = frozenset({"ไม่ใช่", "no", "n", "false", "0", "✗", "✘", "☐", "ยังไม่ดำเนินการ", "ไม่ได้ดำเนินการ"})


class Bad(Exception):
    """A cell that cannot be read as what its column holds; the message says why."""


# -- numbers, ranges and levels ------------------------------------------------------------------


def value(cell: Cell, at: IndicatorAt, old: Any, *, measured: bool = False) -> Any:
    """A target or actual value from a cell, for the indicator (or standard) ``at``.

    A ``measured`` value (an actual, a baseline) is what was measured: a change in words
    ("เพิ่มขึ้น 3") is a target's, and refused there. A cell that still holds what the plan holds
    passes even when it is odd: a published mistake is the checker's business, not the import's.
    """
    try:
        got = _target(cell, at)
        if measured and isinstance(got, str) and change_from_text(got) is not None:
            raise Bad(
                _(
                    "{value!r} is a change, which a target may be; give the value measured, such as 64.5 "
                    "(the status compares it with the target)"
                ).format(value=got)
            )
        return _as_written(got, old)
    except Bad:
        if old is not None and same(_target_text(cell.value), _target_text(old)):
            return plain_target(old)
        raise


def _as_written(got: Any, old: Any) -> Any:
    """A change typed in words over a change written as a mapping ({increase: 3}) is written as a mapping too."""
    parsed = change_from_text(got) if isinstance(got, str) else None
    if parsed is None or not isinstance(old, Change) or old.text is not None:
        return got
    amount = {k: parsed[k] for k in ("increase", "decrease") if k in parsed}
    return {**amount, "of": parsed["of"]} if parsed["of"] != "previous" else amount


def _change_words(target: Any) -> str | None:
    """A change target (a Change, its mapping or its words) as its words, spaces tidied; ``None`` for others."""
    if isinstance(target, dict) and {"increase", "decrease"} & target.keys():
        target = Change.model_validate(target)
    if isinstance(target, Change):
        target = target.shown()
    elif not (isinstance(target, str) and change_from_text(target) is not None):
        return None
    return " ".join(target.split())


def plain_target(target: Any) -> Any:
    """A target as plain YAML data: a range becomes ``{min, max}``, a change its words (or its mapping)."""
    if isinstance(target, Range):
        return {k: v for k, v in (("min", target.min), ("max", target.max)) if v is not None}
    if isinstance(target, Change):
        return target.text or target.model_dump(exclude_none=True, exclude={"text"})
    return target


def _target_text(target: Any) -> str:
    if isinstance(target, Range | Change):
        return str(format_value(target))
    return text(target) if isinstance(target, int | float | str) and not isinstance(target, bool) else repr(target)


def _target(cell: Cell, at: IndicatorAt) -> Any:
    """A target or actual value: a number, a range written a..b, a change in words, or a level."""
    got = cell.value
    _no_formula(cell)
    ident, kind, levels = at.indicator.id, at.kind, at.levels
    if got is None:
        return None
    if isinstance(got, bool | dt.date | dt.time):
        raise Bad(_wrong_type(got, "a level" if kind in TEXT_KINDS else "a number"))
    if isinstance(got, str) and change_from_text(got) is not None:
        return " ".join(got.split())
    if kind in TEXT_KINDS:
        words = text(got)
        if isinstance(got, int | float) or _NUMBER.match(words):
            raise Bad(
                _("{id} is a {kind} indicator: expected a level such as ดีมาก, got the number {number}").format(
                    id=ident, kind=kind, number=words
                )
            )
        if levels and words not in levels:
            raise Bad(
                _("{level!r} is not one of the indicator's levels ({levels})").format(
                    level=words, levels=", ".join(levels)
                )
            )
        return words
    if isinstance(got, str):
        written = arabic_digits(got).replace(" ", "")
        if ".." in written and written != "..":
            low, high = (_number(part, got) if part else None for part in written.split("..", 1))
            if low is not None and high is not None and low > high:
                raise Bad(_("the range {range} goes down: write the lower bound first").format(range=got))
            return {k: _whole(v) for k, v in (("min", low), ("max", high)) if v is not None}
        got = _number(written, got)
    number = _whole(_not_percent(cell, got))
    if kind == "percent" and not 0 <= number <= 100:
        raise Bad(_("{id} is a percent indicator: {number} is not in 0..100").format(id=ident, number=number))
    return number


def _not_percent(cell: Cell, number: float) -> float:
    if cell.percent:
        raise Bad(
            _(
                "the cell is formatted as a percentage (Excel holds {number!r}); eduplan writes 85 for 85%: "
                "clear the % format and type the number"
            ).format(number=number)
        )
    return number


def _whole(number: float) -> int | float:
    return int(number) if float(number).is_integer() else float(number)


def _number(written: str, shown: Any) -> float:
    written = arabic_digits(written)
    if not _NUMBER.match(written):
        raise Bad(_("expected a number, got the text {text!r}").format(text=shown))
    return float(written.replace(",", ""))


def money(cell: Cell) -> int | float | None:
    """An amount in baht: a number, or text with thousands separators, Thai digits, or a trailing บาท."""
    return _amount(cell, "an amount in baht", "บาท")


def score(cell: Cell) -> int | float | None:
    """A score behind a level, as a SAR gives it (4.62): a number, Thai digits too; never negative."""
    return _amount(cell, "a score", "คะแนน")


def number(cell: Cell, unit: str | None = None) -> int | float | None:
    """A count or an amount in ``unit`` (คน), never negative: a number, or text (Thai digits, separators, the unit)."""
    return _amount(cell, "a number", unit or "")


def _amount(cell: Cell, what: str, suffix: str) -> int | float | None:
    """A number that cannot be negative, typed as a number or as text (with its unit word after it)."""
    got = _typed(cell, what)
    if got is None:
        return None
    if isinstance(got, str):
        got = _number(got.removesuffix(suffix).replace(" ", ""), got)
    amount = _whole(_not_percent(cell, got))
    if amount < 0:
        if what == "a score":
            raise Bad(_("a score cannot be negative ({number})").format(number=text(amount)))
        if what == "a number":
            raise Bad(_("the number cannot be negative ({number})").format(number=text(amount)))
        raise Bad(_("an amount in baht cannot be negative ({number})").format(number=text(amount)))
    return amount


def quantity(cell: Cell) -> int | float | str | None:
    """A target in a project's unit: a number (Thai digits, thousands separators), or words."""
    got = _typed(cell, "a number in the project's unit, or words")
    if isinstance(got, str):
        written = arabic_digits(got.replace(" ", ""))
        return _whole(float(written.replace(",", ""))) if _NUMBER.match(written) else text(got)
    return None if got is None else _whole(_not_percent(cell, got))


def _typed(cell: Cell, what: str) -> str | int | float | None:
    """A cell's number or text (``None`` when empty); a formula without a result, a date or TRUE is refused."""
    _no_formula(cell)
    got = cell.value
    if isinstance(got, bool | dt.date | dt.time):
        raise Bad(_wrong_type(got, what))
    return got  # type: ignore[no-any-return]


def _expected(what: str) -> str:
    """What a cell should hold, in words (the run's language)."""
    return {
        "a level": _("a level"),
        "a number": _("a number"),
        "an amount in baht": _("an amount in baht"),
        "a score": _("a score"),
        "text": _("text"),
        "a number in the project's unit, or words": _("a number in the project's unit, or words"),
    }[what]


def _wrong_type(got: Any, what: str) -> str:
    """The message for a date, a time or a logical value where ``what`` is expected; the value as a reader writes it."""
    if isinstance(got, bool):
        shown = _("the logical value {value}").format(value=str(got).upper())
    elif isinstance(got, dt.datetime) and got.time() == dt.time():
        shown = _("the date {date}").format(date=_day(got.date()))
    elif isinstance(got, dt.date) and not isinstance(got, dt.datetime):
        shown = _("the date {date}").format(date=_day(got))
    else:
        shown = _("the time {value}").format(value=got.isoformat(sep=" ") if isinstance(got, dt.datetime) else got)
    return _("expected {what}, got {value}").format(what=_expected(what), value=shown)


def _day(day: dt.date) -> str:
    """A day as the workbook's language writes it: 20/09/2567 (พ.ศ.) in Thai, 2024-09-20 in English."""
    return day.isoformat() if language() == "en" else f"{day.day:02}/{day.month:02}/{day.year + 543}"


def done(cell: Cell) -> bool | None:
    """Whether a project was carried out: ใช่ / ไม่ใช่, yes / no, ✓ / ✗, TRUE / FALSE, 1 / 0; blank: not reported."""
    _no_formula(cell)
    got = cell.value
    if got is None or isinstance(got, bool):
        return got
    word = text(got).lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise Bad(
        _("expected ใช่ or ไม่ใช่ (yes/no, ✓/✗), or a blank cell when not reported; got {value!r}").format(value=got)
    )


# -- text and dates ------------------------------------------------------------------------------


def date(cell: Cell) -> str | None:
    """A date as ISO text (Christian Era).

    A date cell whose year looks Buddhist-Era (Excel's dates are Christian Era) is refused, and
    so is one with a time of day. Text is read by :func:`eduplan.thaidate.parse_date`:
    ``20/09/2567``, ``20 ก.ย. 2567``, ``20 กันยายน 2567``, Thai digits, ISO ``2024-09-20``.
    """
    _no_formula(cell)
    got = cell.value
    if got is None:
        return None
    if isinstance(got, dt.datetime) and got.time() != dt.time():
        raise Bad(
            _("the cell holds a time of day too ({time}); a measured date is a day only").format(
                time=got.time().isoformat()
            )
        )
    if isinstance(got, dt.datetime | dt.date):
        day = got.date() if isinstance(got, dt.datetime) else got
        if day.year >= BE_MIN:
            raise Bad(
                _(
                    "the date cell holds the year {year}, which looks Buddhist-Era, but Excel's dates are "
                    "Christian Era: set it to {iso}, or type {thai} as text"
                ).format(
                    year=day.year,
                    iso=_safe_iso(day, day.year - 543),
                    thai=f"{day.day:02}/{day.month:02}/{day.year}",
                )
            )
        return day.isoformat()
    if not isinstance(got, str):
        raise Bad(_("expected a date such as 20/09/2567, got the number {number}").format(number=text(got)))
    try:
        return parse_date(got).isoformat()
    except ValueError as exc:
        raise Bad(str(exc)) from None


def _safe_iso(day: dt.date, year: int) -> str:
    """The day in another year as ISO text (29 February of a year that has none: the 28th)."""
    try:
        return day.replace(year=year).isoformat()
    except ValueError:
        return day.replace(year=year, day=28).isoformat()


def _no_formula(cell: Cell) -> None:
    """Refuse a cell that holds no value a plan can hold: a formula with no saved result, a duration ..."""
    if cell.odd:
        raise Bad(_("the cell holds {what}, which is not a value of the plan; type the value").format(what=cell.odd))
    if cell.formula and cell.value is None:
        raise Bad(
            _("the formula {formula} has no saved result; type the value, or save the file in Excel").format(
                formula=cell.formula
            )
        )


def plain(cell: Cell) -> str | None:
    """A text cell (a number typed into it becomes its text)."""
    _no_formula(cell)
    if cell.value is None:
        return None
    if isinstance(cell.value, dt.date | dt.time):
        raise Bad(_wrong_type(cell.value, "text"))
    if isinstance(cell.value, bool):
        raise Bad(
            _("expected text, got the logical value {value}; type it as text ({typed})").format(
                value=str(cell.value).upper(), typed="'" + str(cell.value).upper()
            )
        )
    return text(cell.value)


def lines(cell: Cell) -> list[str] | None:
    """A text cell of paragraphs or points, one a line (blank lines left out); None when it has none."""
    got = plain(cell)
    if got is None:
        return None
    kept = [line.strip() for line in got.splitlines() if line.strip()]
    return kept or None


def text(got: Any) -> str:
    """A cell value as text: 12.0 reads ``12``."""
    if isinstance(got, float) and got.is_integer():
        return str(int(got))
    return str(got).strip()


# -- comparing and reporting ---------------------------------------------------------------------


def same(new: Any, old: Any) -> bool:
    """Whether a value read from a cell is what the plan already holds."""
    if isinstance(old, Range):
        return isinstance(new, dict) and plain_target(old) == new
    if (words := _change_words(old)) is not None:
        return words == _change_words(new)
    if isinstance(old, dt.date):
        return bool(new == old.isoformat())
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and old.strip() == new.strip()
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    return bool(new == old)


def or_delete(got: Any) -> Any:
    """The value of a change: an empty cell removes the key."""
    return DELETE if got is None else got
