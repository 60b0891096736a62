"""References (RF): every id a plan item refers to names an item of the plan."""

from __future__ import annotations

from eduplan.rules.references import rf01_goal, rf02_mission, rf03_policy, rf04_indicator, rf05_project

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "RF"
"""The family's letters, which start each of its codes."""
NAME = "references"
"""The first part of its rules' dotted names."""
MODULES = [rf01_goal, rf02_mission, rf03_policy, rf04_indicator, rf05_project]
"""Its rules, in documentation order."""
