"""Budgets (BG): the amounts of an action plan add up, from quarters to projects to the total."""

from __future__ import annotations

from eduplan.rules.budget import bg01_quarters, bg02_total

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "BG"
"""The family's letters, which start each of its codes."""
NAME = "budget"
"""The first part of its rules' dotted names."""
MODULES = [bg01_quarters, bg02_total]
"""Its rules, in documentation order."""
