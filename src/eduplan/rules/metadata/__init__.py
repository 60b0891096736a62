"""Ownership and metadata (MD): owners, ids, numbering, period and labels are complete and consistent."""

from __future__ import annotations

from eduplan.rules.metadata import (
    md01_missing_owner,
    md02_duplicate_id,
    md03_number_format,
    md04_number_sequence,
    md05_owner_spelling,
    md06_period,
    md07_labels,
    md08_unknown_label,
)

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "MD"
"""The family's letters, which start each of its codes."""
NAME = "metadata"
"""The first part of its rules' dotted names."""
MODULES = [
    md01_missing_owner,
    md02_duplicate_id,
    md03_number_format,
    md04_number_sequence,
    md05_owner_spelling,
    md06_period,
    md07_labels,
    md08_unknown_label,
]
"""Its rules, in documentation order."""
