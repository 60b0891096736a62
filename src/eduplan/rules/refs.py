"""Ids of the plan's items and where they are (shared by the MD and RF rules)."""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path
from eduplan.model import Plan, Statement
from eduplan.model.walk import all_indicators, all_policies

__all__ = ["identified", "ids_of"]


def identified(plan: Plan) -> Iterator[tuple[Path, str]]:
    """Every item that has an id, with its path, in plan order."""
    for name in ("missions", "goals"):
        for n, item in enumerate(getattr(plan, name)):
            yield (name, n), item.id
    for at in all_policies(plan):
        yield at.path, at.policy.id
        goals = [(n, g) for n, g in enumerate(at.policy.goals) if isinstance(g, Statement)]
        statements = [(("goals", n), g) for n, g in goals] + [
            ((name, n), item) for name in ("targets", "approaches") for n, item in enumerate(getattr(at.policy, name))
        ]
        for (name, n), item in statements:
            yield (*at.path, name, n), item.id
    for place in all_indicators(plan):
        yield place.path, place.indicator.id
    for n, section in enumerate(plan.context):
        yield ("context", n), section.id
    for n, section in enumerate(plan.monitoring):
        yield ("monitoring", n), section.id
    for a, action_plan in enumerate(plan.action_plans):
        for n, project in enumerate(action_plan.projects):
            yield ("action_plans", a, "projects", n), project.id


def ids_of(plan: Plan) -> dict[str, set[str]]:
    """Ids by kind: goal, mission, policy, indicator (standards included), project, and "any"."""
    policies = list(all_policies(plan))
    found: dict[str, set[str]] = {
        "goal": {g.id for g in plan.goals} | {g.id for at in policies for g in at.policy.own_goals},
        "mission": {m.id for m in plan.missions},
        "policy": {at.policy.id for at in policies},
        "indicator": {at.indicator.id for at in all_indicators(plan)},
        "project": {x.id for a in plan.action_plans for x in a.projects},
    }
    found["any"] = {item_id for _, item_id in identified(plan)}
    return found
