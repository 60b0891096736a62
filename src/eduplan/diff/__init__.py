"""Comparing two editions of a plan: Plan(old) + Plan(new) -> typed changes keyed by stable ids.

>>> from eduplan.diff import diff_plans
>>> result = diff_plans(old_plan, new_plan)  # doctest: +SKIP
>>> [(c.kind.value, c.path) for c in result.changes]  # doctest: +SKIP
[('target-lowered', 'p3-i19.targets.2568')]
"""

from eduplan.diff.change import DEFAULT_SEVERITY, WEAKENING, Change, ChangeKind, DiffResult, Group, Level, severity_of
from eduplan.diff.engine import DiffOptions, diff_plans

__all__ = [
    "DEFAULT_SEVERITY",
    "WEAKENING",
    "Change",
    "ChangeKind",
    "DiffOptions",
    "DiffResult",
    "Group",
    "Level",
    "diff_plans",
    "severity_of",
]
