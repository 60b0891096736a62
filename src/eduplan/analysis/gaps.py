"""The gaps report: what each policy's indicators lack, and what nothing links to.

Per policy: how many indicators, and how many have a unit, an owner, a baseline and a target
for every year of the plan period. Then the goals and missions that no policy or indicator
links to. With action plans, per fiscal year: the policies without a project and the indicators
no project serves; and per higher plan of the reference list (:mod:`eduplan.alignment`), the
codes the projects never link to. Formats: ``human`` (an aligned table; ``text`` is its old
name), ``markdown`` (or ``md``) and ``json``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from eduplan.analysis.alignment import Scheme
from eduplan.analysis.alignment import Scheme as AlignmentScheme
from eduplan.i18n import N_, _, ngettext
from eduplan.model import ActionPlan, Indicator, Plan
from eduplan.model.walk import all_indicators, all_policies
from eduplan.words.markdown import code
from eduplan.words.markdown import text as md

__all__ = ["ALIASES", "FORMATS", "Coverage", "PolicyCoverage", "SchemeGaps", "YearGaps", "coverage", "render"]

FORMATS = ("human", "markdown", "json")
ALIASES = {"text": "human", "md": "markdown"}
"""Other spellings of the formats, as other commands and earlier versions name them."""
COLUMNS = ("indicators", "unit", "owner", "baseline", "all_targets")
HEADINGS = (N_("Policy"), N_("Indicators"), N_("With unit"), N_("With owner"), N_("With baseline"), N_("All targets"))
"""The headings of the table's columns (translated where the table is made)."""


@dataclass
class PolicyCoverage:
    """Counts for one policy (of any level) or for the standards, with the ids of the indicators that lack each thing.

    An indicator with sub-indicators is one indicator: it has a unit, an owner, a baseline or every
    target when it gives one itself or when every part (every leaf below it) does.

    Attributes:
        policy: The policy's id (``standards`` for a school's standards).
        number: Its number as published.
        title: Its title.
        indicators: Its own whole indicators (sub-indicators are parts of them).
        unit: How many have a unit (a level indicator's scale of levels is its unit).
        owner: How many name an owner.
        baseline: How many have a baseline.
        all_targets: How many have a target for every year of the plan.
        lacking: Column -> ids of the indicators that lack it.
        depth: The policy's level (1 for the first; 1 for the standards).
        parts: How many sub-indicators its indicators hold, at every depth.
        goals: How many goals are stated in the policy itself.
    """

    policy: str
    number: str
    title: str
    indicators: int = 0
    unit: int = 0
    owner: int = 0
    baseline: int = 0
    all_targets: int = 0
    lacking: dict[str, list[str]] = field(default_factory=dict)
    depth: int = 1
    parts: int = 0
    goals: int = 0


@dataclass
class YearGaps:
    """What the projects of one year's action plan leave out.

    Attributes:
        year: The fiscal (or academic) year.
        projects: How many projects the action plan has.
        policies_without_projects: Policies no project serves, itself or through a policy under it.
        indicators_without_projects: Whole indicators (and standards) no project serves, itself or through a part.
    """

    year: int
    projects: int
    policies_without_projects: list[str]
    indicators_without_projects: list[str]
    year_kind: str = "fiscal"
    """``fiscal`` or ``academic``: which year the action plan is of."""


@dataclass
class SchemeGaps:
    """How the projects (and the plan's links to higher plans) link to one scheme.

    Attributes:
        scheme: The scheme's key (``ndp13``).
        title: The scheme's title (the plan's own, in Thai, when the plan names the scheme).
        codes: How many codes the list gives (0: the scheme accepts any code).
        linked: The list's codes something links to, in list order (every code used, for a scheme without codes).
        never_linked: The list's codes nothing links to, in list order.
        unknown: Codes linked to that the list does not have.
    """

    scheme: str
    title: str
    codes: int
    linked: list[str]
    never_linked: list[str]
    unknown: list[str]


@dataclass
class Coverage:
    """The gaps of one plan."""

    plan: str
    root: str
    years: list[int]
    policies: list[PolicyCoverage]
    unlinked_goals: list[str]
    unlinked_missions: list[str]
    action_plans: list[YearGaps] = field(default_factory=list)
    alignment: list[SchemeGaps] = field(default_factory=list)
    unlisted_schemes: dict[str, list[str]] = field(default_factory=dict)
    """Schemes projects use that the reference list does not have, with the codes used."""
    alignment_list: str = ""
    """Where the reference list comes from."""
    policy_links: bool = False
    """Whether the plan's policies link to higher plans themselves (their links count with the projects')."""

    def total(self) -> PolicyCoverage:
        """The sums over all policies (every level) and the standards: each whole indicator once."""
        total = PolicyCoverage("total", "", "")
        for row in self.policies:
            for column in (*COLUMNS, "parts", "goals"):
                setattr(total, column, getattr(total, column) + getattr(row, column))
        return total


