"""The register of units (RG): codes given once, every school under a known office, dates in order."""

from __future__ import annotations

from eduplan.rules.base import family_modules

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "RG"
"""The family's letters, which start each of its codes."""
NAME = "register"
"""The first part of its rules' dotted names."""
MODULES = family_modules(__name__, __path__)
"""Its rules, in code order: every ``<code>_<what>.py`` module of the package."""
