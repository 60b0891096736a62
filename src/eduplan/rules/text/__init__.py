"""Text hygiene (TX): invisible, decomposed or doubled characters, stray spaces and brackets."""

from __future__ import annotations

from eduplan.rules.text import (
    tx01_zero_width,
    tx02_decomposed_sara_am,
    tx03_doubled_mark,
    tx04_sara_e_twice,
    tx05_mixed_digits,
    tx06_outer_space,
    tx07_double_space,
    tx08_unbalanced,
    tx09_typo,
)

__all__ = ["CODE", "MODULES", "NAME"]

CODE = "TX"
"""The family's letters, which start each of its codes."""
NAME = "text"
"""The first part of its rules' dotted names."""
MODULES = [
    tx01_zero_width,
    tx02_decomposed_sara_am,
    tx03_doubled_mark,
    tx04_sara_e_twice,
    tx05_mixed_digits,
    tx06_outer_space,
    tx07_double_space,
    tx08_unbalanced,
    tx09_typo,
]
"""Its rules, in documentation order."""
