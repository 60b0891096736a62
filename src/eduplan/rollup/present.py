"""A roll-up shown: lines for people (in the run's language), JSON and CSV for tools, and the trace of one figure.

Nothing here prints: ``eduplan rollup`` does. Numbers are shown rounded to the declaration's ``decimals`` (half
away from zero), with thousands separators; JSON and CSV carry the exact pooled numbers as well, as text, so that
a spreadsheet can check every figure.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from eduplan.i18n import _, ngettext
from eduplan.model.register import Unit
from eduplan.rollup.engine import DIMENSIONS, Rolled, RollupResult, per_of
from eduplan.rollup.figure import Figure, Part, rounded

__all__ = ["as_csv", "as_json", "human", "number", "shown_value", "trace"]


def number(value: Decimal, decimals: int) -> str:
    """A number for people: rounded, with thousands separators (4,512; 86.27)."""
    return f"{rounded(value, decimals):,}"


def shown_value(figure: Figure, decimals: int) -> str:
    """A figure's value for people; a list as its count; "no data" in the run's language."""
    value = figure.value
    if value is None:
        return _("no data")
    if isinstance(value, Decimal):
        return number(value, decimals)
    if isinstance(value, tuple):
        return ngettext("{count} answer", "{count} answers", len(value)).format(count=len(value))
    return value


def _coverage(figure: Figure) -> str:
    expected = len(figure.expected)
    if not expected:
        return _("no unit expected")
    coverage = figure.coverage or Decimal(0)
    text = _("{reported}/{expected} units count ({coverage}%)").format(
        reported=figure.reported, expected=expected, coverage=number(coverage, 1)
    )
    extra = []
    if figure.no_data:
        extra.append(_("no data: {count}").format(count=len(figure.no_data)))
    if figure.left_out:
        extra.append(_("left out: {count}").format(count=len(figure.left_out)))
    if figure.missing:
        extra.append(_("no answer: {count}").format(count=len(figure.missing)))
    return text + ("; " + ", ".join(extra) if extra else "")


def _made_of(rolled: Rolled) -> str:
    """How the value is made: ``= 4,512 / 5,230 × 100`` for a ratio, ``= 180 of 212 units`` for a share."""
    figure, method = rolled.total, rolled.rollup.method
    if figure.value is None or figure.numerator is None:
        return ""
    top = number(figure.numerator, 2)
    if method == "ratio" and figure.denominator is not None:
        per = per_of(rolled.rollup, rolled.kind)
        return f"= {top} / {number(figure.denominator, 2)}" + (f" × {number(per, 0)}" if per != 1 else "")
    if method == "share" and figure.denominator is not None:
        return _("= {met} of {reporting} units").format(met=top, reporting=number(figure.denominator, 0))
    if method == "mean" and figure.denominator is not None:
        return f"= {top} / {number(figure.denominator, 2)}"
    return ""


def human(result: RollupResult) -> list[str]:
    """The roll-up in lines: each indicator's figure, how it is made, its coverage, and its breakdown."""
    lines: list[str] = []
    for rolled in result.figures:
        decimals = rolled.rollup.decimals
        head = f"`{rolled.indicator.id}`  {rolled.indicator.name}  (`{rolled.rollup.method}`)"
        lines.append(head)
        value = shown_value(rolled.total, decimals)
        lines.append(f"  {value}  {_made_of(rolled)}".rstrip())
        lines.append("  " + _coverage(rolled.total))
        for dimension in DIMENSIONS:
            groups = rolled.breakdown.get(dimension, ())
            if len(groups) < 2:
                continue
            parts = [
                f"{_group(dimension, group)} {shown_value(f, decimals)} ({f.reported}/{len(f.expected)})"
                for group, f in groups
            ]
            lines.append("  " + _dimension(dimension) + ": " + "; ".join(parts))
        if isinstance(rolled.total.value, tuple):
            lines += [f"    {code}: {said}" for code, said in rolled.total.value]
        lines.append("")
    return lines


def _dimension(dimension: str) -> str:
    if dimension == "district":
        return _("by district")
    if dimension == "province":
        return _("by province")
    return _("by size")


def _group(dimension: str, group: str | None) -> str:
    if group is None:
        return _("(not given)")
    if dimension == "size":
        return {
            "small": _("small"),
            "medium": _("medium"),
            "large": _("large"),
            "extra-large": _("extra-large"),
        }.get(group, group)
    return group


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _figure_data(figure: Figure, decimals: int) -> dict[str, Any]:
    value = figure.value
    return {
        "value": str(rounded(value, decimals))
        if isinstance(value, Decimal)
        else [list(v) for v in value]
        if isinstance(value, tuple)
        else value,
        "exact": _decimal(value) if isinstance(value, Decimal) else None,
        "numerator": _decimal(figure.numerator),
        "denominator": _decimal(figure.denominator),
        "expected": len(figure.expected),
        "reported": figure.reported,
        "sent": figure.sent,
        "coverage": str(rounded(figure.coverage, 2)) if figure.coverage is not None else None,
        "no_data": [u.code for u in figure.no_data],
        "left_out": [u.code for u in figure.left_out],
        "missing": [u.code for u in figure.missing],
    }


