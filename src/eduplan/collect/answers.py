"""A returned form's cells judged against the plan's questions: each unit's answers, or why they are left out.

What is left out, and why (never a guess):

- **the whole return of a unit** when its code or name was changed (RT07);
- **one indicator of one unit** when one of its answers cannot be read (RT08), a ratio's numerator is larger
  than its denominator (RT09), part of its questions are answered and part left blank (RT10), the words of its
  question were changed on the form (RT07), or the plan now asks it as another type (RT12, an error).

An indicator whose every question is blank is not answered: no answer, no finding (the roll-up counts the
unit as not reporting it). ``ไม่มีข้อมูล`` (no data), typed or chosen, is an answer whose value is ``None``;
``0`` is zero. Numbers are read as the sheet stage reads them (Thai digits, thousands separators, the unit
after the number), and kept exact as :class:`~decimal.Decimal`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from eduplan.collect.codes import finding, whole_file
from eduplan.collect.form import Ask
from eduplan.collect.read import FormRead, SentQuestion
from eduplan.findings import Finding, Severity, Span
from eduplan.i18n import _
from eduplan.model.rollup import Rollup
from eduplan.rollup.records import Answer, Value
from eduplan.sheet import cells
from eduplan.sheet.read import Cell
from eduplan.sheet.words import key_of
from eduplan.words.thai import BE_OFFSET

__all__ = ["BLANK", "NO_DATA_WORDS", "Judged", "be_day", "is_no_data", "judge", "settle"]

NO_DATA_WORDS = frozenset({"ไม่มีข้อมูล", "ยังไม่มีข้อมูล", "no data", "no-data", "n/a", "na", "-", "–", "—"})
"""What an answer cell may hold to say there is no data (compared in lower case, spaces tidied)."""

BLANK = object()
"""The value of a question left blank (no answer; not "no data")."""


def is_no_data(written: Any) -> bool:
    """Whether a cell's text says "no data" (ไม่มีข้อมูล, in either language)."""
    if not isinstance(written, str):
        return False
    words = " ".join(written.split()).lower()
    return words in NO_DATA_WORDS or key_of("status", words) == "no-data"


def be_day(iso: str) -> dt.date:
    """An ISO (Christian-Era) day as a date whose year is the B.E. year (the register's way); 29 Feb: the 28th."""
    day = dt.date.fromisoformat(iso)
    try:
        return day.replace(year=day.year + BE_OFFSET)
    except ValueError:
        return day.replace(year=day.year + BE_OFFSET, day=28)


@dataclass(slots=True)
class Judged:
    """What one returned form gives: each unit's answers and date, the units left out, the findings.

    ``out`` holds the units with no return from this form: left out whole (RT07), or a row of a form for
    all units that nobody filled in (no finding: the unit did not report).
    """

    answers: dict[str, dict[str, dict[str, Answer]]] = field(default_factory=dict)
    received: dict[str, dt.date | None] = field(default_factory=dict)
    out: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def _same(got: Any, text: Any) -> bool:
    def norm(value: Any) -> str:
        return "" if value is None else " ".join(cells.text(value).split())

    return norm(got) == norm(text)


def judge(
    read: FormRead,
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]],
    expected: Mapping[str, set[str]],
    today: dt.date,
) -> Judged:
    """Judge a returned form's cells against the plan's questions as they are now.

    Args:
        read: The form read back.
        asks: Every question the plan asks now, by (indicator, key), with its indicator's declaration.
        expected: The codes of the units each indicator counts this year.
        today: The day of the run (B.E.): a return dated later is reported (RT13).
    """
    judged = Judged(findings=list(read.problems))
    spoilt = _locked(read, judged)
    spoilt |= _changed(read, asks, expected, judged)
    by_unit: dict[str, dict[str, dict[str, str]]] = {}
    for ref, code, indicator, key in read.sent.answers:
        by_unit.setdefault(code, {}).setdefault(indicator, {})[key] = ref
    for code in read.sent.units:
        refs_of = by_unit.get(code, {})
        typed = any(read.at(ref).value is not None for refs in refs_of.values() for ref in refs.values())
        dated = code in read.sent.dates and read.at(read.sent.dates[code]).value is not None
        if read.sent.layout == "all" and not typed and not dated:
            judged.out.add(code)  # a row of the shared workbook nobody filled in: no return, not a finding
            continue
        judged.received[code] = _received(read, code, today, judged)
        if code in judged.out:
            continue
        given: dict[str, dict[str, Answer]] = {}
        for indicator, refs in refs_of.items():
            if indicator in spoilt:
                continue
            answers = _indicator(read, indicator, refs, asks, judged)
            if answers:
                given[indicator] = answers
        judged.answers[code] = given
        if not typed:
            message = _("the return of {code} answers no question").format(code=code)
            judged.findings.append(finding("RT16", message, read.unit_place(code)))
    return judged


