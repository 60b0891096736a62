"""The gaps report: what each policy's indicators lack, and what nothing links to.

Per policy: how many indicators, and how many have a unit, an owner, a baseline and a target
for every year of the plan period. Then the goals and missions that no policy or indicator
links to. Formats: ``text`` (an aligned table), ``markdown`` and ``json``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .model import Plan

__all__ = ["FORMATS", "Coverage", "PolicyCoverage", "coverage", "render"]

FORMATS = ("text", "markdown", "json")
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
class Coverage:
    """The gaps of one plan."""

    plan: str
    root: str
    years: list[int]
    policies: list[PolicyCoverage]
    unlinked_goals: list[str]
    unlinked_missions: list[str]

    def total(self) -> PolicyCoverage:
        """The sums over all policies."""
        total = PolicyCoverage("total", "", "")
        for row in self.policies:
            for column in COLUMNS:
                setattr(total, column, getattr(total, column) + getattr(row, column))
        return total


def coverage(plan: Plan, root: str) -> Coverage:
    """Count what the plan's indicators have and find unlinked goals and missions."""
    years = plan.period.years
    rows = []
    linked_goals: set[str] = set()
    linked_missions: set[str] = set()
    for policy in plan.policies:
        row = PolicyCoverage(policy.id, policy.number, policy.title)
        linked_goals.update(policy.goals)
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
    return Coverage(
        plan.id,
        root,
        years,
        rows,
        [g.id for g in plan.goals if g.id not in linked_goals],
        [m.id for m in plan.missions if m.id not in linked_missions],
    )


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
    lines.append(f"goals no policy or indicator links to: {', '.join(report.unlinked_goals) or 'none'}")
    lines.append(f"missions no policy or indicator links to: {', '.join(report.unlinked_missions) or 'none'}")
    return "\n".join(lines) + "\n"


def _markdown(report: Coverage) -> str:
    lines = [f"## Gaps: {report.plan}", "", "| " + " | ".join(HEADINGS) + " |", "|---" * len(HEADINGS) + "|"]
    for row in [*report.policies, report.total()]:
        lines.append("| " + " | ".join(_cells(row)) + " |")
    lines.append("")
    for row in report.policies:
        for column, ids in row.lacking.items():
            lines.append(f"- **{row.policy}** no {column.replace('_', ' ')}: {', '.join(ids)}")
    lines.append(f"- Goals no policy or indicator links to: {', '.join(report.unlinked_goals) or 'none'}")
    lines.append(f"- Missions no policy or indicator links to: {', '.join(report.unlinked_missions) or 'none'}")
    return "\n".join(lines) + "\n"


def render(reports: list[Coverage], fmt: str) -> str:
    """The reports in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        body = {"version": 1, "plans": [asdict(r) | {"total": asdict(r.total())} for r in reports]}
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    render_one = _markdown if fmt == "markdown" else _text
    return "\n".join(render_one(r) for r in reports)
