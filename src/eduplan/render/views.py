"""View-models: the plan as templates see it, every number and year already formatted.

Templates never see pydantic objects. They get frozen dataclasses of plain strings (``None``
for an empty cell, which templates show as an explicit empty marker), built here from the
:class:`~eduplan.model.Plan` for one language and one choice of digits. Plan text is passed
through exactly as published; only what eduplan writes itself (years, targets, item numbers,
dates, money) follows ``--digits``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from eduplan.model import DrivingModel, Indicator, Plan, QualityFramework, Statement
from eduplan.model.common import Target
from eduplan.model.walk import PolicyAt, all_policies
from eduplan.render.indicators import (
    Columns,
    IndicatorView,
    actuals_by_indicator,
    chart_targets,
    columns_of,
    indicator_rows,
)
from eduplan.render.sections import (
    BudgetFrameView,
    LinksView,
    SectionView,
    build_budget_frame,
    build_links,
    build_sections,
    identity_fields,
)
from eduplan.render.style import Document, Style, document, levels_heading

__all__ = [
    "Charts",
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


Charts = Literal["off", "compact", "full"]
"""Which target charts a plan document shows: none, only targets that move (the default), or every indicator's."""


@dataclass(frozen=True, slots=True)
class StatementView:
    """A numbered statement: a mission, goal, policy target or approach."""

    number: str
    text: str


@dataclass(frozen=True, slots=True)
class PolicyView:
    """A policy of some level with its description, goals, targets, approaches and indicator table.

    Attributes:
        depth: Its level, 1 for the first (ประเด็นยุทธศาสตร์), 2 for the next (กลยุทธ์).
        heading: Its level's word and number, such as ประเด็นยุทธศาสตร์ที่ 1 or กลยุทธ์ที่ 1.2.
        goals: Goals stated in the policy (เป้าประสงค์เชิงกลยุทธ์).
        columns: The columns of its indicator table.
        charts: The rows that get a chart card.
    """

    anchor: str
    depth: int
    number: str
    heading: str
    title: str
    description: tuple[str, ...]
    goals: tuple[StatementView, ...]
    targets: tuple[StatementView, ...]
    approaches: tuple[StatementView, ...]
    indicators: tuple[IndicatorView, ...]
    columns: Columns
    charts: tuple[IndicatorView, ...]


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
    """The five-year plan, section by section in published order.

    Attributes:
        cover: The title page's facts after the period, as (word, value) pairs.
        columns: The optional columns of the indicator tables (only those some indicator fills).
        identity: A school's philosophy, identity, distinction and motto, as (word, text) pairs.
        context: Sections before the strategy (ข้อมูลพื้นฐาน, SWOT).
        policies: Every policy of every level, in document order (each before the policies it holds).
        policies_heading: The heading of their list (นโยบาย, or ประเด็นยุทธศาสตร์/กลยุทธ์).
        standards: The standards table of a school's plan (standard, item, sub-item rows), or empty.
        standard_columns: The optional columns of the standards table.
        links: The policies' links to higher plans, or None.
        budget_frame: The multi-year budget frame, or None.
        monitoring: Sections after the strategy (การติดตามและประเมินผล).
    """

    id: str
    title: str
    office: str
    short_name: str | None
    former_names: str | None
    period: str
    targets_header: str
    """Header over the year columns: ค่าเป้าหมาย (พ.ศ.), or (ปีการศึกษา) for a plan of academic years."""
    cover: tuple[tuple[str, str], ...]
    years: tuple[str, ...]
    columns: Columns
    edition: str | None
    published: str | None
    identity: tuple[tuple[str, str], ...]
    context: tuple[SectionView, ...]
    vision: str | None
    missions: tuple[StatementView, ...]
    goals: tuple[StatementView, ...]
    policies: tuple[PolicyView, ...]
    policies_heading: str
    standards: tuple[IndicatorView, ...]
    standard_columns: Columns
    links: LinksView | None
    budget_frame: BudgetFrameView | None
    monitoring: tuple[SectionView, ...]
    values: tuple[str, ...]
    driving_model: DrivingModelView | None
    qualities: QualitiesView | None
    source_url: str | None
    source_note: str | None
    charts: Charts = "compact"
    """Which target charts the document shows (``off``, ``compact``, ``full``): the gallery's class."""


def statement_number(number: str, style: Style) -> str:
    """A statement's number for a list: ``1.`` for a bare integer, else as published (``1.1.2``)."""
    shown = f"{number}." if number.isdigit() else number
    return style.digits_of(shown)


def statements(items: list[Statement], style: Style) -> tuple[StatementView, ...]:
    """Statements with their numbers formatted."""
    return tuple(StatementView(statement_number(s.number, style), s.text) for s in items)


def _tree(indicators: list[Indicator]) -> list[Indicator]:
    """Indicators and their sub-indicators, in the order of the table's rows."""
    return [x for i in indicators for x in (i, *_tree(i.indicators))]


