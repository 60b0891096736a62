"""References (RF): every id a plan item refers to names an item of the plan."""

from __future__ import annotations

from eduplan.rules.base import family_modules

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "RF"
"""The family's letters, which start each of its codes."""
NAME = "references"
"""The first part of its rules' dotted names."""
MODULES = family_modules(__name__, __path__)
"""Its rules, in code order: every ``<code>_<what>.py`` module of the package."""
