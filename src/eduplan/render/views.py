"""View-models: the plan as templates see it, every number and year already formatted.

Templates never see pydantic objects. They get frozen dataclasses of plain strings (``None``
for an empty cell, which templates show as an explicit empty marker), built here from the
:class:`~eduplan.model.Plan` for one language and one choice of digits. Plan text is passed
through exactly as published; only what eduplan writes itself (years, targets, item numbers,
dates, money) follows ``--digits``.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from eduplan.model import DrivingModel, Indicator, Plan, Policy, QualityFramework, Range, Statement
from eduplan.model.common import Target
from eduplan.render import svg
from eduplan.render.style import Document, Style, document

__all__ = [
    "ComponentView",
    "Document",
    "DrivingModelView",
    "GroupView",
    "IndicatorView",
    "PlanView",
    "PolicyView",
    "QualitiesView",
    "QualityView",
    "StatementView",
    "Style",  # re-exported from .style (eduplan.diff.page imports it from here)
    "build_plan",
    "document",
]


@dataclass(frozen=True, slots=True)
class StatementView:
    """A numbered statement: a mission, goal, policy target or approach."""

    number: str
    text: str


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """One row of an indicator table, and its chart.

    Attributes:
        anchor: HTML id of the row.
        number: Number as published (in the document's digits).
        name: Indicator text, exactly as published.
        unit: Unit, or None for an empty cell.
        baseline: Baseline value and year, such as ``76 (2565)``, or None.
        targets: One target per plan year, None where the cell is empty.
        owner: Owner, or None for an empty cell.
        chart_title: Caption of the chart (ตัวชี้วัดที่ 1).
        chart: The SVG chart, or None when the targets are not numeric.
    """

    anchor: str
    number: str
    name: str
    unit: str | None
    baseline: str | None
    targets: tuple[str | None, ...]
    owner: str | None
    chart_title: str
    chart: Markup | None


@dataclass(frozen=True, slots=True)
class PolicyView:
    """A policy with its targets, approaches and indicator table."""

    anchor: str
    number: str
    heading: str
    title: str
    targets: tuple[StatementView, ...]
    approaches: tuple[StatementView, ...]
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True, slots=True)
class ComponentView:
    """An element of the driving model, such as A1 Awareness."""

    code: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class GroupView:
    """A group of elements of the driving model (4A, PLUS)."""

    name: str
    description: str | None
    components: tuple[ComponentView, ...]


@dataclass(frozen=True, slots=True)
class DrivingModelView:
    """The driving model (4A PLUS)."""

    name: str
    heading: str
    description: tuple[str, ...]
    groups: tuple[GroupView, ...]
    closing: str | None


@dataclass(frozen=True, slots=True)
class QualityView:
    """One quality (Q1 นักเรียนคุณภาพ) with its measures."""

    code: str
    name: str
    name_en: str | None
    definition: str
    measures: tuple[StatementView, ...]


@dataclass(frozen=True, slots=True)
class QualitiesView:
    """The qualities the plan aims at (5Q)."""

    name: str
    heading: str
    items: tuple[QualityView, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    """The five-year plan, section by section in published order."""

    id: str
    title: str
    office: str
    short_name: str | None
    former_names: str | None
    period: str
    years: tuple[str, ...]
    baselines: bool
    """Whether the indicator tables have a baseline column (some indicator has a baseline)."""
    edition: str | None
    published: str | None
    vision: str | None
    missions: tuple[StatementView, ...]
    goals: tuple[StatementView, ...]
    policies: tuple[PolicyView, ...]
    values: tuple[str, ...]
    driving_model: DrivingModelView | None
    qualities: QualitiesView | None
    source_url: str | None
    source_note: str | None


def statement_number(number: str, style: Style) -> str:
    """A statement's number for a list: ``1.`` for a bare integer, else as published (``1.1.2``)."""
    shown = f"{number}." if number.isdigit() else number
    return style.digits_of(shown)


def statements(items: list[Statement], style: Style) -> tuple[StatementView, ...]:
    """Statements with their numbers formatted."""
    return tuple(StatementView(statement_number(s.number, style), s.text) for s in items)


def chart_value(value: Target) -> svg.Value:
    """A target as the chart module takes it (no pydantic objects past this point)."""
    if isinstance(value, Range):
        return (value.min, value.max)
    return value


def indicator_chart(
    indicator: Indicator,
    years: list[int],
    actuals: dict[int, Target],
    style: Style,
    highlight: int | None = None,
) -> Markup | None:
    """The SVG chart of one indicator, as markup for the template.

    Measured values (the baseline, then the reported actuals) are one series; a baseline from
    before the plan's period, or a ``highlight`` year (a report's fiscal year) outside it, adds
    its year to the axis.
    """
    labels = style.labels
    measured = dict(actuals)
    shown = set(years)
    if indicator.baseline is not None:
        measured.setdefault(indicator.baseline.year, indicator.baseline.value)
        shown.add(indicator.baseline.year)
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
        {y: chart_value(t) for y, t in indicator.targets.items()},
        {y: chart_value(a) for y, a in sorted(measured.items())},
        text,
        percent=indicator.kind == "percent",
        levels=indicator.levels,
        highlight=highlight,
    )
    # The SVG is built by svg.py from numbers, with every piece of text escaped there.
    return Markup(drawing) if drawing is not None else None


