"""A unit that keeps its own eduplan plan feeds its office: its report's actuals read as a return.

The register names the unit's plan folder (``plan: ../schools/1052140123``, relative to the office's plan
folder). The unit's plan must load whole; its indicators (and standards) say what they feed with ``feeds:``
(:mod:`eduplan.model.feeds`). Each actual of the unit's report for a fed indicator becomes an
:class:`~eduplan.rollup.records.Answer` located at its value (``schools/1052140123/reports/2566.yaml:8:12``).

**Which report.** When both plans count the same kind of year, the report of the same year. When the office
counts fiscal years and the unit academic ones (a school), the report of the academic year that *ended*
within the fiscal year: fiscal year 2567 (October 2566 to September 2567) reads the school's report of
academic year 2566 (May 2566 to March 2567), the last one complete when the office writes its report.

**What fits.** A number question takes a number (an indicator of kind percent, count or score); a level
question a level of its scale; a text question words (a qualitative indicator). A yes/no question is not fed
by a plan (no indicator's actual is yes or no): RT15. A range or a change as an actual is no answer (RT08).
``no_data`` is no data (an answer whose value is ``None``); an indicator without an actual is not answered.
The same checks as a form's follow (:func:`eduplan.collect.answers.settle`): a ratio's two numbers both, the
numerator not above the denominator.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from eduplan.collect.answers import BLANK, be_day, settle
from eduplan.collect.codes import finding
from eduplan.collect.form import Ask
from eduplan.errors import UsageError
from eduplan.findings import Finding, Span
from eduplan.i18n import _
from eduplan.load.loader import LoadResult
from eduplan.load.whole import load_whole
from eduplan.model import Actual, Plan, Report
from eduplan.model.register import Unit
from eduplan.model.rollup import Rollup
from eduplan.model.walk import IndicatorAt, all_indicators
from eduplan.rollup.records import Answer, UnitReturn

__all__ = ["FromPlan", "from_unit_plan", "report_year"]

_FITS = {"percent": "number", "count": "number", "score": "number", "level": "level", "qualitative": "text"}
"""The question type an indicator of each kind can answer."""


@dataclass(slots=True)
class FromPlan:
    """What a unit's own plan gives: its return (or none), the findings, the files read."""

    ret: UnitReturn | None = None
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def report_year(office_kind: str, unit_kind: str, year: int) -> int:
    """The year of the unit's report that feeds the office's ``year`` (see the module's text)."""
    return year - 1 if office_kind == "fiscal" and unit_kind == "academic" else year


def from_unit_plan(
    unit: Unit,
    folder: Path,
    office: Plan,
    year: int,
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]],
    expects: set[str],
    where: Span | None,
) -> FromPlan:
    """Read the return of a unit that keeps its own plan.

    Args:
        unit: The unit, from the office's register.
        folder: Its plan folder (the register's ``plan:`` joined to the office's folder).
        office: The office's plan.
        year: The office's year.
        asks: Every question the office asks now, by (indicator, key), with its indicator's declaration.
        expects: The office indicators that expect the unit this year (a feed of another is not read).
        where: The register's ``plan:`` value, for the findings about the plan as a whole.
    """
    out = FromPlan()
    shown = os.path.normpath(folder)
    try:
        plan, loaded = load_whole(Path(shown))
    except UsageError as exc:
        message = _("{code}: its own plan {folder} cannot feed the office: {reason}").format(
            code=unit.code, folder=shown, reason=exc
        )
        out.findings.append(finding("RT14", message, where))
        return out
    out.files = list(loaded.files)
    wanted = report_year(office.period.year, plan.period.year, year)
    found = next(((n, r) for n, r in enumerate(plan.reports) if r.year == wanted), None)
    if found is None:
        message = _("{code}: its own plan {folder} has no report of {year}, which feeds the office's {office_year}")
        out.findings.append(
            finding(
                "RT14",
                message.format(code=unit.code, folder=shown, year=wanted, office_year=year),
                where,
                hint=_("add reports/{year}.yaml to the unit's plan").format(year=wanted),
            )
        )
        return out
    n, report = found
    got, places, measured = _fed(office, loaded, plan, (n, report), asks, expects, out)
    answers: dict[str, dict[str, Answer]] = {}
    for indicator, values in got.items():
        rollup = next(r for (i, _k), (_a, r) in asks.items() if i == indicator)
        keys = {k for i, k in asks if i == indicator}
        missing = keys - set(values)
        if missing and len(missing) < len(keys):
            for key in sorted(missing):
                message = _(
                    "`{indicator}` `{key}`: no indicator of the unit's plan feeds it, while another feeds "
                    "`{indicator}`: the unit's answers to `{indicator}` are left out"
                ).format(indicator=indicator, key=key)
                out.findings.append(finding("RT15", message, next(iter(places[indicator].values()))))
            continue
        settled = settle(indicator, rollup, values, places[indicator], out.findings)
        if settled:
            answers[indicator] = settled
    report_span = loaded.source.span(("reports", n))
    source = report_span.file if report_span is not None else shown
    received = max(measured) if measured else None
    out.ret = UnitReturn(unit.code, year, source, answers, received)
    return out