def _telling(indicator: Indicator, measured: bool) -> bool:
    """Whether a chart tells more than the table: targets that change over the years, or measured values."""
    drawn = list(chart_targets(indicator).values())
    has_baseline = indicator.baseline is not None and indicator.baseline.value is not None
    return measured or has_baseline or len(set(drawn)) > 1


def chart_rows(
    indicators: list[Indicator],
    rows: tuple[IndicatorView, ...],
    charts: Charts,
    actuals: dict[str, dict[int, Target]] | None = None,
) -> tuple[IndicatorView, ...]:
    """The rows that get a chart card: each with targets (``full``); those that tell more than the table (``compact``).

    Compact leaves out what a chart would only repeat: targets that stay the same every year with
    nothing measured, and targets that cannot be drawn (qualitative words without a scale).
    """
    if charts == "off":
        return ()
    measured = actuals or {}
    pairs = zip(_tree(indicators), rows, strict=True)
    return tuple(
        r
        for i, r in pairs
        if r.charted and (charts == "full" or (r.chart is not None and _telling(i, bool(measured.get(i.id)))))
    )


def build_policy(
    at: PolicyAt,
    years: list[int],
    actuals: dict[str, dict[int, Target]],
    columns: Columns,
    style: Style,
    charts: Charts = "compact",
) -> PolicyView:
    """One policy section, of any level; its table has the plan's columns, wide year columns only when it needs them."""
    policy = at.policy
    rows = tuple(indicator_rows(policy.indicators, f"indicator-{policy.id}", years, actuals, style))
    return PolicyView(
        anchor=f"policy-{policy.id}",
        depth=at.depth,
        number=statement_number(policy.number, style),
        heading=style.labels.level_numbered(at.depth, style.digits_of(policy.number)),
        title=policy.title,
        description=tuple(policy.description),
        goals=statements(policy.own_goals, style),
        targets=statements(policy.targets, style),
        approaches=statements(policy.approaches, style),
        indicators=rows,
        columns=replace(columns, wide=columns_of(policy.indicators).wide),
        charts=chart_rows(policy.indicators, rows, charts, actuals),
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


def _cover(plan: Plan, style: Style) -> tuple[tuple[str, str], ...]:
    """The title page's facts: the short name, the school's code and office, former names, edition, date."""
    office = plan.office
    labels = style.labels
    school = office.kind == "school"
    edition = plan.edition
    pairs = (
        (labels["school" if school else "office"], office.short_name),
        (labels["school_code"], office.code),
        (labels["parent_office"], office.parent),
        (labels["address"], office.address),
        (labels["former_names"], ", ".join(office.former_names) or None),
        (labels["edition"], edition.label if edition else None),
        (labels["published"], style.date(edition.published) if edition and edition.published else None),
    )
    return tuple((word, value) for word, value in pairs if value)


def build_plan(plan: Plan, style: Style, charts: Charts = "compact") -> PlanView:
    """The five-year plan as its template sees it, with the target charts ``charts`` asks for."""
    years = plan.period.years
    actuals = actuals_by_indicator(plan)
    edition = plan.edition
    source = plan.source
    policies = list(all_policies(plan))
    columns = columns_of(i for at in policies for i in at.policy.indicators)
    academic = plan.period.year == "academic"
    return PlanView(
        id=plan.id,
        title=plan.title,
        office=plan.office.name,
        short_name=plan.office.short_name,
        former_names=", ".join(plan.office.former_names) or None,
        period=style.labels.format(
            "period_value_academic" if academic else "period_value",
            start=style.year(plan.period.start),
            end=style.year(plan.period.end),
        ),
        targets_header=style.labels["col_targets_academic" if academic else "col_targets"],
        cover=_cover(plan, style),
        years=tuple(style.year(y) for y in years),
        columns=columns,
        edition=edition.label if edition else None,
        published=style.date(edition.published) if edition and edition.published else None,
        identity=identity_fields(plan, style),
        context=build_sections(plan.context, style),
        vision=plan.vision,
        missions=statements(plan.missions, style),
        goals=statements(plan.goals, style),
        policies=tuple(build_policy(at, years, actuals, columns, style, charts) for at in policies),
        policies_heading=levels_heading(style.labels, (at.depth for at in policies)),
        standards=tuple(indicator_rows(plan.standards, "standard", years, actuals, style)),
        standard_columns=columns_of(plan.standards),
        links=build_links(plan, style),
        budget_frame=build_budget_frame(plan.budget_frame, style),
        monitoring=build_sections(plan.monitoring, style),
        values=tuple(plan.values),
        driving_model=build_driving_model(plan.driving_model, style) if plan.driving_model else None,
        qualities=build_qualities(plan.qualities, style) if plan.qualities else None,
        source_url=source.url if source else None,
        source_note=source.note if source else None,
        charts=charts,
    )
