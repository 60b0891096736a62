"""The rules: consistency checks on a loaded plan, one module per rule, one folder per family.

Families: ``TG`` targets, ``UN`` units and kinds, ``MD`` ownership and metadata, ``RF``
references, ``TX`` text hygiene, ``BG`` budgets of the action plans (quarters add up to the
project, projects to the declared total), ``AN`` the annual cycle (every policy has a project,
actuals are due, fit the indicator's kind and are given once per indicator and year), ``RG`` the register of
units (codes once, every school under a known office), ``RU`` the roll-up declarations (a method that fits the
indicator, a register, a scope that takes some unit).
:data:`RULES` maps each code to its :class:`~.base.Rule`; :func:`select` picks rules by code,
family or dotted name; a rule that is off by default (TX09) only by its own code or name. See
:mod:`.base` for how to write one.
"""

from __future__ import annotations

from collections.abc import Iterable

from eduplan.rules import annual, budget, metadata, references, register, rollup, targets, text, units
from eduplan.rules.base import Context, Options, Problem, Rule, rule_from_module

__all__ = ["FAMILIES", "RULES", "Context", "Options", "Problem", "Rule", "matches", "names", "select"]

_FAMILIES = [targets, units, metadata, references, budget, annual, register, rollup, text]
"""Each family's package owns its list of rules; this is the order of the documentation."""

RULES: dict[str, Rule] = {rule.code: rule for family in _FAMILIES for rule in map(rule_from_module, family.MODULES)}
"""Every rule by code, in documentation order."""

FAMILIES: dict[str, str] = {family.CODE: family.NAME for family in _FAMILIES}
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
