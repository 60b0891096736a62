"""Units and kinds (UN): every indicator says what its numbers count, consistently."""

from __future__ import annotations

from eduplan.rules.units import un01_missing, un02_name_mismatch, un03_kind_mismatch, un04_unknown

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "UN"
"""The family's letters, which start each of its codes."""
NAME = "units"
"""The first part of its rules' dotted names."""
MODULES = [un01_missing, un02_name_mismatch, un03_kind_mismatch, un04_unknown]
"""Its rules, in documentation order."""
