"""Budgets (BG): the amounts of an action plan add up, from quarters to projects to the total."""

from __future__ import annotations

from eduplan.rules.base import family_modules

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "BG"
"""The family's letters, which start each of its codes."""
NAME = "budget"
"""The first part of its rules' dotted names."""
MODULES = family_modules(__name__, __path__)
"""Its rules, in code order: every ``<code>_<what>.py`` module of the package."""