def _locked(read: FormRead, judged: Judged) -> set[str]:
    """Check every locked cell; the units left out and the indicators spoilt by an edited label."""
    spoilt: set[str] = set()
    for ref, text, owner, who in read.sent.locked:
        got = read.at(ref).value
        if _same(got, text):
            continue
        shown = "" if text is None else cells.text(text)
        place = read.place(ref)
        if owner == "unit":
            judged.out.add(who)
            message = _("the school's code or name was changed (the cell should read {text!r}): its return is left out")
            judged.findings.append(finding("RT07", message.format(text=shown), place))
        elif owner == "question":
            indicator = who.split("\t")[0]
            spoilt.add(indicator)
            message = _(
                "the words of a question of `{indicator}` were changed (the cell should read {text!r}): "
                "the answers to `{indicator}` are left out"
            )
            judged.findings.append(finding("RT07", message.format(indicator=indicator, text=shown), place))
        elif owner == "not-asked":
            message = _("the unit is not asked this question: the value is not read")
            judged.findings.append(finding("RT11", message, place))
        else:
            message = _("a locked cell of the form was changed (it should read {text!r}); it is not read")
            judged.findings.append(finding("RT11", message.format(text=shown), place))
    return spoilt


def _changed(
    read: FormRead,
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]],
    expected: Mapping[str, set[str]],
    judged: Judged,
) -> set[str]:
    """Compare the questions as the form asked them with the plan's now; the indicators that cannot be read."""
    spoilt: set[str] = set()
    first = {(i, k): ref for ref, _c, i, k in reversed(read.sent.answers)}
    for ref_key, sent in read.sent.questions.items():
        indicator, key = ref_key
        where = read.place(first[ref_key]) if ref_key in first else read.place("A1")
        now = asks.get(ref_key)
        if now is None:
            message = _("the plan no longer asks `{indicator}` `{key}`: its answers are not read")
            judged.findings.append(finding("RT11", message.format(indicator=indicator, key=key), where))
            spoilt.add(indicator)
        elif now[0].type != sent.type:
            message = _(
                "the form asks `{indicator}` `{key}` as {sent}, the plan now as {now}: its answers are left out"
            ).format(indicator=indicator, key=key, sent=f"`{sent.type}`", now=f"`{now[0].type}`")
            judged.findings.append(
                finding(
                    "RT12", message, where, hint=_("make new forms with `eduplan collect`"), severity=Severity.ERROR
                )
            )
            spoilt.add(indicator)
        elif _differs(now[0], sent):
            message = _(
                "the plan words `{indicator}` `{key}` otherwise than the form did: "
                "the answer is read as the plan asks now"
            )
            judged.findings.append(finding("RT12", message.format(indicator=indicator, key=key), where))
    for indicator in sorted({i for i, _k in asks} - {i for i, _k in read.sent.questions}):
        if expected.get(indicator, set()) & set(read.sent.units):
            message = _("the form does not ask `{indicator}`, which the plan now collects from this unit")
            judged.findings.append(
                finding(
                    "RT12",
                    message.format(indicator=indicator),
                    whole_file(read.file),
                    hint=_("make new forms with `eduplan collect`"),
                )
            )
    return spoilt


def _differs(ask: Ask, sent: SentQuestion) -> bool:
    return (ask.label, ask.unit or None, ask.levels) != (sent.label, sent.unit or None, sent.levels)