def as_json(result: RollupResult) -> dict[str, Any]:
    """The roll-up as plain data: every figure (numbers as exact decimal text), its breakdown, and the findings."""
    return {
        "year": result.year,
        "year_kind": result.year_kind,
        "figures": [
            {
                "indicator": rolled.indicator.id,
                "method": rolled.rollup.method,
                "day": f"{rolled.day.year:04d}-{rolled.day.month:02d}-{rolled.day.day:02d}",
                **_figure_data(rolled.total, rolled.rollup.decimals),
                "breakdown": {
                    dimension: [
                        {"group": group, **_figure_data(figure, rolled.rollup.decimals)} for group, figure in groups
                    ]
                    for dimension, groups in rolled.breakdown.items()
                },
                "units": [_part_data(part) for part in rolled.total.parts],
            }
            for rolled in result.figures
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "where": str(f.span) if f.span else None,
            }
            for f in result.findings
        ],
    }


def _part_data(part: Part) -> dict[str, Any]:
    return {
        "unit": part.unit.code,
        "values": {k: str(v) if isinstance(v, Decimal) else v for k, v in part.values.items()},
        "where": dict(part.where),
        **({"weight": str(part.weight)} if part.weight is not None else {}),
        **({"meets": part.meets} if part.meets is not None else {}),
    }


CSV_COLUMNS = (
    "indicator",
    "method",
    "dimension",
    "group",
    "value",
    "numerator",
    "denominator",
    "expected",
    "reported",
    "coverage",
)


def as_csv(result: RollupResult) -> str:
    """One row per figure: the whole (dimension ``total``), then each district, province and size class."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rolled in result.figures:
        rows: list[tuple[str, str | None, Figure]] = [("total", None, rolled.total)]
        rows += [(dimension, group, f) for dimension, groups in rolled.breakdown.items() for group, f in groups]
        for dimension, group, figure in rows:
            data = _figure_data(figure, rolled.rollup.decimals)
            value = data["value"] if not isinstance(data["value"], list) else len(data["value"])
            writer.writerow(
                [
                    rolled.indicator.id,
                    rolled.rollup.method,
                    dimension,
                    group or "",
                    "" if value is None else value,
                    data["numerator"] or "",
                    data["denominator"] or "",
                    data["expected"],
                    data["reported"],
                    data["coverage"] or "",
                ]
            )
    return out.getvalue()


def trace(rolled: Rolled, by: str | None = None) -> list[str]:
    """The units behind a figure: each expected unit, counted or not, with its answers and where they were read."""
    figure = rolled.total
    parts = {p.unit.code: p for p in figure.parts}
    no_data = {u.code for u in figure.no_data}
    left_out = {u.code for u in figure.left_out}
    lines = [f"`{rolled.indicator.id}`  {rolled.indicator.name}", "  " + _coverage(figure), ""]
    groups: list[tuple[str | None, list[Unit]]] = [(None, list(figure.expected))]
    if by is not None:
        groups = [(group, list(f.expected)) for group, f in rolled.breakdown[by]]
    for group, units in groups:
        if by is not None:
            sub = dict(rolled.breakdown[by])[group]
            lines.append(f"{_group(by, group)}: {shown_value(sub, rolled.rollup.decimals)}  ({_coverage(sub)})")
        for unit in units:
            lines.append("  " + _unit_line(unit, parts.get(unit.code), unit.code in no_data, unit.code in left_out))
    return lines


def _unit_line(unit: Unit, part: Part | None, no_data: bool, left_out: bool) -> str:
    head = f"{unit.code}  {unit.name}"
    if part is not None:
        said = ", ".join(f"`{key}` {_said(value)}" for key, value in part.values.items())
        if part.weight is not None:
            said += ", " + _("weight {weight}").format(weight=number(part.weight, 2))
        if part.meets is not None:
            said += ", " + (_("meets the condition") if part.meets else _("does not meet the condition"))
        where = ", ".join(dict.fromkeys(part.where.values()))
        return f"{head}: {said}  [{where}]"
    if no_data:
        return f"{head}: " + _("no data")
    if left_out:
        return f"{head}: " + _("left out (see the finding)")
    return f"{head}: " + _("no answer (not sent, or left out by a finding of the returns)")


def _said(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)
