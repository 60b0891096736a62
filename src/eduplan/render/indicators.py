"""Indicator tables and their charts: rows of whole indicators with their sub-indicators indented under them.

A sub-indicator (ตัวชี้วัดย่อย, a standard's item) is a row of its parent's table, numbered as
published, never an indicator of its own. A target written as a change (เพิ่มขึ้นร้อยละ 3) is shown
as published; the chart draws it where the value it changes from is known (the baseline, or the
previous year's target).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from markupsafe import Markup

from eduplan.model import Indicator, Plan, Range
from eduplan.model.common import Change, Target
from eduplan.model.plan import Baseline
from eduplan.render import svg
from eduplan.render.style import Style

__all__ = [
    "Columns",
    "IndicatorView",
    "actuals_by_indicator",
    "baseline_text",
    "chart_targets",
    "columns_of",
    "indicator_chart",
    "indicator_rows",
]


@dataclass(frozen=True, slots=True)
class Columns:
    """Which optional columns an indicator table has: only those some indicator fills."""

    unit: bool
    baseline: bool
    owner: bool
    wide: bool = False
    """Whether some target is written in words too long for a narrow year column (ยอดเยี่ยม, เพิ่มขึ้นร้อยละ 3)."""


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """One row of an indicator table, and its chart.

    Attributes:
        anchor: HTML id of the row.
        number: Number as published (in the document's digits).
        name: Indicator text, exactly as published.
        depth: 0 for a whole indicator, 1 for its sub-indicators, 2 for theirs.
        mark: A word after the name, such as สะสม for a cumulative indicator, or None.
        unit: Unit, or None for an empty cell ("" for a part that takes its whole's, or a group's).
        baseline: Baseline value and year, such as ``76 (2565)``, or None.
        baseline_value: The baseline's value (or why there is none), or None.
        baseline_year: The baseline's year or span (``2564–2565``), or None.
        targets: One target per plan year, None where the cell is empty ("" in a group's row: its parts give them).
        owner: Owner, or None for an empty cell.
        chart_title: Caption of the chart (ตัวชี้วัดที่ 1).
        chart: The SVG chart, or None when the targets are not numeric.
        charted: Whether the row gets a chart card (it has targets).
    """

    anchor: str
    number: str
    name: str
    depth: int
    mark: str | None
    unit: str | None
    baseline: str | None
    baseline_value: str | None
    baseline_year: str | None
    targets: tuple[str | None, ...]
    owner: str | None
    chart_title: str
    chart: Markup | None
    charted: bool


def _tree(indicators: Iterable[Indicator]) -> Iterator[Indicator]:
    for indicator in indicators:
        yield indicator
        yield from _tree(indicator.indicators)


def columns_of(indicators: Iterable[Indicator]) -> Columns:
    """The optional columns of the tables of these indicators (and their sub-indicators)."""
    every = list(_tree(indicators))
    return Columns(
        unit=any(i.unit for i in every),
        baseline=any(i.baseline for i in every),
        owner=any(i.owner for i in every),
        wide=any(_long(t) for i in every for t in i.targets.values()),
    )


_NARROW = 5
"""The most letters (Thai vowel and tone marks above and below not counted) a word target has in a narrow column."""


def _long(target: Target) -> bool:
    """Whether a target is words wider than a narrow year column."""
    text = target.text or target.shown() if isinstance(target, Change) else target if isinstance(target, str) else ""
    return sum(not unicodedata.category(c).startswith("M") for c in text) > _NARROW


def baseline_parts(baseline: Baseline | None, style: Style) -> tuple[str | None, str | None]:
    """A baseline's value as published (or why there is none) and its year or span, each None when absent."""
    if baseline is None:
        return None, None
    value = style.target(baseline.value) or baseline.no_data
    return value, style.years(baseline.year) if baseline.year is not None else None


def baseline_text(baseline: Baseline | None, style: Style) -> str | None:
    """A baseline as published: ``76 (2565)``, ``76 (2564–2565)``, ``n/a (2565)``, or None."""
    value, year = baseline_parts(baseline, style)
    if value and year:
        return f"{value} ({year})"
    return value or year


def _number_of(value: svg.Value | None) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def chart_targets(indicator: Indicator) -> dict[int, svg.Value]:
    """The targets as the chart draws them: a change becomes the value it aims at, when that can be known."""
    baseline = indicator.baseline
    start = _number_of(_value(baseline.value)) if baseline and baseline.value is not None else None
    previous = start
    out: dict[int, svg.Value] = {}
    for year, target in sorted(indicator.targets.items()):
        if isinstance(target, Change):
            base = start if target.of == "baseline" else previous
            if base is None:
                previous = None
                continue
            value: svg.Value = base + target.delta
        else:
            value = _value(target)
        out[year] = value
        previous = _number_of(value)
    return out


def _value(value: Target) -> svg.Value:
    """A target as the chart module takes it (no pydantic objects past this point); a change as 0 (not drawn)."""
    if isinstance(value, Range):
        return (value.min, value.max)
    if isinstance(value, Change):
        return value.delta
    return value


def indicator_chart(
    indicator: Indicator,
    years: list[int],
    actuals: dict[int, Target],
    style: Style,
    highlight: int | None = None,
    levels: list[str] | None = None,
) -> Markup | None:
    """The SVG chart of one indicator, as markup for the template.

    Measured values (the baseline, then the reported actuals) are one series; a baseline from
    before the plan's period, or a ``highlight`` year (a report's year) outside it, adds its year
    to the axis. A baseline over several years stands at its last year.
    """
    labels = style.labels
    measured = {y: _value(a) for y, a in actuals.items() if not isinstance(a, Change)}
    shown = set(years)
    baseline = indicator.baseline
    if baseline is not None and baseline.last_year is not None:
        shown.add(baseline.last_year)
        if baseline.value is not None and not isinstance(baseline.value, Change):
            measured.setdefault(baseline.last_year, _value(baseline.value))
    if highlight is not None:
        shown.add(highlight)
    axis = sorted(shown)
    text = svg.ChartText(
        title=f"{labels.format('chart_indicator', number=style.digits_of(indicator.number))}: {indicator.name}",
        target=labels["chart_target"],
        actual=labels["chart_actual"],
        years=[style.year(y) for y in axis],
        number=style.number,
        value=lambda v: style.target(v) or "",
    )
    drawing = svg.trajectory_chart(
        axis,
        chart_targets(indicator),
        dict(sorted(measured.items())),
        text,
        percent=indicator.kind == "percent",
        levels=indicator.levels or levels,
        highlight=highlight,
    )
    # The SVG is built by svg.py from numbers, with every piece of text escaped there.
    return Markup(drawing) if drawing is not None else None


def actuals_by_indicator(plan: Plan, until: int | None = None) -> dict[str, dict[int, Target]]:
    """Reported actual values: indicator id -> year -> value (reports with no value skipped).

    With ``until``, only reports of that year and earlier (what was known at the time). When
    a year has several reports, the first one counts, as in :func:`eduplan.analysis.status.year_status`.
    """
    found: dict[str, dict[int, Target]] = {}
    for report in plan.reports:
        if until is not None and report.year > until:
            continue
        for actual in report.actuals:
            if actual.value is not None:
                found.setdefault(actual.indicator, {}).setdefault(report.year, actual.value)
    return found


def _cumulative(indicator: Indicator, style: Style) -> str | None:
    """The cumulative mark (สะสม) after the name, unless the published name already says it."""
    word = style.labels["cumulative"]
    return word if indicator.cumulative and word not in indicator.name else None


def own_cell(indicator: Indicator, value: str | None) -> str | None:
    """A cell of an indicator's row: blank, not the empty mark, when a group leaves it to its parts."""
    return "" if value is None and indicator.indicators else value


def indicator_rows(
    indicators: Iterable[Indicator],
    anchor: str,
    years: list[int],
    actuals: dict[str, dict[int, Target]],
    style: Style,
    levels: list[str] | None = None,
) -> Iterator[IndicatorView]:
    """The rows of one indicator table: each indicator, then its sub-indicators (any depth), indented.

    ``levels`` is the scale the parent's rows use, inherited by parts that give none.
    """

    def walk(items: Iterable[Indicator], depth: int, inherited: list[str] | None) -> Iterator[IndicatorView]:
        for indicator in items:
            scale = indicator.levels or inherited
            number = style.digits_of(indicator.number)
            # a group's own cells and a part's unit are not missing: its parts (or its whole) give them
            group, blank = bool(indicator.indicators), ""
            yield IndicatorView(
                anchor=f"{anchor}-{indicator.id}",
                number=number,
                name=indicator.name,
                depth=depth,
                mark=_cumulative(indicator, style),
                unit=indicator.unit if indicator.unit is not None or not (group or depth) else blank,
                baseline=baseline_text(indicator.baseline, style) if indicator.baseline or not group else blank,
                baseline_value=baseline_parts(indicator.baseline, style)[0],
                baseline_year=baseline_parts(indicator.baseline, style)[1],
                targets=tuple(own_cell(indicator, style.target(indicator.targets.get(y))) for y in years),
                owner=indicator.owner,
                chart_title=style.labels.format("chart_indicator", number=number),
                chart=indicator_chart(indicator, years, actuals.get(indicator.id, {}), style, levels=scale),
                charted=bool(indicator.targets),
            )
            yield from walk(indicator.indicators, depth + 1, scale)

    yield from walk(indicators, 0, levels)