def _fed(
    office: Plan,
    loaded: LoadResult,
    plan: Plan,
    report: tuple[int, Report],
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]],
    expects: set[str],
    out: FromPlan,
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Span]], list[dt.date]]:
    """Each fed question's value and place, by office indicator; the days the fed actuals were measured."""
    n, rep = report
    actuals = {a.indicator: (k, a) for k, a in reversed(list(enumerate(rep.actuals)))}
    got: dict[str, dict[str, Any]] = {}
    places: dict[str, dict[str, Span]] = {}
    measured: list[dt.date] = []
    fed_by: dict[tuple[str, str], Span] = {}
    bad: set[str] = set()
    for at in all_indicators(plan):
        for j, feed in enumerate(at.indicator.feeds):
            if feed.plan is not None and feed.plan != office.id:
                continue  # a feed for another office
            span = loaded.source.span((*at.path, "feeds", j)) or Span(str(loaded.root), 1, 1, 1, 1)
            ref = (feed.indicator, feed.key)
            ask = asks.get(ref)
            if ask is None:
                message = _("`{indicator}` `{key}` is no question of the office plan {plan}").format(
                    indicator=feed.indicator, key=feed.key, plan=f"`{office.id}`"
                )
                out.findings.append(finding("RT15", message, span))
                continue
            if feed.indicator not in expects or not _fits(at, ask[0], span, out):
                continue
            if ref in fed_by:
                message = _("`{indicator}` `{key}` is fed twice by the unit's plan (also at {other})").format(
                    indicator=feed.indicator, key=feed.key, other=fed_by[ref]
                )
                out.findings.append(finding("RT15", message, span))
                continue
            fed_by[ref] = span
            hit = actuals.get(at.indicator.id)
            value: Any = BLANK
            if hit is not None:
                k, actual = hit
                span = loaded.source.span(("reports", n, "actuals", k, "value")) or span
                value = _value(actual, ask[0], span, out)
                if value is _BAD:
                    bad.add(feed.indicator)
                if actual.measured is not None:
                    measured.append(be_day(actual.measured.isoformat()))
            got.setdefault(feed.indicator, {})[feed.key] = value
            places.setdefault(feed.indicator, {})[feed.key] = span
    return {i: v for i, v in got.items() if i not in bad}, places, measured


def _fits(at: IndicatorAt, ask: Ask, span: Span, out: FromPlan) -> bool:
    """Whether the unit's indicator can answer the office's question; RT15 when not."""
    kind = at.kind
    fits = _FITS.get(kind or "")
    if fits == ask.type:
        return True
    message = _("`{id}` (of kind {kind}) cannot answer `{indicator}` `{key}`, which asks for {type}").format(
        id=at.indicator.id, kind=f"`{kind}`", indicator=ask.indicator, key=ask.key, type=f"`{ask.type}`"
    )
    out.findings.append(finding("RT15", message, span))
    return False


_BAD = object()


def _value(actual: Actual, ask: Ask, span: Span, out: FromPlan) -> Any:
    """An actual as the answer to a question; ``None`` for no data; :data:`_BAD` (and RT08) when it is none."""
    if actual.value is None:
        return None if actual.no_data is not None else BLANK
    value = actual.value
    problem = None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problem = _("a range or a change is not a measured value")
    elif ask.type == "number":
        if isinstance(value, str):
            problem = _("expected a number, got {value!r}").format(value=value)
        elif value < 0:
            problem = _("the number cannot be negative ({number})").format(number=value)
        else:
            return Decimal(str(value))
    elif ask.type == "level" and value not in ask.levels:
        problem = _("{level!r} is not one of the levels of the list ({levels})").format(
            level=value, levels=", ".join(ask.levels)
        )
    elif isinstance(value, int | float):
        problem = _("expected words or a level, got the number {number}").format(number=value)
    else:
        return value
    message = _("`{indicator}` `{key}`: {problem}").format(indicator=ask.indicator, key=ask.key, problem=problem)
    out.findings.append(finding("RT08", message, span))
    return _BAD
