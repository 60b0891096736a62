"""A value with its unit, in the order its language writes them: ร้อยละ 90, ระดับมาก, 600 คน, 120,000 บาท.

Plans give a target and its unit apart (``target: 90``, ``unit: ร้อยละ``); a document that prints
them together must not glue them in the order of the data. Thai puts ร้อยละ and ระดับ before the
value (ร้อยละ 90, ระดับมาก) and a counting word after it (600 คน); English writes 90% and
"level: มาก". The order is in the labels (``with_percent``, ``with_level``, ``with_baht``,
``with_unit``), so that an office's own words (``labels:`` in the plan) can change it too.
"""

from __future__ import annotations

from typing import Literal

from eduplan.words.labels import Labels

__all__ = ["UnitKind", "unit_kind", "with_unit"]

UnitKind = Literal["percent", "level", "baht", "count"]
"""How a unit is written with its value: as a share, a level, money or a count of things (any other unit)."""

_KINDS: dict[str, UnitKind] = {
    "ร้อยละ": "percent",
    "เปอร์เซ็นต์": "percent",
    "%": "percent",
    "percent": "percent",
    "ระดับ": "level",
    "level": "level",
    "บาท": "baht",
    "baht": "baht",
}
_LABELS: dict[UnitKind, str] = {
    "percent": "with_percent",
    "level": "with_level",
    "baht": "with_baht",
    "count": "with_unit",
}
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")


def unit_kind(unit: str) -> UnitKind:
    """The kind of a unit as written in a plan: ``ร้อยละ`` is a percent, ``ระดับ`` a level, ``บาท`` baht."""
    return _KINDS.get(unit.strip().lower(), "count")


def with_unit(value: str, unit: str | None, labels: Labels) -> str:
    """``value`` (already formatted: digits, a range, a level's words) with ``unit``, in the labels' order.

    The value is returned as it is when there is no unit, when it already says its unit
    (ร้อยละ 80, 80%, ระดับมาก, 600 คน), or when it is words and the unit counts something (ทุกโรงเรียน).
    """
    if not unit or not unit.strip():
        return value
    unit = unit.strip()
    kind = unit_kind(unit)
    if value.startswith(unit) or value.endswith(unit) or (kind == "percent" and value.endswith("%")):
        return value
    if kind != "level" and not _DIGITS.intersection(value):
        return value
    return labels.format(_LABELS[kind], value=value, unit=unit)
