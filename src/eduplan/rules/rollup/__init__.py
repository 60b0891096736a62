"""The roll-up declarations (RU): each ``rollup:`` fits its indicator, has a register, and scopes some unit.

What a roll-up finds when it runs (coverage, returns of units not expected) has codes of the same family,
from RU10 on, documented in :mod:`eduplan.rollup.codes`.
"""

from __future__ import annotations

from eduplan.rules.base import family_modules

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "RU"
"""The family's letters, which start each of its codes."""
NAME = "rollup"
"""The first part of its rules' dotted names."""
MODULES = family_modules(__name__, __path__)
"""Its rules, in code order: every ``<code>_<what>.py`` module of the package."""
