"""One expected unit's answers to one indicator, judged: counted, no data, left out (with a finding), or missing.

What counts: every question of the declaration answered with a value of its type (a number as a finite Decimal,
a level of the question's scale, yes or no, words); for a ratio, both numbers, not negative, and for a percent the
numerator not above the denominator; for a weighted mean, a weight. "No data" said for a question is no data for
the indicator. A unit that answered none of the indicator's questions (or sent no return) is missing; one that
answered some but not all, or with a value that does not fit, is left out with RU14 (RU16 for a missing weight).
The reader of the returns refuses most of these at their cell already; the engine does not trust that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from eduplan.findings import Finding
from eduplan.i18n import _
from eduplan.model.register import Unit
from eduplan.model.rollup import Question, Rollup
from eduplan.model.walk import IndicatorAt
from eduplan.rollup.codes import finding, place
from eduplan.rollup.figure import HUNDRED, Part, meets
from eduplan.rollup.records import Answer, UnitReturn, Value

__all__ = ["Judged", "judge"]


@dataclass(frozen=True, slots=True)
class Judged:
    """What one expected unit's answers to an indicator are: a part of the figure, no data, left out or missing."""

    unit: Unit
    part: Part | None = None
    no_data: bool = False
    left_out: bool = False


def judge(
    at: IndicatorAt,
    rollup: Rollup,
    unit: Unit,
    ret: UnitReturn | None,
    per: Decimal,
    findings: list[Finding],
    keys: Sequence[str] | None = None,
) -> Judged:
    """Judge ``unit``'s answers (from ``ret``, its return; None: none, or two) to the indicator ``at``.

    ``keys`` are the declaration's questions (:attr:`~eduplan.model.rollup.Rollup.questions`), given once by a
    caller that judges many units.
    """
    answers = ret.answers.get(at.indicator.id, {}) if ret is not None else {}
    keys = rollup.questions if keys is None else keys
    given = {key: answers[key] for key in keys if key in answers}
    if ret is None or not given:
        return Judged(unit)
    name = at.indicator.id
    if len(given) < len(keys):
        return _incomplete(unit, [key for key in keys if key not in given], name, given, findings)
    if any(answer.value is None for answer in given.values()):
        return Judged(unit, no_data=True)
    for key, answer in given.items():
        problem = _misfit(rollup.collect[key], answer.value)
        if problem is not None:
            return _left_out(unit, findings, problem.format(unit=_who(unit), id=name, key=f"`{key}`"), answer)
    values: dict[str, Value] = {key: answer.value for key, answer in given.items()}
    if rollup.method == "ratio":
        problem = _ratio_problem(values, per)
        if problem is not None:
            return _left_out(unit, findings, problem.format(unit=_who(unit), id=name), given["numerator"])
    weight: Decimal | None = None
    if rollup.weight is not None:
        weight = _weight(unit, rollup.weight, values)
        if weight is None:
            return _no_weight(unit, rollup.weight, name, given["value"], findings)
    met = None
    if rollup.method in ("share", "count"):
        met = meets(rollup.condition, rollup.collect["value"], values["value"]) if rollup.condition else True
    part = Part(unit, values, {k: a.where for k, a in given.items()}, weight, ret.received, met)
    return Judged(unit, part)


def _incomplete(unit: Unit, absent: list[str], name: str, given: dict[str, Answer], findings: list[Finding]) -> Judged:
    return _left_out(
        unit,
        findings,
        _("{unit} answered {id} without {keys}; the unit is left out of {id}").format(
            unit=_who(unit), id=name, keys=", ".join(f"`{key}`" for key in absent)
        ),
        next(iter(given.values())),
    )


def _no_weight(unit: Unit, weight: str, name: str, answer: Answer, findings: list[Finding]) -> Judged:
    findings.append(
        finding(
            "RU16",
            _("{unit} has no weight (`{weight}`) for the mean of {id}; the unit is left out of {id}").format(
                unit=_who(unit), weight=weight, id=name
            ),
            place(answer.where),
            hint=_("give the unit's number of students (`students`) in the register"),
        )
    )
    return Judged(unit, left_out=True)


def _who(unit: Unit) -> str:
    return f"{unit.name} ({unit.code})"


def _left_out(unit: Unit, findings: list[Finding], message: str, answer: Answer) -> Judged:
    findings.append(finding("RU14", message, place(answer.where)))
    return Judged(unit, left_out=True)


def _misfit(question: Question, value: Value) -> str | None:
    """Why a value does not fit its question (a message to format with unit, id and key), or None."""
    kind = question.type
    if kind == "number":
        if not isinstance(value, Decimal) or not value.is_finite():
            return _("{unit} answered {key} of {id} with something that is not a number; the unit is left out of {id}")
    elif kind == "level":
        if not isinstance(value, str) or value not in (question.levels or []):
            return _(
                "{unit} answered {key} of {id} with a level that is not on its scale; the unit is left out of {id}"
            )
    elif kind == "yes-no":
        if not isinstance(value, bool):
            return _("{unit} answered {key} of {id} with something that is not yes or no; the unit is left out of {id}")
    elif not isinstance(value, str) or not value.strip():
        return _("{unit} answered {key} of {id} with something that is not words; the unit is left out of {id}")
    return None


def _ratio_problem(values: dict[str, Value], per: Decimal) -> str | None:
    numerator, denominator = values["numerator"], values["denominator"]
    assert isinstance(numerator, Decimal) and isinstance(denominator, Decimal)
    if numerator < 0 or denominator < 0:
        return _("{unit} gave a negative number for {id}; the unit is left out of {id}")
    if per == HUNDRED and numerator > denominator:
        return _("{unit} gave a numerator above its denominator for {id}; the unit is left out of {id}")
    return None


def _weight(unit: Unit, weight: str, values: dict[str, Value]) -> Decimal | None:
    if weight == "students":
        return Decimal(unit.students) if unit.students is not None else None
    value = values.get(weight)
    return value if isinstance(value, Decimal) and value >= 0 else None