def coverage(plan: Plan, root: str, schemes: dict[str, Scheme] | None = None, source: str = "") -> Coverage:
    """Count what the plan's indicators have, find what nothing links to, and how projects align.

    Args:
        plan: The plan.
        root: The plan's path, as reports name it.
        schemes: The reference list of higher-plan codes; the plan's own ``schemes`` add to it or replace
            its schemes (alignment is not checked without a list, nor when nothing links to a scheme).
        source: Where the reference list comes from, as reports name it.
    """
    years = plan.period.years
    rows = []
    linked_goals: set[str] = set()
    linked_missions: set[str] = set()
    for at in all_policies(plan):
        policy = at.policy
        linked_goals.update(policy.goal_ids)
        linked_missions.update(policy.missions)
        row = PolicyCoverage(policy.id, policy.number, policy.title, depth=at.depth, goals=len(policy.own_goals))
        rows.append(_tally(row, policy.indicators, years, linked_goals, linked_missions))
    if plan.standards:
        row = PolicyCoverage("standards", "", "standards")
        rows.append(_tally(row, plan.standards, years, linked_goals, linked_missions))
    report = Coverage(
        plan.id,
        root,
        years,
        rows,
        [g.id for g in plan.goals if g.id not in linked_goals],
        [m.id for m in plan.missions if m.id not in linked_missions],
        [_year_gaps(plan, action_plan) for action_plan in sorted(plan.action_plans, key=lambda a: a.year)],
    )
    if schemes is not None:
        own = {key: AlignmentScheme(key, s.title, dict(s.codes), s.source or "") for key, s in plan.schemes.items()}
        _alignment(plan, schemes | own, report)
        if report.alignment or report.unlisted_schemes:
            both = _("{source} and the plan's schemes").format(source=source)
            report.alignment_list = both if own and source else source
    return report


def _tally(
    row: PolicyCoverage, indicators: list[Indicator], years: list[int], goals: set[str], missions: set[str]
) -> PolicyCoverage:
    """Count a table of whole indicators into ``row``; record the goals and missions they link to."""
    lacking: dict[str, list[str]] = {c: [] for c in COLUMNS[1:]}
    for indicator in indicators:
        row.indicators += 1
        row.parts += len(_below(indicator))
        for linked in (indicator, *_below(indicator)):
            goals.update(linked.goals)
            missions.update(linked.missions)
        for column in COLUMNS[1:]:
            if _has(indicator, column, years):
                setattr(row, column, getattr(row, column) + 1)
            else:
                lacking[column].append(indicator.id)
    row.lacking = {column: ids for column, ids in lacking.items() if ids}
    return row


def _has(indicator: Indicator, column: str, years: list[int]) -> bool:
    """Whether the indicator gives ``column`` itself, or every leaf part of it does."""
    if column == "unit":
        own = indicator.unit is not None or (indicator.kind == "level" and indicator.levels is not None)
    elif column == "owner":
        own = indicator.owner is not None
    elif column == "baseline":
        own = indicator.baseline is not None
    else:
        own = bool(indicator.targets) and all(year in indicator.targets for year in years)
    if own or not indicator.indicators:
        return own
    return all(_has(part, column, years) for part in indicator.indicators)


def _below(indicator: Indicator) -> list[Indicator]:
    """Every sub-indicator of an indicator, at every depth."""
    return [p for part in indicator.indicators for p in (part, *_below(part))]


def _year_gaps(plan: Plan, action_plan: ActionPlan) -> YearGaps:
    served_policies = {project.policy for project in action_plan.projects}
    served = {ref for project in action_plan.projects for ref in project.indicators}
    policies = list(all_policies(plan))
    reached = {p.id for at in policies if at.policy.id in served_policies for p in (*at.parents, at.policy)}
    wholes = [at.indicator for at in all_indicators(plan) if not at.is_part]
    return YearGaps(
        action_plan.year,
        len(action_plan.projects),
        [at.policy.id for at in policies if at.policy.id not in reached],
        [i.id for i in wholes if not ({i.id} | {p.id for p in _below(i)}) & served],
        action_plan.year_kind,
    )