def actuals_by_indicator(plan: Plan, until: int | None = None) -> dict[str, dict[int, Target]]:
    """Reported actual values: indicator id -> fiscal year -> value (reports with no value skipped).

    With ``until``, only reports of that fiscal year and earlier (what was known at the time). When
    a year has several reports, the first one counts, as in :func:`eduplan.status.year_status`.
    """
    found: dict[str, dict[int, Target]] = {}
    for report in plan.reports:
        if until is not None and report.fiscal_year > until:
            continue
        for actual in report.actuals:
            if actual.value is not None:
                found.setdefault(actual.indicator, {}).setdefault(report.fiscal_year, actual.value)
    return found


def build_indicator(
    indicator: Indicator, policy: Policy, years: list[int], actuals: dict[int, Target], style: Style
) -> IndicatorView:
    """One indicator row with its chart."""
    return IndicatorView(
        anchor=f"indicator-{policy.id}-{indicator.id}",
        number=style.digits_of(indicator.number),
        name=indicator.name,
        unit=indicator.unit,
        baseline=(
            f"{style.target(indicator.baseline.value)} ({style.year(indicator.baseline.year)})"
            if indicator.baseline
            else None
        ),
        targets=tuple(style.target(indicator.targets.get(y)) for y in years),
        owner=indicator.owner,
        chart_title=style.labels.format("chart_indicator", number=style.digits_of(indicator.number)),
        chart=indicator_chart(indicator, years, actuals, style),
    )


def build_policy(policy: Policy, years: list[int], actuals: dict[str, dict[int, Target]], style: Style) -> PolicyView:
    """One policy section."""
    return PolicyView(
        anchor=f"policy-{policy.id}",
        number=statement_number(policy.number, style),
        heading=style.labels.format("policy_numbered", number=style.digits_of(policy.number)),
        title=policy.title,
        targets=statements(policy.targets, style),
        approaches=statements(policy.approaches, style),
        indicators=tuple(build_indicator(i, policy, years, actuals.get(i.id, {}), style) for i in policy.indicators),
    )


def build_driving_model(model: DrivingModel, style: Style) -> DrivingModelView:
    """The driving model section (its heading is its published title, else the label and its name)."""
    return DrivingModelView(
        name=model.name,
        heading=model.title or f"{style.labels['driving_model']} {model.name}",
        description=tuple(model.description),
        groups=tuple(
            GroupView(g.name, g.description, tuple(ComponentView(c.code, c.name, c.text) for c in g.components))
            for g in model.groups
        ),
        closing=model.closing,
    )


def build_qualities(framework: QualityFramework, style: Style) -> QualitiesView:
    """The qualities section (5Q)."""
    return QualitiesView(
        name=framework.name,
        heading=f"{style.labels['qualities']} ({framework.name})",
        items=tuple(
            QualityView(
                q.code,
                q.name,
                q.name_en,
                q.definition,
                tuple(StatementView(style.digits_of(f"{n})"), m) for n, m in enumerate(q.measures, start=1)),
            )
            for q in framework.items
        ),
    )


def build_plan(plan: Plan, style: Style) -> PlanView:
    """The five-year plan as its template sees it."""
    years = plan.period.years
    actuals = actuals_by_indicator(plan)
    edition = plan.edition
    source = plan.source
    return PlanView(
        id=plan.id,
        title=plan.title,
        office=plan.office.name,
        short_name=plan.office.short_name,
        former_names=", ".join(plan.office.former_names) or None,
        period=style.labels.format(
            "period_value", start=style.year(plan.period.start), end=style.year(plan.period.end)
        ),
        years=tuple(style.year(y) for y in years),
        baselines=any(i.baseline for p in plan.policies for i in p.indicators),
        edition=edition.label if edition else None,
        published=style.date(edition.published) if edition and edition.published else None,
        vision=plan.vision,
        missions=statements(plan.missions, style),
        goals=statements(plan.goals, style),
        policies=tuple(build_policy(p, years, actuals, style) for p in plan.policies),
        values=tuple(plan.values),
        driving_model=build_driving_model(plan.driving_model, style) if plan.driving_model else None,
        qualities=build_qualities(plan.qualities, style) if plan.qualities else None,
        source_url=source.url if source else None,
        source_note=source.note if source else None,
    )
