"""A policy's page and a project's page.

A policy (ประเด็นยุทธศาสตร์, กลยุทธ์, นโยบาย) is shown as the plan shows it, from the render stage's
view-model (:func:`eduplan.render.views.build_policy`: its goals, targets, approaches, indicator
table and charts), with links to its indicators' pages, the levels above and below it, and the
projects of each year that serve it. A project's page gives it for every year it is in an action
plan (:func:`eduplan.render.action.build_action_plan`'s view of it) with the year's result.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.model import Report
from eduplan.model.walk import all_policies
from eduplan.render.action import ProjectView, build_action_plan
from eduplan.render.indicators import columns_of
from eduplan.render.projectresults import ProjectResultRow, project_results
from eduplan.render.views import PolicyView, build_policy
from eduplan.site import paths
from eduplan.site.chrome import Link, Place
from eduplan.site.history import ProjectYear
from eduplan.site.home import edition_name
from eduplan.site.indicator import heading_of
from eduplan.site.scope import Scope

__all__ = ["PolicyPage", "ProjectPage", "ProjectYearView", "build_policy_page", "build_project_page"]


@dataclass(frozen=True, slots=True)
class PolicyPage:
    """A policy of any level.

    Attributes:
        view: The policy as the plan document shows it.
        years: The plan's years (the indicator table's columns).
        targets_header: Header over the year columns.
        parents: The policies above it, top first.
        children_heading: The name of the level below (กลยุทธ์), or "".
        children: The policies of the level below.
        indicators: Its indicators' pages (sub-indicators indented by ``depth``): (depth, link) pairs.
        projects: Per year: the projects of the year's action plan that serve it.
        removed: A notice when the latest edition no longer has the policy, else None.
    """

    view: PolicyView
    years: tuple[str, ...]
    targets_header: str
    parents: tuple[Link, ...]
    children_heading: str
    children: tuple[Link, ...]
    indicators: tuple[tuple[int, Link], ...]
    projects: tuple[tuple[str, tuple[Link, ...]], ...]
    removed: str | None


def _policy_link(scope: Scope, place: Place, policy_id: str) -> Link:
    edition, at = scope.history.policies[policy_id][-1]
    style = scope.style(edition)
    heading = style.labels.level_numbered(at.depth, style.digits_of(at.policy.number))
    return Link(place.to(paths.policy(scope.key, policy_id)), f"{heading} {at.policy.title}")


def build_policy_page(scope: Scope, place: Place, policy_id: str) -> PolicyPage:
    """The page of one policy, from the latest edition that has it."""
    history = scope.history
    edition, at = history.policies[policy_id][-1]
    plan = edition.plan
    style = scope.style(edition)
    labels = style.labels
    every = list(all_policies(plan))
    columns = columns_of(i for p in every for i in p.policy.indicators)
    view = build_policy(at, plan.period.years, history.actuals, columns, style)
    indicators = []
    stack = [(0, i) for i in reversed(at.policy.indicators)]
    while stack:
        depth, indicator = stack.pop()
        found = history.indicators[indicator.id][-1][1]
        text = f"{heading_of(found, style)} {indicator.name}"
        indicators.append((depth, Link(place.to(paths.indicator(scope.key, indicator.id)), text)))
        stack += [(depth + 1, part) for part in reversed(indicator.indicators)]
    projects: dict[int, list[Link]] = {}
    for years in history.projects.values():
        for p in years:
            if p.project.policy == policy_id:
                text = f"{p.project.number or ''} {p.project.name}".strip()
                projects.setdefault(p.year, []).append(Link(place.to(paths.project(scope.key, p.project.id)), text))
    latest = scope.family.latest
    year_word = labels["academic_year" if plan.period.year == "academic" else "fiscal_year"]
    return PolicyPage(
        view=view,
        years=tuple(style.year(y) for y in plan.period.years),
        targets_header=labels["col_targets_academic" if plan.period.year == "academic" else "col_targets"],
        parents=tuple(_policy_link(scope, place, p.id) for p in at.parents),
        children_heading=labels.level(at.depth + 1) if at.policy.policies else "",
        children=tuple(_policy_link(scope, place, p.id) for p in at.policy.policies),
        indicators=tuple(indicators),
        projects=tuple((f"{year_word} {style.year(y)}", tuple(links)) for y, links in sorted(projects.items())),
        removed=None if edition is latest else labels.format("site_policy_removed", edition_name=edition_name(latest)),
    )


@dataclass(frozen=True, slots=True)
class ProjectYearView:
    """A project in one year's action plan.

    Attributes:
        year: The year, with its word (ปีงบประมาณ 2567).
        edition: The edition the action plan belongs to, when the plan has several.
        view: The project as the action plan shows it.
        policy: The policy it serves, or None.
        indicators: The plan indicators it names, as links to their pages.
        document: The project in the year's action plan.
        result: The year's result (done, money spent), or None when no report gives one.
    """

    year: str
    edition: str | None
    view: ProjectView
    policy: Link | None
    indicators: tuple[Link, ...]
    document: Link
    result: ProjectResultRow | None


@dataclass(frozen=True, slots=True)
class ProjectPage:
    """A project, every year it is in an action plan (newest first)."""

    id: str
    name: str
    years: tuple[ProjectYearView, ...]


def _year_view(scope: Scope, place: Place, entry: ProjectYear) -> ProjectYearView:
    edition, year, project = entry.edition, entry.year, entry.project
    project_id = project.id
    style = scope.style(edition)
    labels = style.labels
    plan = edition.plan
    action = build_action_plan(plan, year, style)
    views = [pr for p in action.policies for pr in p.projects] + list(action.other_projects)
    view = next(v for v in views if v.anchor == f"project-{project_id}")
    result = None
    report = scope.history.report_of(year)
    if report is not None:
        assert isinstance(report.document, Report)
        rows, _budget, _spent = project_results(report.edition.plan, year, report.document, style)
        result = next((r for r in rows if r.anchor == f"project-{project_id}"), None)
    known = scope.history.policies
    shown = style.year(year)
    word = labels["academic_year" if plan.period.year == "academic" else "fiscal_year"]
    return ProjectYearView(
        year=f"{word} {shown}",
        edition=edition_name(edition) if len(scope.family.editions) > 1 else None,
        view=view,
        policy=_policy_link(scope, place, project.policy) if project.policy in known else None,
        indicators=tuple(
            Link(place.to(paths.indicator(scope.key, i)), _indicator_text(scope, i))
            for i in project.indicators
            if i in scope.history.indicators
        ),
        document=Link(
            place.to(paths.document(scope.key, plan, "action-plan", year), f"project-{project_id}"),
            labels.format("site_projects_year", year=shown),
        ),
        result=result,
    )


def _indicator_text(scope: Scope, indicator_id: str) -> str:
    edition, at = scope.history.latest(indicator_id)
    return f"{heading_of(at, scope.style(edition))} {at.indicator.name}"


def build_project_page(scope: Scope, place: Place, project_id: str) -> ProjectPage:
    """The page of one project: each year it is in a published action plan."""
    years = scope.history.projects[project_id]
    return ProjectPage(
        id=project_id,
        name=years[-1].project.name,
        years=tuple(_year_view(scope, place, p) for p in reversed(years)),
    )