def _indicator(
    read: FormRead,
    indicator: str,
    refs: dict[str, str],
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]],
    judged: Judged,
) -> dict[str, Answer]:
    """One unit's answers to one indicator, or none (and the findings that say why)."""
    got: dict[str, Any] = {}
    bad = False
    for key, ref in refs.items():
        ask, _rollup = asks[(indicator, key)]
        try:
            got[key] = _value(read.at(ref), ask)
        except cells.Bad as exc:
            bad = True
            message = _("`{indicator}` `{key}`: {problem}").format(indicator=indicator, key=key, problem=exc)
            judged.findings.append(finding("RT08", message, read.place(ref)))
    if bad:
        return {}
    rollup = asks[(indicator, next(iter(refs)))][1]
    places = {key: read.place(ref) for key, ref in refs.items()}
    return settle(indicator, rollup, got, places, judged.findings)


def settle(
    indicator: str, rollup: Rollup, got: Mapping[str, Any], places: Mapping[str, Span], findings: list[Finding]
) -> dict[str, Answer]:
    """One unit's answers to one indicator once each is read: all of them, or none when they do not hold together.

    Args:
        indicator: The indicator's id.
        rollup: Its declaration.
        got: Each question's value (:data:`BLANK` when not answered).
        places: Where each question's value is.
        findings: Where to add what is wrong (RT10, RT09).
    """
    blank = [k for k, v in got.items() if v is BLANK]
    if len(blank) == len(got):
        return {}
    if blank:
        for key in blank:
            message = _(
                "`{indicator}` `{key}` is blank while the indicator's other questions are answered: "
                "the answers to `{indicator}` are left out"
            ).format(indicator=indicator, key=key)
            findings.append(finding("RT10", message, places[key]))
        return {}
    top, bottom = got.get("numerator"), got.get("denominator")
    if rollup.method == "ratio" and isinstance(top, Decimal) and isinstance(bottom, Decimal) and top > bottom:
        message = _(
            "`{indicator}`: the numerator ({numerator}) is larger than the denominator ({denominator}): "
            "the answers to `{indicator}` are left out"
        ).format(indicator=indicator, numerator=top, denominator=bottom)
        findings.append(finding("RT09", message, places["numerator"]))
        return {}
    return {key: Answer(key, value, str(places[key])) for key, value in got.items()}


def _value(cell: Cell, ask: Ask) -> Value | object:
    """A cell's answer to a question: a value, ``None`` for no data, or :data:`BLANK`.

    Raises:
        cells.Bad: the cell cannot be read as what the question asks.
    """
    if cell.value is None and not cell.formula and not cell.odd:
        return BLANK
    if is_no_data(cell.value):
        return None
    if ask.type == "number":
        number = cells.number(cell, ask.unit)
        return BLANK if number is None else Decimal(str(number))
    if ask.type == "yes-no":
        yes = cells.done(cell)
        return BLANK if yes is None else yes
    words = cells.plain(cell)
    if words is None:
        return BLANK
    if ask.type == "level":
        level = " ".join(words.split())
        if level not in ask.levels:
            raise cells.Bad(
                _("{level!r} is not one of the levels of the list ({levels})").format(
                    level=words, levels=", ".join(ask.levels)
                )
            )
        return level
    return words


def _received(read: FormRead, code: str, today: dt.date, judged: Judged) -> dt.date | None:
    """The day the unit says it made its return (B.E.); a warning when it is late, unreadable or after today."""
    ref = read.sent.dates.get(code)
    if ref is None:
        return None
    try:
        iso = cells.date(read.at(ref))
    except cells.Bad as exc:
        judged.findings.append(finding("RT13", _("the reporting date: {problem}").format(problem=exc), read.place(ref)))
        return None
    if iso is None:
        return None
    day = be_day(iso)
    due = read.sent.due
    if day > today:
        message = _("the reporting date {date} is later than today ({today})").format(
            date=_shown(day), today=_shown(today)
        )
        judged.findings.append(finding("RT13", message, read.place(ref)))
    elif due is not None and day > due:
        late = (_ce(day) - _ce(due)).days or 1
        message = _("the return of {code} is late: made on {date}, {days} days after the due date {due}").format(
            code=code, date=_shown(day), days=late, due=_shown(due)
        )
        judged.findings.append(finding("RT13", message, read.place(ref)))
    return day


def _ce(day: dt.date) -> dt.date:
    """A B.E.-year date as a Christian-Era date (to count days between two); 29 Feb of no leap year: the 28th."""
    try:
        return day.replace(year=day.year - BE_OFFSET)
    except ValueError:
        return day.replace(year=day.year - BE_OFFSET, day=28)


def _shown(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
