"""The words of a report's roll-up section (figures from the units), by label key, in English; merged into LABELS.

Their Thai is in ``words.po`` under each key, as for every label; a plan's ``labels:`` overrides them too.
"""

from __future__ import annotations

__all__ = ["ROLLUP_LABELS", "ROLLUP_PARAMETERS"]

ROLLUP_LABELS: dict[str, str] = {
    "rollup_heading": "Figures from the units",
    "rollup_note": "Each figure below is computed from the returns of the units the register expects this year "
    "(eduplan rollup): a percentage across units is the sum of their numerators over the sum of their "
    "denominators.",
    "rollup_reported_schools": "Reported: {reported}/{expected} schools",
    "rollup_reported_offices": "Reported: {reported}/{expected} offices",
    "rollup_made_of": "{numerator} of {denominator}",
    "rollup_by_district": "By district",
    "rollup_by_province": "By province",
    "rollup_by_size": "By size",
    "rollup_col_district": "District",
    "rollup_col_province": "Province",
    "rollup_col_size": "Size",
    "rollup_col_value": "Result",
    "rollup_col_reported": "Reported",
    "rollup_not_given": "Not given",
    "rollup_missing_schools": "Schools that did not report ({count})",
    "rollup_missing_offices": "Offices that did not report ({count})",
    "size_small": "Small",
    "size_medium": "Medium",
    "size_large": "Large",
    "size_extra-large": "Extra large",
}
"""The roll-up section's words."""

ROLLUP_PARAMETERS = frozenset({"reported", "expected", "numerator", "denominator"})
"""The names in braces the labels above use, beyond the shared ones."""
