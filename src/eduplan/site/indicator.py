"""An indicator's page: its targets and results across the years, the table first, then the chart.

One row per year: the target of each edition that has the indicator (one column when the editions
agree), the result the year's published report gives, and its status in words with the reason, as
the report says it (:mod:`eduplan.render.outcome`). Then the chart the documents draw
(:func:`eduplan.render.indicators.indicator_chart`), the sub-indicators, and the projects that
name the indicator. The list of every indicator (``indicators/index.html``) gives each one's
latest result.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from eduplan.analysis.status import IndicatorStatus
from eduplan.model.walk import IndicatorAt
from eduplan.render.indicators import baseline_text, indicator_chart
from eduplan.render.outcome import StatusMark, reason, status_marks
from eduplan.render.style import Style
from eduplan.site import paths
from eduplan.site.chrome import Link, Place
from eduplan.site.home import edition_name
from eduplan.site.scope import Scope

__all__ = ["IndicatorGroup", "IndicatorListRow", "IndicatorPage", "YearRow", "build_indicator", "build_index"]

_DIRECTIONS = {"higher-is-better": "why_higher", "lower-is-better": "why_lower", "maintain": "why_maintain"}


@dataclass(frozen=True, slots=True)
class YearRow:
    """One year of an indicator: its targets, its result and status.

    Attributes:
        year: The year.
        targets: The year's target in each edition column (None: no target that year).
        actual: The result the year's report gives, or None.
        mark: The status, or None when the year has no report.
        reason: Why the status is what it is, or None.
        report: The indicator in the year's report, or None.
        coverage: For a figure rolled up from the units, how many reported (ส่งรายงาน 7/12 โรง), linked to the
            report's figure with its breakdown; else None.
    """

    year: str
    targets: tuple[str | None, ...]
    actual: str | None
    mark: StatusMark | None
    reason: str | None
    report: Link | None
    coverage: Link | None = None


@dataclass(frozen=True, slots=True)
class IndicatorPage:
    """An indicator across the years.

    Attributes:
        id: Its id (the page's permalink).
        heading: ตัวชี้วัดที่ 1.1 (or the standard's words).
        name: The indicator as published.
        mark: สะสม for a cumulative indicator, or None.
        policy: The policy whose table holds it, or None for a standard.
        parent: The indicator it is a part of, or None.
        parts: Its sub-indicators.
        facts: Unit, baseline, direction, owner, source: (word, value) pairs, only those given.
        year_header: The header of the year column (ปีงบประมาณ or ปีการศึกษา).
        target_headers: One header per target column.
        rows: One row per year.
        latest: The latest reported year's row, or None.
        chart_title: The chart's caption.
        chart: The chart, or None when the targets are not numbers.
        charted: Whether the page has a chart section: the indicator has targets of its own (a group's parts
            have theirs on their pages).
        projects: The projects that name the indicator, with their years.
        removed: A notice when the latest edition no longer has the indicator, else None.
    """

    id: str
    heading: str
    name: str
    mark: str | None
    policy: Link | None
    parent: Link | None
    parts: tuple[Link, ...]
    facts: tuple[tuple[str, str], ...]
    year_header: str
    target_headers: tuple[str, ...]
    rows: tuple[YearRow, ...]
    latest: YearRow | None
    chart_title: str
    chart: Markup | None
    charted: bool
    projects: tuple[Link, ...]
    removed: str | None


def heading_of(at: IndicatorAt, style: Style) -> str:
    """An indicator's words and number: ตัวชี้วัดที่ 1.1; a standard's: มาตรฐานที่ 1, ประเด็นพิจารณาที่ 1.1."""
    number = style.digits_of(at.indicator.number)
    if not at.is_standard:
        return style.labels.format("chart_indicator", number=number)
    if not at.parents:
        return style.labels.format("chart_standard", number=number)
    return style.labels.format("chart_standard_item", number=number)


def _facts(at: IndicatorAt, style: Style) -> tuple[tuple[str, str], ...]:
    labels = style.labels
    indicator = at.indicator
    baseline = baseline_text(indicator.baseline, style)
    pairs = (
        (labels["col_unit"], indicator.unit),
        (labels["col_baseline"], baseline),
        (labels["site_direction"], labels[_DIRECTIONS[indicator.direction]] if not indicator.indicators else None),
        (labels["col_owner"], indicator.owner),
        (labels["data_source"], indicator.source),
        (labels["note"], indicator.notes),
    )
    return tuple((word, value) for word, value in pairs if value)


def _report_link(scope: Scope, place: Place, status: IndicatorStatus, text: str) -> Link | None:
    report = scope.history.report_of(status.year)
    if report is None:
        return None
    page = paths.document(scope.key, report.edition.plan, "report", status.year)
    anchor = f"indicator-{status.policy}-{status.indicator}" if status.policy else f"standard-{status.indicator}"
    return Link(place.to(page, anchor), text)


def _coverage(scope: Scope, place: Place, indicator_id: str, year: int, style: Style) -> Link | None:
    """``ส่งรายงาน 7/12 โรง`` for a figure rolled up from the units, linked to the figure in the year's report."""
    rolled = scope.history.rolled_up.get(indicator_id, {}).get(year)
    report = scope.history.report_of(year)
    if rolled is None or report is None:
        return None
    key = "rollup_reported_offices" if rolled.units == "office" else "rollup_reported_schools"
    text = style.labels.format(key, reported=style.number(rolled.reported), expected=style.number(rolled.expected))
    page = paths.document(scope.key, report.edition.plan, "report", year)
    return Link(place.to(page, f"rollup-{indicator_id}"), text)


def _rows(scope: Scope, place: Place, indicator_id: str, style: Style) -> tuple[tuple[str, ...], list[YearRow]]:
    history = scope.history
    found = history.indicators[indicator_id]
    columns = [(edition, at.indicator.targets) for edition, at in found]
    if all(targets == columns[-1][1] for _e, targets in columns):
        columns = columns[-1:]  # the editions agree: one column
    labels = style.labels
    headers: tuple[str, ...]
    if len(columns) == 1:
        headers = (labels["col_target"],)
    else:
        headers = tuple(labels.format("site_target_of", edition_name=edition_name(e)) for e, _t in columns)
    marks = status_marks(style)
    statuses = history.statuses.get(indicator_id, {})
    actuals = history.actuals.get(indicator_id, {})
    rows = []
    for year in history.years:
        targets = tuple(style.target(t.get(year)) for _e, t in columns)
        status = statuses.get(year)
        if not any(targets) and status is None and year not in actuals:
            continue
        shown = style.year(year)
        rows.append(
            YearRow(
                year=shown,
                targets=targets,
                actual=style.target(actuals[year]) if year in actuals else None,
                mark=marks[status.status] if status else None,
                reason=reason(status, status.levels, style) if status else None,
                report=_report_link(scope, place, status, labels.format("site_report_year", year=shown))
                if status
                else None,
                coverage=_coverage(scope, place, indicator_id, year, style),
            )
        )
    return headers, rows


def build_indicator(scope: Scope, place: Place, indicator_id: str) -> IndicatorPage:
    """The page of one indicator (of any edition of the family), its links made from ``place``."""
    history = scope.history
    edition, at = history.latest(indicator_id)
    style = scope.style(edition)
    labels = style.labels
    indicator = at.indicator
    headers, rows = _rows(scope, place, indicator_id, style)
    reported = [r for r in rows if r.mark is not None]
    latest = scope.family.latest
    policy = at.policy
    return IndicatorPage(
        id=indicator.id,
        heading=heading_of(at, style),
        name=indicator.name,
        mark=labels["cumulative"] if indicator.cumulative and labels["cumulative"] not in indicator.name else None,
        policy=Link(place.to(paths.policy(scope.key, policy.id)), f"{_policy_heading(scope, policy.id)} {policy.title}")
        if policy
        else None,
        parent=_indicator_link(scope, place, at.parents[-1].id) if at.parents else None,
        parts=tuple(_indicator_link(scope, place, part.id) for part in indicator.indicators),
        facts=_facts(at, style),
        year_header=labels["academic_year" if edition.plan.period.year == "academic" else "fiscal_year"],
        target_headers=headers,
        rows=tuple(rows),
        latest=reported[-1] if reported else None,
        chart_title=f"{heading_of(at, style)} {indicator.name}",
        chart=indicator_chart(
            indicator, edition.plan.period.years, history.actuals.get(indicator_id, {}), style, levels=at.levels
        ),
        charted=bool(indicator.targets),
        projects=tuple(
            Link(
                place.to(paths.project(scope.key, p.project.id)),
                f"{style.year(p.year)} · {p.project.number or ''} {p.project.name}".replace("  ", " "),
            )
            for p in history.serving(indicator_id)
        ),
        removed=None if edition is latest else labels.format("site_removed", edition_name=edition_name(latest)),
    )


def _policy_heading(scope: Scope, policy_id: str) -> str:
    edition, at = scope.history.policies[policy_id][-1]
    style = scope.style(edition)
    return style.labels.level_numbered(at.depth, style.digits_of(at.policy.number))


def _indicator_link(scope: Scope, place: Place, indicator_id: str) -> Link:
    edition, at = scope.history.latest(indicator_id)
    style = scope.style(edition)
    return Link(place.to(paths.indicator(scope.key, indicator_id)), f"{heading_of(at, style)} {at.indicator.name}")


@dataclass(frozen=True, slots=True)
class IndicatorListRow:
    """An indicator in the list: its number, name (a link to its page), depth and latest result."""

    number: str
    link: Link
    depth: int
    latest: StatusMark | None
    year: str | None


@dataclass(frozen=True, slots=True)
class IndicatorGroup:
    """The indicators of one policy (or the standards) in the list."""

    heading: str
    link: Link | None
    rows: tuple[IndicatorListRow, ...]


def build_index(scope: Scope, place: Place) -> tuple[IndicatorGroup, ...]:
    """Every indicator of the family, policy by policy, with its latest result."""
    history = scope.history
    marks = status_marks(scope.style())
    groups: dict[str, list[IndicatorListRow]] = {}
    for indicator_id, found in history.indicators.items():
        edition, at = found[-1]
        style = scope.style(edition)
        statuses = history.statuses.get(indicator_id, {})
        year = max(statuses) if statuses else None
        groups.setdefault(at.policy.id if at.policy else "", []).append(
            IndicatorListRow(
                number=style.digits_of(at.indicator.number),
                link=Link(place.to(paths.indicator(scope.key, indicator_id)), at.indicator.name),
                depth=len(at.parents),
                latest=marks[statuses[year].status] if year is not None else None,
                year=style.year(year) if year is not None else None,
            )
        )
    out = []
    for policy_id, rows in groups.items():
        if policy_id:
            title = scope.history.policies[policy_id][-1][1].policy.title
            heading = f"{_policy_heading(scope, policy_id)} {title}"
            link: Link | None = Link(place.to(paths.policy(scope.key, policy_id)), heading)
        else:
            heading, link = scope.style().labels["standards"], None
        out.append(IndicatorGroup(heading, link, tuple(rows)))
    return tuple(out)
