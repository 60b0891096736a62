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
A feed without ``key`` into a ratio (an office's indicator feeding the country's) takes both numbers from the
actual's ``rolled_up``, which ``eduplan rollup --write`` keeps: so a national ratio pools the schools' counts.
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
from eduplan.model.feeds import Feed
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
    feeding = _Feeding(office, loaded, (n, report), asks, expects, out)
    for at in all_indicators(plan):
        for j, feed in enumerate(at.indicator.feeds or ()):
            feeding.take(at, j, feed)
    got = {i: v for i, v in feeding.got.items() if i not in feeding.bad}
    places, measured = feeding.places, feeding.measured
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


@dataclass(slots=True)
class _Feeding:
    """The feeds of a unit's plan being read: each fed question's value and place, by office indicator."""

    office: Plan
    loaded: LoadResult
    report: tuple[int, Report]
    asks: Mapping[tuple[str, str], tuple[Ask, Rollup]]
    expects: set[str]
    out: FromPlan
    got: dict[str, dict[str, Any]] = field(default_factory=dict)
    places: dict[str, dict[str, Span]] = field(default_factory=dict)
    measured: list[dt.date] = field(default_factory=list)
    fed_by: dict[tuple[str, str], Span] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)

    def take(self, at: IndicatorAt, j: int, feed: Feed) -> None:
        """Read one ``feeds:`` entry of the unit's indicator ``at``."""
        if feed.plan is not None and feed.plan != self.office.id:
            return  # a feed for another office
        span = self.loaded.source.span((*at.path, "feeds", j)) or Span(str(self.loaded.root), 1, 1, 1, 1)
        keys = [feed.key]
        whole = feed.key == "value" and (feed.indicator, "numerator") in self.asks
        if whole and (feed.indicator, feed.key) not in self.asks:
            keys = ["numerator", "denominator"]  # a whole ratio: the sums its own roll-up kept
        if (feed.indicator, keys[0]) not in self.asks:
            message = _("`{indicator}` `{key}` is no question of the office plan {plan}").format(
                indicator=feed.indicator, key=feed.key, plan=f"`{self.office.id}`"
            )
            self.out.findings.append(finding("RT15", message, span))
            return
        if feed.indicator not in self.expects:
            return
        for key in keys:
            if not _fits(at, self.asks[(feed.indicator, key)][0], span, self.out) or self._twice(feed, key, span):
                return
        n, report = self.report
        hit = next(((k, a) for k, a in enumerate(report.actuals) if a.indicator == at.indicator.id), None)
        for key in keys:
            value, place = self._value(hit, feed, key, span, whole=len(keys) > 1)
            self.got.setdefault(feed.indicator, {})[key] = value
            self.places.setdefault(feed.indicator, {})[key] = place
        if hit is not None and hit[1].measured is not None:
            self.measured.append(be_day(hit[1].measured.isoformat()))

    def _twice(self, feed: Feed, key: str, span: Span) -> bool:
        if (feed.indicator, key) in self.fed_by:
            message = _("`{indicator}` `{key}` is fed twice by the unit's plan (also at {other})").format(
                indicator=feed.indicator, key=key, other=self.fed_by[(feed.indicator, key)]
            )
            self.out.findings.append(finding("RT15", message, span))
            return True
        self.fed_by[(feed.indicator, key)] = span
        return False

    def _value(
        self, hit: tuple[int, Actual] | None, feed: Feed, key: str, span: Span, *, whole: bool
    ) -> tuple[Any, Span]:
        """The answer an actual gives to one question (:data:`BLANK` without an actual), and where it is."""
        if hit is None:
            return BLANK, span
        k, actual = hit
        n = self.report[0]
        ask = self.asks[(feed.indicator, key)][0]
        if not whole:
            place = self.loaded.source.span(("reports", n, "actuals", k, "value")) or span
            value = _value(actual, ask, place, self.out)
        elif actual.rolled_up is None or getattr(actual.rolled_up, key) is None:
            place = self.loaded.source.span(("reports", n, "actuals", k)) or span
            if actual.value is None and actual.no_data is not None:
                return None, place
            if feed.indicator not in self.bad:  # one finding for the two numbers
                message = _(
                    "`{indicator}` is a ratio: its actual has no `rolled_up` {key}; feed `numerator` and "
                    "`denominator` with `key:`, or write the unit's own figure with `eduplan rollup --write`"
                ).format(indicator=feed.indicator, key=f"`{key}`")
                self.out.findings.append(finding("RT15", message, place))
            value = _BAD
        else:
            place = self.loaded.source.span(("reports", n, "actuals", k, "rolled_up", key)) or span
            value = Decimal(str(getattr(actual.rolled_up, key)))
        if value is _BAD:
            self.bad.add(feed.indicator)
        return value, place


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