def _alignment(plan: Plan, schemes: dict[str, AlignmentScheme], report: Coverage) -> None:
    used: dict[str, list[str]] = {}
    refs = [ref for a in plan.action_plans for project in a.projects for ref in project.alignment]
    refs += [ref for at in all_policies(plan) for ref in at.policy.alignment]
    for ref in refs:
        codes = used.setdefault(ref.scheme.strip(), [])
        if ref.code.strip() not in codes:
            codes.append(ref.code.strip())
    if not plan.action_plans and not used:
        return
    report.policy_links = any(at.policy.alignment for at in all_policies(plan))
    for key, scheme in schemes.items():
        linked = set(used.get(key, []))
        if not scheme.codes:  # a scheme that lists no codes accepts any
            report.alignment.append(SchemeGaps(key, scheme.title, 0, used.get(key, []), [], []))
            continue
        report.alignment.append(
            SchemeGaps(
                key,
                scheme.title,
                len(scheme.codes),
                [c for c in scheme.codes if c in linked],
                [c for c in scheme.codes if c not in linked],
                sorted(linked - set(scheme.codes)),
            )
        )
    report.unlisted_schemes = {key: sorted(codes) for key, codes in sorted(used.items()) if key not in schemes}


def _cells(row: PolicyCoverage, indent: str = "  ") -> list[str]:
    """A row of the table; a policy below the first level is indented (``indent`` per level)."""
    name = indent * (row.depth - 1) + f"{row.number} {_name(row)}".strip() if row.policy != "total" else _("Total")
    return [name, str(row.indicators), *(f"{getattr(row, c)}/{row.indicators}" for c in COLUMNS[1:])]


def _name(row: PolicyCoverage) -> str:
    """How a row names its policy: its id, or the standards of a school's plan in words (มาตรฐาน)."""
    return _("standards") if (row.policy, row.number, row.title) == ("standards", "", "standards") else row.policy


def _text(report: Coverage) -> str:
    table = [[_(h) for h in HEADINGS]] + [_cells(r) for r in [*report.policies, report.total()]]
    widths = [max(len(row[n]) for row in table) for n in range(len(HEADINGS))]
    lines = [f"{report.root} ({report.plan}, {report.years[0]}-{report.years[-1]})" if report.years else report.root]
    for n, row in enumerate(table):
        lines.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0 or n == len(table) - 2:
            lines.append("  ".join("-" * w for w in widths))
    for policy in report.policies:
        for column, ids in policy.lacking.items():
            lines.append(f"{_name(policy)}: {_lacking(column)}: {', '.join(ids)}")
    for policy in report.policies:
        if policy.parts:
            lines.append(f"{_name(policy)}: {_parts(policy.parts)}")
    lines.append(_("goals no policy or indicator links to: {ids}").format(ids=_ids(report.unlinked_goals)))
    lines.append(_("missions no policy or indicator links to: {ids}").format(ids=_ids(report.unlinked_missions)))
    lines.extend(_annual_text(report))
    return "\n".join(lines) + "\n"


def _annual_text(report: Coverage) -> list[str]:
    if not report.action_plans:
        return [_("action plans: none (projects and alignment not checked)")]
    lines = []
    for y in report.action_plans:
        if y.year_kind == "academic":
            heading = _("action plan academic year {year}").format(year=y.year)
        else:
            heading = _("action plan {year}").format(year=y.year)
        projects = ngettext("{count} project", "{count} projects", y.projects).format(count=y.projects)
        line = _("{heading}: {projects}; policies without a project: {policies}; indicators no project serves: {ids}")
        policies, ids = _ids(y.policies_without_projects), _ids(y.indicators_without_projects)
        lines.append(line.format(heading=heading, projects=projects, policies=policies, ids=ids))
    if not report.alignment_list:
        return lines
    if report.policy_links:
        heading = _("higher-plan codes the projects and policies link to ({list}):")
    else:
        heading = _("higher-plan codes the projects link to ({list}):")
    lines.append(heading.format(list=report.alignment_list))
    width = max(len(s.scheme) for s in report.alignment)
    for scheme in report.alignment:
        ratio = f"{len(scheme.linked)}/{scheme.codes}" if scheme.codes else _("any")
        if not scheme.codes:
            never = _("the scheme lists no codes (any is accepted); linked: {ids}").format(ids=_ids(scheme.linked))
        elif scheme.never_linked:
            never = _("never linked: {ids}").format(ids=_ids(scheme.never_linked))
        else:
            never = _("all linked")
        unknown = _("; not in the list: {codes}").format(codes=", ".join(scheme.unknown)) if scheme.unknown else ""
        lines.append(f"  {scheme.scheme.ljust(width)}  {ratio:>5}  {never}{unknown}")
    for key, codes in report.unlisted_schemes.items():
        unlisted = _("scheme not in the list (not checked): {codes}").format(codes=", ".join(codes))
        lines.append(f"  {key.ljust(width)}  {unlisted}")
    return lines


