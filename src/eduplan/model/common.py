"""Types shared by every part of the plan model.

Every model forbids unknown keys and is strict: YAML ``"80"`` (a quoted string) is not the
number 80, and ``yes`` is not a boolean. The loader resolves plain scalars written with Thai
digits (``๘๐``) or thousands separators (``1,250,000``) to numbers before validation, the way
YAML resolves their Arabic twins.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
    model_validator,
)

from eduplan.i18n import _

__all__ = [
    "BE_MAX",
    "BE_MIN",
    "BEYear",
    "Change",
    "Direction",
    "describe",
    "not_a_number",
    "shown_value",
    "Id",
    "Kind",
    "Level",
    "Model",
    "Money",
    "PlanValueError",
    "Num",
    "Number",
    "Range",
    "Statement",
    "Target",
    "Text",
    "target_tag",
    "YearKind",
    "YearValue",
    "change_from_text",
]

BE_MIN = 2400
"""Smallest year accepted as a Buddhist-Era year (1857 CE)."""
BE_MAX = 2800
"""Largest year accepted as a Buddhist-Era year (2257 CE)."""


class Model(BaseModel):
    """Base of every plan model: strict, closed, documented by attribute docstrings.

    A model's validator is built when it is first used, not when its class is defined
    (``defer_build``): validating a plan builds the plan's, nested models included, and a command
    that never validates a kind of file never pays for its model. The attribute docstrings become
    the JSON Schema's descriptions in :mod:`eduplan.model.fielddocs`, not here, where pydantic
    would read every model's source on every run.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        allow_inf_nan=False,
        populate_by_name=True,
        defer_build=True,
    )


