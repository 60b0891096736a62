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
from eduplan.model import ActionPlan, Plan
from eduplan.words.markdown import code
from eduplan.words.markdown import text as md

__all__ = ["ALIASES", "FORMATS", "Coverage", "PolicyCoverage", "SchemeGaps", "YearGaps", "coverage", "render"]

FORMATS = ("human", "markdown", "json")
ALIASES = {"text": "human", "md": "markdown"}
"""Other spellings of the formats, as other commands and earlier versions name them."""
COLUMNS = ("indicators", "unit", "owner", "baseline", "all_targets")
HEADINGS = ("Policy", "Indicators", "With unit", "With owner", "With baseline", "All targets")


@dataclass
class PolicyCoverage:
    """Counts for one policy, with the ids of the indicators that lack each thing."""

    policy: str
    number: str
    title: str
    indicators: int = 0
    unit: int = 0
    owner: int = 0
    baseline: int = 0
    all_targets: int = 0
    lacking: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class YearGaps:
    """What the projects of one fiscal year's action plan leave out."""

    year: int
    projects: int
    policies_without_projects: list[str]
    indicators_without_projects: list[str]


@dataclass
class SchemeGaps:
    """How the projects link to one higher plan of the reference list.

    Attributes:
        scheme: The scheme's key (``ndp13``).
        title: The higher plan's title.
        codes: How many codes the list gives.
        linked: The list's codes some project links to, in list order.
        never_linked: The list's codes no project links to, in list order.
        unknown: Codes projects link to that the list does not have.
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

    def total(self) -> PolicyCoverage:
        """The sums over all policies."""
        total = PolicyCoverage("total", "", "")
        for row in self.policies:
            for column in COLUMNS:
                setattr(total, column, getattr(total, column) + getattr(row, column))
        return total


def coverage(plan: Plan, root: str, schemes: dict[str, Scheme] | None = None, source: str = "") -> Coverage:
    """Count what the plan's indicators have, find what nothing links to, and how projects align.

    Args:
        plan: The plan.
        root: The plan's path, as reports name it.
        schemes: The reference list of higher-plan codes (alignment is not checked without it,
            nor when the plan has no action plan).
        source: Where the reference list comes from, as reports name it.
    """
    years = plan.period.years
    rows = []
    linked_goals: set[str] = set()
    linked_missions: set[str] = set()
    for policy in plan.policies:
        row = PolicyCoverage(policy.id, policy.number, policy.title)
        linked_goals.update(policy.goal_ids)
        linked_missions.update(policy.missions)
        lacking: dict[str, list[str]] = {c: [] for c in COLUMNS[1:]}
        for indicator in policy.indicators:
            row.indicators += 1
            linked_goals.update(indicator.goals)
            linked_missions.update(indicator.missions)
            has = {
                "unit": indicator.unit is not None,
                "owner": indicator.owner is not None,
                "baseline": indicator.baseline is not None,
                "all_targets": all(year in indicator.targets for year in years),
            }
            for column, present in has.items():
                if present:
                    setattr(row, column, getattr(row, column) + 1)
                else:
                    lacking[column].append(indicator.id)
        row.lacking = {column: ids for column, ids in lacking.items() if ids}
        rows.append(row)
    report = Coverage(
        plan.id,
        root,
        years,
        rows,
        [g.id for g in plan.goals if g.id not in linked_goals],
        [m.id for m in plan.missions if m.id not in linked_missions],
        [_year_gaps(plan, action_plan) for action_plan in sorted(plan.action_plans, key=lambda a: a.year)],
    )
    if schemes is not None and plan.action_plans:
        _alignment(plan, schemes, report)
        report.alignment_list = source
    return report


def _year_gaps(plan: Plan, action_plan: ActionPlan) -> YearGaps:
    served_policies = {project.policy for project in action_plan.projects}
    served = {ref for project in action_plan.projects for ref in project.indicators}
    return YearGaps(
        action_plan.year,
        len(action_plan.projects),
        [p.id for p in plan.policies if p.id not in served_policies],
        [i.id for p in plan.policies for i in p.indicators if i.id not in served],
    )


def _alignment(plan: Plan, schemes: dict[str, Scheme], report: Coverage) -> None:
    used: dict[str, list[str]] = {}
    for action_plan in plan.action_plans:
        for project in action_plan.projects:
            for ref in project.alignment:
                codes = used.setdefault(ref.scheme.strip(), [])
                if ref.code.strip() not in codes:
                    codes.append(ref.code.strip())
    for key, scheme in schemes.items():
        linked = set(used.get(key, []))
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


def _cells(row: PolicyCoverage) -> list[str]:
    name = f"{row.number} {row.policy}".strip() if row.policy != "total" else "Total"
    return [name, str(row.indicators), *(f"{getattr(row, c)}/{row.indicators}" for c in COLUMNS[1:])]


def _text(report: Coverage) -> str:
    table = [list(HEADINGS)] + [_cells(r) for r in [*report.policies, report.total()]]
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
            lines.append(f"{policy.policy}: no {column.replace('_', ' ')}: {', '.join(ids)}")
    lines.append(f"goals no policy or indicator links to: {_ids(report.unlinked_goals)}")
    lines.append(f"missions no policy or indicator links to: {_ids(report.unlinked_missions)}")
    lines.extend(_annual_text(report))
    return "\n".join(lines) + "\n"


def _annual_text(report: Coverage) -> list[str]:
    if not report.action_plans:
        return ["action plans: none (projects and alignment not checked)"]
    lines = [
        f"action plan {y.year}: {_count(y.projects, 'project')}; "
        f"policies without a project: {_ids(y.policies_without_projects)}; "
        f"indicators no project serves: {_ids(y.indicators_without_projects)}"
        for y in report.action_plans
    ]
    if not report.alignment_list:
        return lines
    lines.append(f"higher-plan codes the projects link to ({report.alignment_list}):")
    width = max(len(s.scheme) for s in report.alignment)
    for scheme in report.alignment:
        ratio = f"{len(scheme.linked)}/{scheme.codes}"
        never = f"never linked: {_ids(scheme.never_linked)}" if scheme.never_linked else "all linked"
        unknown = f"; not in the list: {', '.join(scheme.unknown)}" if scheme.unknown else ""
        lines.append(f"  {scheme.scheme.ljust(width)}  {ratio:>5}  {never}{unknown}")
    for key, codes in report.unlisted_schemes.items():
        lines.append(f"  {key.ljust(width)}  scheme not in the list (not checked): {', '.join(codes)}")
    return lines


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) or "none"


def _markdown(report: Coverage) -> str:
    """The report in Markdown: every text from the plan (titles, ids, codes) as literal text."""
    lines = [f"## Gaps: {md(report.plan)}", "", "| " + " | ".join(HEADINGS) + " |", "|---" * len(HEADINGS) + "|"]
    for row in [*report.policies, report.total()]:
        lines.append("| " + " | ".join(md(cell) for cell in _cells(row)) + " |")
    lines.append("")
    for row in report.policies:
        for column, ids in row.lacking.items():
            lines.append(f"- **{md(row.policy)}** no {column.replace('_', ' ')}: {md(', '.join(ids))}")
    lines.append(f"- Goals no policy or indicator links to: {md(_ids(report.unlinked_goals))}")
    lines.append(f"- Missions no policy or indicator links to: {md(_ids(report.unlinked_missions))}")
    lines.extend(_annual_markdown(report))
    return "\n".join(lines) + "\n"


def _annual_markdown(report: Coverage) -> list[str]:
    if not report.action_plans:
        return ["- Action plans: none (projects and alignment not checked)"]
    lines = [
        "",
        "### Projects",
        "",
        "| Fiscal year | Projects | Policies without a project | Indicators no project serves |",
        "|---|---|---|---|",
    ]
    for y in report.action_plans:
        without, unserved = md(_ids(y.policies_without_projects)), md(_ids(y.indicators_without_projects))
        lines.append(f"| {y.year} | {y.projects} | {without} | {unserved} |")
    if not report.alignment_list:
        return lines
    lines += [
        "",
        f"### Alignment with higher plans ({md(report.alignment_list)})",
        "",
        "| Scheme | Linked | Never linked | Not in the list |",
        "|---|---|---|---|",
    ]
    for s in report.alignment:
        row = [
            f"{code(s.scheme)} {md(s.title)}",
            f"{len(s.linked)}/{s.codes}",
            md(_ids(s.never_linked)),
            md(_ids(s.unknown)),
        ]
        lines.append("| " + " | ".join(row) + " |")
    for key, codes in report.unlisted_schemes.items():
        lines.append(f"| {code(key)} (not in the list, not checked) | | | {md(', '.join(codes))} |")
    return lines


def render(reports: list[Coverage], fmt: str) -> str:
    """The reports in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        body = {"version": 1, "plans": [asdict(r) | {"total": asdict(r.total())} for r in reports]}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    render_one = _markdown if ALIASES.get(fmt, fmt) == "markdown" else _text
    return "\n".join(render_one(r) for r in reports)
