"""What the register rules share: the units with their data paths, and the codes a parent may name."""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path
from eduplan.model import Plan
from eduplan.model.register import Unit

__all__ = ["own_codes", "units"]


def units(plan: Plan) -> Iterator[tuple[Path, Unit]]:
    """Every unit of the plan's register with its data path (``("register", "units", 3)``)."""
    register = plan.unit_register
    if register is not None:
        for n, unit in enumerate(register.units):
            yield ("register", "units", n), unit


def own_codes(plan: Plan) -> set[str]:
    """What names the plan's own office as a parent: its code and the plan's id."""
    return {code for code in (plan.office.code, plan.id) if code}