class PlanValueError(ValueError):
    """A value the model refuses: the message (in the run's language) and what to do about it.

    The loader shows the message at the value and the hint below it (:mod:`eduplan.load.validation`).
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def _check_be_year(year: int) -> int:
    if BE_MIN <= year <= BE_MAX:
        return year
    if 1900 <= year <= 2200:
        raise PlanValueError(
            _(
                "{year} looks like a Christian-Era year; plans use Buddhist-Era years "
                "(พ.ศ. = ค.ศ. + 543, here {be_year})"
            ).format(year=year, be_year=year + 543),
            _("write the Buddhist-Era year: {be_year}").format(be_year=year + 543),
        )
    raise PlanValueError(
        _("{year} is not a Buddhist-Era year ({low}..{high})").format(year=year, low=BE_MIN, high=BE_MAX)
    )


BEYear = Annotated[int, AfterValidator(_check_be_year)]
"""A Buddhist-Era year, such as 2566 (= 2023 CE)."""

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9._-]*$",
        max_length=64,
        description="A stable identifier: lowercase ASCII letters, digits, '.', '_' or '-'. "
        "It never changes when items are renumbered, so editions can be compared.",
    ),
]


def _number_as_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value  # rejected by the str validator
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise PlanValueError(
            _("YAML reads this number as {value}, which loses how it was written (3.10 becomes 3.1)").format(
                value=repr(value)
            ),
            _('put the number in quotes, for example "3.10"'),
        )
    return value


Number = Annotated[
    str,
    BeforeValidator(_number_as_text),
    Field(
        min_length=1,
        description='The item\'s number exactly as published, such as "1.2.3" or "7" (published mistakes included).',
    ),
]

Text = Annotated[str, Field(min_length=1)]
"""Plan text in Thai (or any language), exactly as published."""


def _number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise not_a_number(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise PlanValueError(
            _("{value} is not a number a plan can use").format(value=describe(value)),
            _("write the number itself, such as 80"),
        )
    return value


def not_a_number(value: Any) -> PlanValueError:
    """The error for a value given where a number is expected, in words, with what to do.

    A date (a date cell, or text such as 2024-09-20) is named as a date, shown as written.
    """
    if isinstance(value, dt.date | dt.time) or isinstance(value, str) and _DATE_TEXT.match(value):
        return PlanValueError(
            _("{value} is not a number: a date or a time cannot stand where a number is expected").format(
                value=describe(value)
            ),
            _("write the number itself, such as 80 (a cell shown as a date holds a date: format it as a number)"),
        )
    if isinstance(value, str):
        hint = _("write the number with digits and without quotes, such as 80")
    elif value is None:
        hint = _("an empty value is null in YAML; give a value or remove the key")
    else:
        hint = _("write the number itself, such as 80")
    return PlanValueError(_("expected a number, got {value}").format(value=describe(value)), hint)


_DATE_TEXT = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
"""Text that reads as a date: 2024-09-20, 20/9/2567 (in a number's place, a date the user typed)."""


def _money(value: Any) -> int | float:
    amount = _number(value)
    if amount < 0:
        raise PlanValueError(
            _("an amount of money cannot be negative ({value})").format(value=value),
            _("write the amount without a minus sign"),
        )
    return amount


def shown_value(value: Any) -> str:
    """A value as the user wrote it: ``2024-09-20`` for a date, ``true`` for a boolean, ``80`` for a number."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ".inf" if value > 0 else "-.inf"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time() and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(" ", "minutes" if value.second == 0 and not value.microsecond else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat("minutes" if value.second == 0 and not value.microsecond else "seconds")
    return str(value)


def describe(value: Any) -> str:
    """Name a raw value for a message, in the run's language: "the text '80'", "a list", "the date 2024-09-20".

    Values are shown as the user wrote them (a date as 2024-09-20, never as Python writes it).
    """
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("the boolean {value}").format(value=shown_value(value))
    if isinstance(value, str):
        return _("the text {value}").format(value=repr(value))
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list | tuple | set):
        return _("a list")
    if isinstance(value, dt.datetime) and shown_value(value) != value.date().isoformat():
        return _("the date and time {value}").format(value=shown_value(value))
    if isinstance(value, dt.date):
        return _("the date {value}").format(value=shown_value(value))
    if isinstance(value, dt.time):
        return _("the time {value}").format(value=shown_value(value))
    if isinstance(value, int) or isinstance(value, float) and math.isfinite(value):
        return repr(value)
    return f"`{shown_value(value)}`"


Num = Annotated[int | float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
"""A number as written: integers stay integers (80), decimals stay decimals (80.5)."""

Money = Annotated[int | float, PlainValidator(_money), WithJsonSchema({"type": "number", "minimum": 0})]
"""An amount in baht."""


class Range(Model):
    """A target given as a range, such as "between 70 and 80"."""

    min: Num | None = None
    """Lowest acceptable value (inclusive)."""
    max: Num | None = None
    """Highest acceptable value (inclusive)."""


class Change(Model):
    """A target relative to an earlier value, such as เพิ่มขึ้นร้อยละ 3 (3 more than the year before).

    The amount is in the indicator's own unit: "เพิ่มขึ้นร้อยละ 3" on a percent indicator is 3 points
    more. ``of: baseline`` measures from the baseline instead of from the previous year.
    """

    increase: Num | None = None
    """How much higher than the earlier value."""
    decrease: Num | None = None
    """How much lower than the earlier value."""
    of: Literal["previous", "baseline"] = "previous"
    """What the change is measured from: the previous year's value (target or result) or the baseline."""
    text: Text | None = None
    """The target as published, such as เพิ่มขึ้นร้อยละ 3, when it was written in words."""

    @model_validator(mode="after")
    def _one_amount(self) -> Change:
        if (self.increase is None) == (self.decrease is None):
            raise PlanValueError(
                _("a change gives one of increase or decrease, such as {example}").format(example="{increase: 3}")
            )
        for amount in (self.increase, self.decrease):
            if amount is not None and amount < 0:
                raise PlanValueError(
                    _("write a change as a positive amount ({amount}); use increase or decrease").format(amount=amount)
                )
        return self

    @property
    def delta(self) -> float:
        """The signed change: +3 for an increase of 3, -3 for a decrease of 3."""
        return float(self.increase) if self.increase is not None else -float(self.decrease or 0)

    def shown(self, unit_word: str = "") -> str:
        """The change as published, or in words: "เพิ่มขึ้น 3"."""
        if self.text:
            return self.text
        amount = self.increase if self.increase is not None else self.decrease
        word = "เพิ่มขึ้น" if self.increase is not None else "ลดลง"
        shown = int(amount) if isinstance(amount, float) and amount.is_integer() else amount
        return f"{word}{unit_word} {shown}".strip()


_CHANGE_TEXT = re.compile(
    r"^\s*(?P<word>เพิ่มขึ้น|เพิ่ม|ลดลง|ลด)\s*(?:จาก(?P<base>ปีฐาน|ค่าฐาน|ฐาน|ปีที่ผ่านมา|ปีก่อน)\s*)?"
    r"(?:ร้อยละ|ไม่น้อยกว่าร้อยละ|อย่างน้อยร้อยละ)?\s*(?P<amount>[0-9๐-๙]+(?:\.[0-9๐-๙]+)?)\s*"
    r"(?:%|ต่อปี|จากปีที่ผ่านมา|จากปีก่อน|จากปีฐาน|จากค่าฐาน)?\s*$"
)


def change_from_text(value: str) -> dict[str, Any] | None:
    """A change target read from its Thai wording ("เพิ่มขึ้นร้อยละ 3", "ลดลง 5 จากปีฐาน"); None otherwise."""
    match = _CHANGE_TEXT.match(value)
    if match is None:
        return None
    amount_text = match["amount"]  # int() and float() read Thai digits as they read Arabic ones
    amount: int | float = float(amount_text) if "." in amount_text else int(amount_text)
    key = "increase" if match["word"].startswith("เพิ่ม") else "decrease"
    of = "baseline" if "ฐาน" in value else "previous"
    return {key: amount, "of": of, "text": value.strip()}


def target_tag(value: Any) -> str:
    """Tell which kind of target a value is: ``number``, ``range``, ``change`` or ``level``.

    Raw data when validating; a model instance when serialising (``model_dump``).
    """
    if isinstance(value, Change):
        return "change"
    if isinstance(value, dict):
        return "change" if {"increase", "decrease"} & value.keys() else "range"
    if isinstance(value, Range):
        return "range"
    if isinstance(value, str):
        return "level"
    return "number"


def _words_to_change(value: Any) -> Any:
    if isinstance(value, str):
        return change_from_text(value) or value
    return value


_NUMERIC_TEXT = re.compile(r"^\s*[-+]?[0-9๐-๙][0-9๐-๙,]*(\.[0-9๐-๙]+)?\s*%?\s*$")


def _level_is_not_a_number(value: str) -> str:
    if _NUMERIC_TEXT.match(value):
        raise PlanValueError(
            _(
                "{value} is a number written as text; write it without quotes "
                "(and without '%': the unit says what the number counts)"
            ).format(value=repr(value))
        )
    return value


Level = Annotated[Text, AfterValidator(_level_is_not_a_number)]
"""A qualitative level such as "ดีมาก"."""

Target = Annotated[
    Annotated[Num, Tag("number")]
    | Annotated[Range, Tag("range")]
    | Annotated[Change, Tag("change")]
    | Annotated[Level, Tag("level")],
    Discriminator(target_tag),
    BeforeValidator(_words_to_change),
]
"""A yearly target: a number (80), a range ({min: 70, max: 80}), a change from the year before or
the baseline ({increase: 3}, or in words: เพิ่มขึ้นร้อยละ 3) or a qualitative level ("ดีมาก")."""


def _year_value(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PlanValueError(
            _("expected a Buddhist-Era year (2565) or a span (2564-2565), got {value}").format(value=describe(value))
        )
    if isinstance(value, int):
        return _check_be_year(value)
    match = _YEAR_SPAN.match(value)  # \d and int() take Thai digits as they take Arabic ones
    if match is None:
        raise PlanValueError(
            _("{value} is not a year: write a Buddhist-Era year (2565) or a span (2564-2565, 2564/65)").format(
                value=repr(value)
            )
        )
    first, last = match["first"], match["last"]
    if len(first) == 2:
        first = "25" + first
    if len(last) == 2:
        last = first[:2] + last
    start, end = _check_be_year(int(first)), _check_be_year(int(last))
    if end < start:
        raise PlanValueError(_("{value}: the span ends before it starts").format(value=repr(value)))
    return f"{start}-{end}" if end != start else start


_YEAR_SPAN = re.compile(
    r"^\s*(?:ปี|พ\.ศ\.|ปีการศึกษา|ปีงบประมาณ)?\s*(?P<first>\d{4}|\d{2})\s*[-/–]\s*(?P<last>\d{4}|\d{2})\s*$"
)

YearValue = Annotated[
    int | str,
    PlainValidator(_year_value),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"[0-9]{2,4}\s*[-/–]\s*[0-9]{2,4}"}]}),
]
"""A Buddhist-Era year (2565), or a span of years as published ("2564-2565", "ปี 64/65" becomes "2564-2565")."""


class Statement(Model):
    """A numbered statement of the plan: a mission, a goal, a policy target or an approach."""

    id: Id
    """Stable identifier."""
    number: Number
    """Number as published."""
    text: Text
    """The statement, exactly as published."""


Kind = Literal["percent", "count", "score", "level", "qualitative"]
YearKind = Literal["fiscal", "academic"]
"""Fiscal years (ปีงบประมาณ, October-September) or academic years (ปีการศึกษา, May-March)."""
Direction = Literal["higher-is-better", "lower-is-better", "maintain"]
