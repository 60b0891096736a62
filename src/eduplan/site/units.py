"""The pages of the schools and offices of a plan's roll-up register (issue 20), when it has one.

A plan that keeps a register (``register.yaml``: :class:`eduplan.model.register.Register`) gets a page
per unit (its code, kind, place, size, levels, students, the office above it and the units under it)
and a list of them (``units/index.html``, with the indicators whose figures are collected from them).
A plan without a register gets none. The figures each unit reported are the roll-up engine's
(:mod:`eduplan.rollup`); the pages show the register until the engine gives them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from eduplan.model.register import Register, Unit, shown_date
from eduplan.model.walk import all_indicators
from eduplan.site import paths
from eduplan.site.chrome import Link, Place
from eduplan.site.scope import Scope

__all__ = ["UnitPage", "UnitsPage", "build_unit", "build_units", "register_of", "unit_page", "unit_pages"]

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def unit_page(code: str) -> str:
    """A unit's page name: its code, or a digest of it when the code is not a safe file name (spaces, slashes)."""
    return code if _SAFE.match(code) else "u-" + hashlib.sha1(code.encode("utf-8")).hexdigest()[:12]


def register_of(scope: Scope) -> Register | None:
    """The register of the family's latest edition, or None when it has none (or an empty one)."""
    register = scope.family.latest.plan.unit_register
    return register if register is not None and register.units else None


@dataclass(frozen=True, slots=True)
class UnitPage:
    """One school or office of the register.

    Attributes:
        code: Its code.
        name: Its name.
        facts: Kind, place, size, levels, students, dates: (word, value) pairs, only those given.
        parent: The office above it, or None.
        own_plan: The unit's own plan on this site (a school that keeps its plan with eduplan), or None.
        children: The units under it.
        missed: The rolled-up figures of each year it did not report for (the report names it missing).
        as_of: The register's date, in words, or None.
    """

    code: str
    name: str
    facts: tuple[tuple[str, str], ...]
    parent: Link | None
    own_plan: Link | None
    children: tuple[Link, ...]
    missed: tuple[Link, ...]
    as_of: str | None


@dataclass(frozen=True, slots=True)
class UnitsPage:
    """The list of the register's units, with the indicators rolled up from them."""

    units: tuple[tuple[str, Link], ...]
    indicators: tuple[Link, ...]
    as_of: str | None


def _link(scope: Scope, place: Place, unit: Unit) -> Link:
    return Link(place.to(paths.unit(scope.key, unit_page(unit.code))), f"{unit.name} ({unit.code})")


def build_unit(scope: Scope, place: Place, code: str) -> UnitPage:
    """The page of the unit ``code``."""
    register = register_of(scope)
    assert register is not None
    units = register.by_code()
    unit = units[code]
    labels = scope.style().labels
    style = scope.style()
    pairs = (
        (labels["site_unit_kind"], labels[f"site_unit_{unit.kind}"]),
        (labels["site_district"], unit.district),
        (labels["site_province"], unit.province),
        (labels["site_size"], labels[f"site_size_{unit.size.replace('-', '_')}"] if unit.size else None),
        (labels["site_levels"], ", ".join(labels[f"site_level_{x.replace('-', '_')}"] for x in unit.levels) or None),
        (labels["site_students"], style.number(unit.students) if unit.students is not None else None),
        (labels["site_opened"], shown_date(unit.opened) if unit.opened else None),
        (labels["site_closed"], shown_date(unit.closed) if unit.closed else None),
        (labels["note"], unit.note),
    )
    parent = units.get(unit.parent) if unit.parent else None
    return UnitPage(
        code=unit.code,
        name=unit.name,
        facts=tuple((word, value) for word, value in pairs if value),
        parent=_link(scope, place, parent) if parent else None,
        own_plan=_own_plan(scope, place, unit),
        children=tuple(_link(scope, place, u) for u in register.units if u.parent == unit.code),
        missed=tuple(
            Link(place.to(paths.indicator(scope.key, ident)), f"{style.year(year)} · {_name(scope, ident)}")
            for ident, years in scope.history.rolled_up.items()
            for year, rolled in sorted(years.items())
            if unit.code in rolled.missing and ident in scope.history.indicators
        ),
        as_of=shown_date(register.as_of) if register.as_of else None,
    )


def _name(scope: Scope, indicator_id: str) -> str:
    at = scope.history.latest(indicator_id)[1]
    return f"{at.indicator.number} {at.indicator.name}"


def _own_plan(scope: Scope, place: Place, unit: Unit) -> Link | None:
    """The unit's own plan (the register's ``plan:``, from the plan's folder) when the site publishes it."""
    if not unit.plan:
        return None
    root = scope.family.latest.root
    folder = root if root.is_dir() else root.parent
    key = scope.homes.get((folder / unit.plan).resolve())
    return Link(place.to("index.html", key), scope.style().labels["site_own_plan"]) if key else None


def build_units(scope: Scope, place: Place) -> UnitsPage:
    """The list of units (by district) and the indicators whose figures are collected from them."""
    register = register_of(scope)
    assert register is not None
    empty = scope.style().labels["empty"]
    ordered = sorted(register.units, key=lambda u: (u.district or "", u.name))
    plan = scope.family.latest.plan
    rolled = [at for at in all_indicators(plan) if at.indicator.rollup is not None]
    return UnitsPage(
        units=tuple((u.district or empty, _link(scope, place, u)) for u in ordered),
        indicators=tuple(
            Link(place.to(paths.indicator(scope.key, at.indicator.id)), f"{at.indicator.number} {at.indicator.name}")
            for at in rolled
        ),
        as_of=shown_date(register.as_of) if register.as_of else None,
    )


def unit_pages(scope: Scope, maker: Callable[[str, str | None], Any]) -> Iterator[tuple[str, Any]]:
    """The unit pages of a family (none without a register): (page, maker) pairs, as the build takes them."""
    register = register_of(scope)
    if register is None:
        return
    for code in register.by_code():
        yield paths.unit(scope.key, unit_page(code)), maker("unit", code)
    yield paths.units(scope.key), maker("units", None)
