"""How an indicator is computed from the units of the register: the ``rollup:`` declaration.

An office's indicator about its schools says what each school reports and how the office's figure is
made of their answers::

    rollup:
      method: ratio
      collect:
        numerator:   {label: จำนวนนักเรียนที่มีผลสัมฤทธิ์ระดับ 3 ขึ้นไป, unit: คน}
        denominator: {label: จำนวนนักเรียนทั้งหมดที่เข้าสอบ, unit: คน}
      scope: {levels: [upper-secondary]}
      coverage_min: 80

The methods (:data:`METHODS`): ``sum`` of the values; ``ratio`` of two sums (a percentage across schools is
sum(numerator) / sum(denominator) x 100, never a mean of percentages); ``share`` of the reporting units that
meet a ``condition``; ``mean``, weighted by ``weight`` (the register's ``students`` or a collected key);
``count`` of the units that meet the condition (or that reported); ``latest``: the most recent value reported;
``list``: what each unit said, for a qualitative indicator. The model refuses a declaration that cannot be
computed (a ratio without its denominator, a share without a condition, a condition that does not fit the
question); :mod:`eduplan.rollup` computes it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, model_validator

from eduplan.i18n import N_, _
from eduplan.model.common import Model, Num, PlanValueError, Text, describe
from eduplan.model.register import Code, SchoolLevel, Size, UnitKind

__all__ = [
    "METHODS",
    "Dimension",
    "RolledUp",
    "RolledUpGroup",
    "Condition",
    "Method",
    "MonthDay",
    "Question",
    "QuestionType",
    "Rollup",
    "Scope",
    "date_in_year",
]

Method = Literal["sum", "ratio", "share", "mean", "count", "latest", "list"]
METHODS: tuple[Method, ...] = ("sum", "ratio", "share", "mean", "count", "latest", "list")
"""The ways an office's figure is made of its units' answers."""

QuestionType = Literal["number", "level", "yes-no", "text"]
"""What a unit answers: a number (in a unit), a level of a scale, yes or no, or words."""

QuestionKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=40)]


class Question(Model):
    """One thing each unit reports for the indicator: a number, a level, yes/no or words."""

    label: Text
    """The question as the form asks it, such as จำนวนนักเรียนทั้งหมดที่เข้าสอบ."""
    unit: Text | None = None
    """The unit of a number (คน, ห้องเรียน, บาท)."""
    levels: list[Text] | None = None
    """For a level: the scale, worst first, such as [ปรับปรุง, พอใช้, ดี, ดีมาก]; the form offers these only."""
    yes_no: bool = False
    """The answer is yes or no (มี/ไม่มี, ผ่าน/ไม่ผ่าน)."""
    text: bool = False
    """The answer is words (what the unit did, for a qualitative indicator)."""
    note: Text | None = None
    """Help shown under the question on the form."""

    @model_validator(mode="after")
    def _one_type(self) -> Question:
        flags = (("levels", self.levels is not None), ("yes_no", self.yes_no), ("text", self.text))
        given = [name for name, on in flags if on]
        if len(given) > 1:
            raise PlanValueError(
                _("a question is a number, a level, yes/no or text: it cannot be both {first} and {second}").format(
                    first=f"`{given[0]}`", second=f"`{given[1]}`"
                )
            )
        if self.levels is not None and len(set(self.levels)) < max(2, len(self.levels)):
            raise PlanValueError(_("a scale of levels names at least two levels, each once"))
        if self.unit is not None and given:
            message = _("only a number has a unit (`unit`); remove it or the {key}")
            raise PlanValueError(message.format(key=f"`{given[0]}`"))
        return self

    @property
    def type(self) -> QuestionType:
        """What the unit answers."""
        if self.levels is not None:
            return "level"
        if self.yes_no:
            return "yes-no"
        return "text" if self.text else "number"


class Condition(Model):
    """What a unit's answer must be to count for a share or a count: a threshold, a level, or yes."""

    at_least: Num | None = None
    """A number at or over this value (a score of 3.5 or more)."""
    at_most: Num | None = None
    """A number at or under this value (a dropout rate of 1 or less)."""
    level_at_least: Text | None = None
    """A level at or above this one of the question's scale (ดี or better)."""
    yes: bool | None = None
    """The answer yes (``yes: true``) or no (``yes: false``)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        number = self.at_least is not None or self.at_most is not None
        kinds = sum([number, self.level_at_least is not None, self.yes is not None])
        if kinds != 1:
            raise PlanValueError(
                _("a condition gives a threshold ({number}), a level ({level}) or {yes}, one of them").format(
                    number="`at_least`/`at_most`", level="`level_at_least`", yes="`yes`"
                )
            )
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise PlanValueError(
                _("the condition asks for at least {low} and at most {high}: no value can meet it").format(
                    low=self.at_least, high=self.at_most
                )
            )
        return self

    @property
    def fits(self) -> QuestionType:
        """The type of question this condition can judge."""
        if self.level_at_least is not None:
            return "level"
        return "yes-no" if self.yes is not None else "number"


class Scope(Model):
    """Which units of the register an indicator counts: all of them, or those of a kind, level, size or place."""

    kind: UnitKind | None = None
    """Schools or offices; default: schools when the register has any (an office's plan), else offices
    (a national plan)."""
    levels: list[SchoolLevel] = []
    """Only units that teach one of these levels (upper-secondary for an indicator about ม.ปลาย)."""
    sizes: list[Size] = []
    """Only units of these size classes."""
    districts: list[Text] = []
    """Only units of these districts (อำเภอ)."""
    provinces: list[Text] = []
    """Only units of these provinces (จังหวัด)."""
    parents: list[Code] = []
    """Only units directly under these offices (codes)."""


_MONTH_DAY = re.compile(r"^\s*([0-9๐-๙]{1,2})-([0-9๐-๙]{1,2})\s*$")


def _month_day(value: Any) -> str:
    match = _MONTH_DAY.match(value) if isinstance(value, str) else None
    if match is None:
        raise PlanValueError(
            _("expected a day of the year as month-day, such as 06-10 (10 June), got {value}").format(
                value=describe(value)
            ),
            _("write the month and the day: 06-10"),
        )
    month, day = (int(part) for part in match.groups())
    try:
        dt.date(2000, month, day)  # a leap year: 02-29 is a day of some years
    except ValueError:
        raise PlanValueError(_("{value} is not a day of the year (month-day)").format(value=repr(value))) from None
    return f"{month:02d}-{day:02d}"


MonthDay = Annotated[
    str, PlainValidator(_month_day), WithJsonSchema({"type": "string", "pattern": r"^[0-9]{1,2}-[0-9]{1,2}$"})
]
"""A day of the year, month-day: 06-10 is 10 June (OBEC's day of counting students)."""


def date_in_year(month_day: str, year: int, year_kind: str) -> dt.date:
    """The B.E. date of ``month_day`` within fiscal or academic ``year``.

    Fiscal year 2567 runs from 1 October 2566 to 30 September 2567: 10-01 to 12-31 fall in 2566. Academic
    year 2567 runs from May 2567 to March 2568: 01-01 to 04-30 fall in 2568. A 02-29 of a year without one
    is 02-28.
    """
    month, day = (int(part) for part in month_day.split("-"))
    calendar = year
    if year_kind == "fiscal" and month >= 10:
        calendar = year - 1
    elif year_kind == "academic" and month <= 4:
        calendar = year + 1
    try:
        return dt.date(calendar, month, day)
    except ValueError:
        return dt.date(calendar, month, day - 1)


_NEEDS: dict[str, str] = {
    "ratio": N_("a ratio collects two numbers: `numerator` and `denominator`"),
    "share": N_("a share collects one answer, `value`, and gives a `condition`"),
    "mean": N_("a mean collects one number, `value` (and the key its `weight` names, if it is collected)"),
    "sum": N_("a sum collects one number, `value`"),
    "count": N_("a count collects one answer, `value` (and may give a `condition`)"),
    "latest": N_("`latest` collects one answer, `value`"),
    "list": N_("a list collects one answer, `value` (usually words: `text: true`)"),
}
"""What each method collects, one sentence each (the hint of a declaration that does not)."""


class Rollup(Model):
    """How an indicator is computed from the units of the register (see the module's text)."""

    method: Method
    """sum, ratio, share, mean, count, latest or list."""
    collect: dict[QuestionKey, Question]
    """What each unit reports, by key: ``numerator`` and ``denominator`` for a ratio, ``value`` for the rest
    (a mean may add the key its weight names)."""
    condition: Condition | None = None
    """For a share (required) or a count: what a unit's answer must be to count."""
    weight: Text | None = None
    """For a mean: ``students`` (the register's number of students) or a collected key; without it, every
    unit weighs the same."""
    scope: Scope = Scope.model_construct()  # not Scope(): that would build its validator as the module is imported
    """Which units count; default: every school of the register."""
    as_of: MonthDay | None = None
    """The day of the year the register is read at (06-10); default: the register's own date."""
    coverage_min: Annotated[Num, Field(ge=0, le=100)] | None = None
    """The least coverage, in percent of the expected units, below which the roll-up reports a finding."""
    per: Annotated[Num, Field(gt=0)] | None = None
    """A ratio is sum(numerator) / sum(denominator) x ``per``: 100 for a percent indicator (the default), 1 else."""
    decimals: Annotated[int, Field(ge=0, le=6)] = 2
    """Decimal places of the figure written into the report."""

    @model_validator(mode="after")
    def _computable(self) -> Rollup:
        keys = set(self.collect)
        needed = {"numerator", "denominator"} if self.method == "ratio" else {"value"}
        allowed = set(needed)
        if self.method == "mean" and self.weight is not None and self.weight != "students":
            allowed.add(self.weight)
        if not needed <= keys or not keys <= allowed:
            raise PlanValueError(
                _("`method: {method}` cannot use the keys collected ({keys})").format(
                    method=self.method, keys=", ".join(f"`{key}`" for key in sorted(keys)) or "-"
                ),
                _(_NEEDS[self.method]),
            )
        numbers = needed if self.method in ("ratio", "sum", "mean") else set()
        if self.method == "mean" and self.weight in keys:
            numbers.add(self.weight)
        for key in sorted(numbers):
            if self.collect[key].type != "number":
                raise PlanValueError(
                    _("`method: {method}` computes with numbers, but {key} asks for {type}").format(
                        method=self.method, key=f"`{key}`", type=f"`{self.collect[key].type}`"
                    ),
                    _("give the question a unit of a number, such as `unit: คน`"),
                )
        self._check_condition()
        if self.weight is not None and self.method != "mean":
            raise PlanValueError(_("only a mean is weighted (`weight`); remove it"))
        if self.per is not None and self.method != "ratio":
            raise PlanValueError(_("only a ratio has `per`; remove it"))
        return self

    def _check_condition(self) -> None:
        if self.condition is None:
            if self.method == "share":
                raise PlanValueError(
                    _("a share counts the units that meet a condition: give one"),
                    _("such as {example}").format(
                        example="`condition: {at_least: 3.5}`, `{level_at_least: ดี}`, `{yes: true}`"
                    ),
                )
            return
        if self.method not in ("share", "count"):
            raise PlanValueError(_("only a share or a count has a `condition`; remove it"))
        question = self.collect["value"]
        if self.condition.fits != question.type:
            raise PlanValueError(
                _("the condition judges {fits}, but the question `value` asks for {type}").format(
                    fits=f"`{self.condition.fits}`", type=f"`{question.type}`"
                )
            )
        level = self.condition.level_at_least
        if level is not None and question.levels is not None and level not in question.levels:
            raise PlanValueError(
                _("{level} is not a level of the question's scale ({levels})").format(
                    level=repr(level), levels=", ".join(question.levels)
                )
            )

    @property
    def questions(self) -> list[str]:
        """The keys collected, in the order the form asks them (numerator before denominator)."""
        order = {"numerator": 0, "denominator": 1, "value": 2}
        return sorted(self.collect, key=lambda key: (order.get(key, 3), key))


Dimension = Literal["district", "province", "size"]
"""What a roll-up breaks its figures down by."""


class RolledUpGroup(Model):
    """One group of a roll-up's breakdown: a district, a province or a size class."""

    group: Text | None = None
    """The district, province or size (small, medium, large, extra-large); none for the units that give none."""
    value: Num | Text | None = None
    """The group's figure; none when it has no data."""
    reported: Annotated[int, Field(ge=0)]
    """How many of its expected units' answers count."""
    expected: Annotated[int, Field(ge=0)]
    """How many of its units the register expected."""


class RolledUp(Model):
    """What an actual written by ``eduplan rollup`` is made of, so that it can be rolled up again (to the country).

    A ratio's value is ``numerator / denominator x 100``; an office's actual that keeps both lets a national roll-up
    pool the schools' counts (a ratio of sums over every school) instead of averaging the offices' percentages.
    """

    numerator: Num | None = None
    """The pooled first number: Σ numerators of a ratio, the units meeting a share's condition, Σ weight x value."""
    denominator: Num | None = None
    """The pooled second number: Σ denominators, the units reporting, Σ weights."""
    reported: Annotated[int, Field(ge=0)]
    """How many expected units' answers count."""
    expected: Annotated[int, Field(ge=0)]
    """How many units the register expected."""
    method: Method | None = None
    """How the value was made of the units' answers (a ratio's numerator and denominator are shown with it)."""
    units: UnitKind = "school"
    """What the units are: schools (ส่งรายงาน 212/230 โรง) or offices."""
    missing: list[Code] = []
    """The codes of the expected units that did not report (the register gives their names)."""
    by: dict[Dimension, list[RolledUpGroup]] = {}
    """The breakdown: by district, province and size class, each group with its value and coverage."""
