"""The rules: consistency checks on a loaded plan, one module per rule, one folder per family.

Families: ``TG`` targets, ``UN`` units and kinds, ``MD`` ownership and metadata, ``RF``
references, ``TX`` text hygiene, ``BG`` budgets of the action plans (quarters add up to the
project, projects to the declared total), ``AN`` the annual cycle (every policy has a project,
actuals are due, fit the indicator's kind and are given once per indicator and year).
:data:`RULES` maps each code to its :class:`~.base.Rule`; :func:`select` picks rules by code,
family or dotted name; a rule that is off by default (TX09) only by its own code or name. See
:mod:`.base` for how to write one.
"""

from __future__ import annotations

from collections.abc import Iterable

from .annual import (
    an01_policy_no_project,
    an02_actual_not_due,
    an03_actual_kind,
    an04_value_or_reason,
    an05_duplicate_actual,
    an06_duplicate_year,
)
from .base import Context, Options, Problem, Rule, rule_from_module
from .budget import bg01_quarters, bg02_total
from .metadata import (
    md01_missing_owner,
    md02_duplicate_id,
    md03_number_format,
    md04_number_sequence,
    md05_owner_spelling,
    md06_period,
)
from .references import rf01_goal, rf02_mission, rf03_policy, rf04_indicator, rf05_project
from .targets import (
    tg01_percent_range,
    tg02_against_direction,
    tg03_outside_period,
    tg04_missing_year,
    tg05_range_order,
    tg06_kind_mismatch,
    tg07_unknown_level,
    tg08_count_whole,
)
from .text import (
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
from .units import un01_missing, un02_name_mismatch, un03_kind_mismatch, un04_unknown

__all__ = ["FAMILIES", "RULES", "Context", "Options", "Problem", "Rule", "matches", "names", "select"]

_MODULES = [
    tg01_percent_range,
    tg02_against_direction,
    tg03_outside_period,
    tg04_missing_year,
    tg05_range_order,
    tg06_kind_mismatch,
    tg07_unknown_level,
    tg08_count_whole,
    un01_missing,
    un02_name_mismatch,
    un03_kind_mismatch,
    un04_unknown,
    md01_missing_owner,
    md02_duplicate_id,
    md03_number_format,
    md04_number_sequence,
    md05_owner_spelling,
    md06_period,
    rf01_goal,
    rf02_mission,
    rf03_policy,
    rf04_indicator,
    rf05_project,
    bg01_quarters,
    bg02_total,
    an01_policy_no_project,
    an02_actual_not_due,
    an03_actual_kind,
    an04_value_or_reason,
    an05_duplicate_actual,
    an06_duplicate_year,
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

RULES: dict[str, Rule] = {rule.code: rule for rule in map(rule_from_module, _MODULES)}
"""Every rule by code, in documentation order."""

FAMILIES: dict[str, str] = {
    "TG": "targets",
    "UN": "units",
    "MD": "metadata",
    "RF": "references",
    "BG": "budget",
    "AN": "annual",
    "TX": "text",
}
"""Family letters -> the first part of the dotted names."""


def matches(selector: str, code: str, name: str) -> bool:
    """Whether a selector (``TG``, ``TG02``, ``targets``, ``targets.against-direction``, ``ALL``) names a code."""
    wanted = selector.strip()
    if wanted.upper() == "ALL":
        return True
    if wanted.upper() == code or (wanted.isalpha() and wanted.isupper() and code.startswith(wanted)):
        return True
    return name == wanted or name.startswith(wanted + ".")


def names(selector: str, rule: Rule) -> bool:
    """Whether a selector is the rule's own code or dotted name (not its family or ``ALL``)."""
    wanted = selector.strip()
    return wanted.upper() == rule.code or wanted == rule.name


def select(selected: Iterable[str] | None, ignored: Iterable[str]) -> list[Rule]:
    """The rules chosen by ``--select`` (all that are on by default when None) minus ``--ignore``.

    A rule that is off by default is chosen only when a selector names its code or dotted name.
    """
    chosen = list(selected) if selected is not None else ["ALL"]
    ignore = list(ignored)
    return [
        rule
        for rule in RULES.values()
        if any(names(s, rule) if not rule.default else matches(s, rule.code, rule.name) for s in chosen)
        and not any(matches(s, rule.code, rule.name) for s in ignore)
    ]
