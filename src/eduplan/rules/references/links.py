"""Where a plan refers to ids, by the kind of item referred to (shared by the RF rules)."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from eduplan.findings import Path
from eduplan.i18n import N_, _
from eduplan.model import Plan
from eduplan.model.walk import all_indicators, all_policies
from eduplan.rules.base import Context, Problem
from eduplan.rules.refs import ids_of

__all__ = ["links", "unresolved"]


def links(plan: Plan) -> Iterator[tuple[str, Path, str]]:
    """Every reference: (kind of item, path of the reference, id)."""
    yield from _plan_links(plan)
    yield from _annual_links(plan)


def _plan_links(plan: Plan) -> Iterator[tuple[str, Path, str]]:
    for at in all_policies(plan):
        for n, goal in enumerate(at.policy.goals):
            if isinstance(goal, str):  # a goal stated in the policy is no reference
                yield "goal", (*at.path, "goals", n), goal
        for n, ref in enumerate(at.policy.missions):
            yield "mission", (*at.path, "missions", n), ref
    for place in all_indicators(plan):
        for kind, ids in (("goal", place.indicator.goals), ("mission", place.indicator.missions)):
            for n, ref in enumerate(ids):
                yield kind, (*place.path, f"{kind}s", n), ref


def _annual_links(plan: Plan) -> Iterator[tuple[str, Path, str]]:
    for a, action_plan in enumerate(plan.action_plans):
        for x, project in enumerate(action_plan.projects):
            yield "policy", ("action_plans", a, "projects", x, "policy"), project.policy
            for n, ref in enumerate(project.indicators):
                yield "indicator", ("action_plans", a, "projects", x, "indicators", n), ref
    for r, report in enumerate(plan.reports):
        for n, actual in enumerate(report.actuals):
            yield "indicator", ("reports", r, "actuals", n, "indicator"), actual.indicator
        for n, result in enumerate(report.projects):
            yield "project", ("reports", r, "projects", n, "project"), result.project
        for n, told in enumerate(report.policies):
            yield "policy", ("reports", r, "policies", n, "policy"), told.policy


_LOST: dict[str, Callable[[Context], bool]] = {
    "goal": lambda ctx: ctx.lost_items("goals") or ctx.lost_any("goals", "policies"),
    "mission": lambda ctx: ctx.lost_items("missions"),
    "policy": lambda ctx: ctx.lost_any("policies", "policies"),
    "indicator": lambda ctx: ctx.lost_any("indicators", "policies", "standards", "indicators"),
    "project": lambda ctx: ctx.lost_items("action_plans", "projects"),
}
"""Per kind: whether items of that kind may be missing (a list that holds them, or such lists, lost items)."""


@dataclass(frozen=True, slots=True)
class _Words:
    """What the messages say of a reference to one kind of item."""

    unknown: str
    other: str
    ids: str
    none: str


_WORDS = {
    "goal": _Words(
        N_("no goal has the id {ref!r}"),
        N_("{ref!r} is not a goal"),
        N_("the plan's goal ids: {ids}"),
        N_("the plan has no goals"),
    ),
    "mission": _Words(
        N_("no mission has the id {ref!r}"),
        N_("{ref!r} is not a mission"),
        N_("the plan's mission ids: {ids}"),
        N_("the plan has no missions"),
    ),
    "policy": _Words(
        N_("no policy has the id {ref!r}"),
        N_("{ref!r} is not a policy"),
        N_("the plan's policy ids: {ids}"),
        N_("the plan has no policies"),
    ),
    "indicator": _Words(
        N_("no indicator has the id {ref!r}"),
        N_("{ref!r} is not an indicator"),
        N_("the plan's indicator ids: {ids}"),
        N_("the plan has no indicators"),
    ),
    "project": _Words(
        N_("no project has the id {ref!r}"),
        N_("{ref!r} is not a project"),
        N_("the plan's project ids: {ids}"),
        N_("the plan has no projects"),
    ),
}
"""Per kind of item: the messages of a reference that names none (the words of :func:`unresolved`)."""


def unresolved(ctx: Context, kind: str) -> Iterator[Problem]:
    """Problems for the references to ``kind`` items that name no such item.

    When items of that kind were dropped from a partial plan, nothing is reported: the
    reference may name a dropped item.
    """
    if _LOST[kind](ctx):
        return
    plan = ctx.plan
    known = ids_of(plan)
    targets = known[kind]
    for ref_kind, path, ref in links(plan):
        if ref_kind != kind or ref in targets:
            continue
        words = _WORDS[kind]
        close = difflib.get_close_matches(ref, sorted(targets), n=1, cutoff=0.6)
        if close:
            hint = _("did you mean {close!r}?").format(close=close[0])
        elif ref in known["any"]:
            hint = _(words.other).format(ref=ref)
        else:
            hint = _(words.ids).format(ids=_few(targets)) if targets else _(words.none)
        yield Problem(path, _(words.unknown).format(ref=ref), hint=hint)


def _few(ids: set[str]) -> str:
    listed = sorted(ids)
    return ", ".join(listed[:8]) + (", ..." if len(listed) > 8 else "")
