"""Ids of the plan's items and where they are (shared by the MD and RF rules)."""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path
from eduplan.model import Plan

__all__ = ["identified", "ids_of"]


def identified(plan: Plan) -> Iterator[tuple[Path, str]]:
    """Every item that has an id, with its path, in plan order."""
    for name in ("missions", "goals"):
        for n, item in enumerate(getattr(plan, name)):
            yield (name, n), item.id
    for p, policy in enumerate(plan.policies):
        yield ("policies", p), policy.id
        for name in ("targets", "approaches", "indicators"):
            for n, item in enumerate(getattr(policy, name)):
                yield ("policies", p, name, n), item.id
    for a, action_plan in enumerate(plan.action_plans):
        for n, project in enumerate(action_plan.projects):
            yield ("action_plans", a, "projects", n), project.id


def ids_of(plan: Plan) -> dict[str, set[str]]:
    """Ids by kind: goal, mission, policy, indicator, project, and "any"."""
    found: dict[str, set[str]] = {
        "goal": {g.id for g in plan.goals},
        "mission": {m.id for m in plan.missions},
        "policy": {p.id for p in plan.policies},
        "indicator": {i.id for p in plan.policies for i in p.indicators},
        "project": {x.id for a in plan.action_plans for x in a.projects},
    }
    found["any"] = {item_id for _, item_id in identified(plan)}
    return found
