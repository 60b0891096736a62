"""The annual cycle (AN): action plans cover every policy, reports give sound actuals once per year."""

from __future__ import annotations

from eduplan.rules.annual import (
    an01_policy_no_project,
    an02_actual_not_due,
    an03_actual_kind,
    an04_value_or_reason,
    an05_duplicate_actual,
    an06_duplicate_year,
)

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "AN"
"""The family's letters, which start each of its codes."""
NAME = "annual"
"""The first part of its rules' dotted names."""
MODULES = [
    an01_policy_no_project,
    an02_actual_not_due,
    an03_actual_kind,
    an04_value_or_reason,
    an05_duplicate_actual,
    an06_duplicate_year,
]
"""Its rules, in documentation order."""