def _lacking(column: str) -> str:
    """What a policy's indicators lack, in words: ``no unit``."""
    return {
        "unit": _("no unit"),
        "owner": _("no owner"),
        "baseline": _("no baseline"),
        "all_targets": _("no all targets"),
    }[column]


def _parts(count: int) -> str:
    return ngettext(
        "{count} sub-indicator, counted as parts of their indicators",
        "{count} sub-indicators, counted as parts of their indicators",
        count,
    ).format(count=count)


def _year_word(report: Coverage) -> str:
    """The heading of the year column: fiscal years unless every action plan is of an academic year."""
    academic = all(y.year_kind == "academic" for y in report.action_plans)
    return _("Academic year") if academic else _("Fiscal year")


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) or _("none")


def _markdown(report: Coverage) -> str:
    """The report in Markdown: every text from the plan (titles, ids, codes) as literal text."""
    headings = [_(h) for h in HEADINGS]
    lines = [_("## Gaps: {plan}").format(plan=md(report.plan)), "", "| " + " | ".join(headings) + " |"]
    lines.append("|---" * len(HEADINGS) + "|")
    for row in [*report.policies, report.total()]:
        lines.append("| " + " | ".join(md(cell) for cell in _cells(row, "↳ ")) + " |")
    lines.append("")
    for row in report.policies:
        for column, ids in row.lacking.items():
            lines.append(f"- **{md(_name(row))}** {_lacking(column)}: {md(', '.join(ids))}")
    for row in report.policies:
        if row.parts:
            lines.append(f"- **{md(_name(row))}** {_parts(row.parts)}")
    lines.append(_("- Goals no policy or indicator links to: {ids}").format(ids=md(_ids(report.unlinked_goals))))
    lines.append(_("- Missions no policy or indicator links to: {ids}").format(ids=md(_ids(report.unlinked_missions))))
    lines.extend(_annual_markdown(report))
    return "\n".join(lines) + "\n"


def _annual_markdown(report: Coverage) -> list[str]:
    if not report.action_plans:
        return [_("- Action plans: none (projects and alignment not checked)")]
    lines = [
        "",
        _("### Projects"),
        "",
        _("| {year} | Projects | Policies without a project | Indicators no project serves |").format(
            year=_year_word(report)
        ),
        "|---|---|---|---|",
    ]
    for y in report.action_plans:
        without, unserved = md(_ids(y.policies_without_projects)), md(_ids(y.indicators_without_projects))
        lines.append(f"| {y.year} | {y.projects} | {without} | {unserved} |")
    if not report.alignment_list:
        return lines
    lines += [
        "",
        _("### Alignment with higher plans ({list})").format(list=md(report.alignment_list)),
        "",
        _("| Scheme | Linked | Never linked | Not in the list |"),
        "|---|---|---|---|",
    ]
    for s in report.alignment:
        row = [
            f"{code(s.scheme)} {md(s.title)}",
            f"{len(s.linked)}/{s.codes}" if s.codes else _("any code: {ids}").format(ids=md(_ids(s.linked))),
            md(_ids(s.never_linked)),
            md(_ids(s.unknown)),
        ]
        lines.append("| " + " | ".join(row) + " |")
    for key, codes in report.unlisted_schemes.items():
        unlisted = _("{scheme} (not in the list, not checked)").format(scheme=code(key))
        lines.append(f"| {unlisted} | | | {md(', '.join(codes))} |")
    return lines


def render(reports: list[Coverage], fmt: str) -> str:
    """The reports in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        body = {"version": 1, "plans": [asdict(r) | {"total": asdict(r.total())} for r in reports]}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    render_one = _markdown if ALIASES.get(fmt, fmt) == "markdown" else _text
    return "\n".join(render_one(r) for r in reports)
