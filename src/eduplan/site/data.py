"""The open data of a site: the indicator table as CSV and XLSX, and a Frictionless Data Package describing it.

One row per indicator (sub-indicators and standards too) and year: the target of the edition in
force that year (:meth:`~eduplan.site.sources.Family.in_force`), the result of the year's published
report, and the status eduplan computes, as the pages show them. Values are written as the plan
writes them (``70..80`` for a range, a change in its words), with the number beside them when there is
one, so a spreadsheet can chart them. ``datapackage.json`` (https://specs.frictionlessdata.io/) gives
the CSV's Table Schema: each column's type, the allowed words, and the key (plan, indicator, year),
so that others can read the table without eduplan.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from eduplan.analysis.status import Status
from eduplan.model import Range
from eduplan.model.common import Change, Target
from eduplan.sheet.book import HEAD_FILL, cell_value, fixed_times
from eduplan.sheet.layout import format_value
from eduplan.site.history import History

__all__ = ["FIELDS", "Field", "csv_bytes", "datapackage", "rows", "xlsx_bytes"]


@dataclass(frozen=True, slots=True)
class Field:
    """A column of the table, as its Table Schema field says it."""

    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()
    required: bool = False


FIELDS = (
    Field("plan", "string", "The plan: the id of its first edition (the site's folder of its pages).", required=True),
    Field("edition", "string", "The id of the edition the target comes from (the edition in force that year)."),
    Field("policy", "string", "The id of the policy whose table holds the indicator (empty for a standard)."),
    Field("indicator", "string", "The indicator's id (its page: <plan>/indicators/<id>.html).", required=True),
    Field("parent", "string", "The id of the indicator it is a part of (a sub-indicator), or empty."),
    Field("number", "string", "The indicator's number as published."),
    Field("name", "string", "The indicator as published."),
    Field("unit", "string", "The unit (หน่วยนับ)."),
    Field("kind", "string", "The kind of value.", ("percent", "count", "score", "level", "qualitative")),
    Field("direction", "string", "Which way is better.", ("higher-is-better", "lower-is-better", "maintain")),
    Field("year", "integer", "The year (Buddhist Era).", required=True),
    Field("year_kind", "string", "A fiscal year (ปีงบประมาณ) or an academic year (ปีการศึกษา).", ("fiscal", "academic")),
    Field("target", "string", "The year's target as published (a range as 70..80, a change in its words)."),
    Field("target_value", "number", "The target as a number, when it is one."),
    Field("actual", "string", "The result the year's performance report gives, as written."),
    Field("actual_value", "number", "The result as a number, when it is one."),
    Field("status", "string", "The result against the target, as eduplan computes it.", tuple(s.value for s in Status)),
)
"""The columns of the indicator table, in order."""


def _number(value: Target | None) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if float(value).is_integer() else value


def _written(value: Target | None) -> str:
    if value is None:
        return ""
    shown = format_value(value)
    return shown if isinstance(shown, str) else _plain(shown)


def _plain(number: float | int) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def rows(histories: list[History]) -> list[dict[str, Any]]:
    """The table: one row per indicator and year that has a target, a result or a status."""
    out: list[dict[str, Any]] = []
    for history in histories:
        family = history.family
        for indicator_id, found in history.indicators.items():
            by_edition = {edition.plan.id: at for edition, at in found}
            latest = found[-1][1]
            for year in history.years:
                edition = family.in_force(year)
                at = by_edition.get(edition.plan.id)
                target = at.indicator.targets.get(year) if at is not None else None
                actual = history.actuals.get(indicator_id, {}).get(year)
                status = history.statuses.get(indicator_id, {}).get(year)
                if target is None and actual is None and status is None:
                    continue
                shown = at or latest
                indicator = shown.indicator
                kind = shown.kind
                out.append(
                    {
                        "plan": family.key,
                        "edition": edition.plan.id if at is not None else "",
                        "policy": shown.policy.id if shown.policy else "",
                        "indicator": indicator_id,
                        "parent": shown.parents[-1].id if shown.parents else "",
                        "number": indicator.number,
                        "name": indicator.name,
                        "unit": indicator.unit or "",
                        "kind": kind or "",
                        "direction": indicator.direction,
                        "year": year,
                        "year_kind": edition.plan.period.year,
                        "target": _written(target),
                        "target_value": None if isinstance(target, Range | Change) else _number(target),
                        "actual": _written(actual),
                        "actual_value": _number(actual),
                        "status": status.status.value if status is not None else "",
                    }
                )
    return out


def csv_bytes(table: list[dict[str, Any]]) -> bytes:
    """The table as CSV: UTF-8, a header of the field names, LF line ends, empty cells for no value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in FIELDS])
    for row in table:
        writer.writerow(["" if row[f.name] is None else _cell(row[f.name]) for f in FIELDS])
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    return _plain(value) if isinstance(value, float) else str(value)


def xlsx_bytes(table: list[dict[str, Any]], when: dt.datetime) -> bytes:
    """The same table as an Excel workbook: one sheet, numbers as numbers; the same table gives the same bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "indicators"
    sheet.append([f.name for f in FIELDS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
    for r, row in enumerate(table, 2):
        values = [None if row[f.name] in ("", None) else row[f.name] for f in FIELDS]
        sheet.append([cell_value(v, f"indicators!{get_column_letter(c)}{r}") for c, v in enumerate(values, 1)])
    sheet.freeze_panes = "A2"
    book.properties.creator = "eduplan"
    book.properties.created = when.replace(tzinfo=None)
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_times(buffer.getvalue(), when.replace(tzinfo=None))


def datapackage(title: str, sources: list[str]) -> bytes:
    """``datapackage.json``: the CSV as a tabular data resource with its Table Schema."""
    fields = []
    for f in FIELDS:
        field: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
        constraints: dict[str, Any] = {}
        if f.required:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = list(f.enum)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    package = {
        "profile": "tabular-data-package",
        "name": "eduplan-indicators",
        "title": title,
        "description": "Targets, results and status of every indicator of the plans, year by year "
        "(indicators.xlsx holds the same table for spreadsheets). Made with eduplan.",
        "sources": [{"title": source} for source in sources],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "indicators",
                "path": "indicators.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": fields,
                    "missingValues": [""],
                    "primaryKey": ["plan", "indicator", "year"],
                },
            }
        ],
    }
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
