"""Targets (TG): the yearly targets of each indicator are possible, complete and consistent."""

from __future__ import annotations

from eduplan.rules.targets import (
    tg01_percent_range,
    tg02_against_direction,
    tg03_outside_period,
    tg04_missing_year,
    tg05_range_order,
    tg06_kind_mismatch,
    tg07_unknown_level,
    tg08_count_whole,
)

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "TG"
"""The family's letters, which start each of its codes."""
NAME = "targets"
"""The first part of its rules' dotted names."""
MODULES = [
    tg01_percent_range,
    tg02_against_direction,
    tg03_outside_period,
    tg04_missing_year,
    tg05_range_order,
    tg06_kind_mismatch,
    tg07_unknown_level,
    tg08_count_whole,
]
"""Its rules, in documentation order."""
