"""The pieces of the workbook layout: columns, tables of rows, sheet names and how values are written.

The tables themselves are built in :mod:`eduplan.sheet.measures` (indicators and actuals) and
:mod:`eduplan.sheet.projects` (projects and their results); :mod:`eduplan.sheet.tables` lists them.
This module does not import openpyxl.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eduplan.i18n import _, language
from eduplan.model import Change, Plan, Range
from eduplan.words.labels import LabelError, Labels

__all__ = [
    "ID_KEYS",
    "INDICATORS",
    "KINDS",
    "Column",
    "Table",
    "actuals_sheet",
    "format_value",
    "header",
    "labels_of",
    "projects_sheet",
    "results_sheet",
    "row_key",
    "table",
    "translated",
    "year_word",
]

INDICATORS = "indicators"
"""Name of the indicator-table sheet."""

KINDS = ("indicators", "projects", "results", "actuals")
"""The kinds of sheet of the layout."""

ID_KEYS = {"indicators": "id", "projects": "id", "results": "project", "actuals": "indicator"}
"""The column that names a row's item, by kind of sheet."""


def actuals_sheet(year: int) -> str:
    """Name of the sheet holding the actuals of a fiscal or academic year."""
    return f"actuals-{year}"


def projects_sheet(year: int) -> str:
    """Name of the sheet holding the projects of a year's action plan."""
    return f"projects-{year}"


def results_sheet(year: int) -> str:
    """Name of the sheet holding the project results of a year."""
    return f"results-{year}"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the layout: its key (what the import reads), label, whether it is imported.

    The label is the English words, marked for translation (:func:`translated` gives the columns
    in the run's language, as the export writes them).

    A ``derived`` column shows what another sheet imports or what is computed (an actual's unit,
    target and status): it goes stale as soon as that changes, so the import accepts what it
    showed, what the plan says and what the workbook says (:mod:`eduplan.sheet.shown`). Every other
    column that is not imported is context: it must still show what the plan says. An ``optional``
    column is written only for plans that need it (the policy level of a plan of several levels,
    the parent of a sub-indicator, the score of a school's self-assessment).
    """

    key: str
    label: str
    imported: bool = False
    width: int = 14
    derived: bool = False
    optional: bool = False


def header(column: Column) -> str:
    """The header cell of a column: its label, then the key in parentheses (``ตัวชี้วัด (name)``)."""
    return f"{column.label} ({column.key})"


def translated(columns: Iterable[Column]) -> tuple[Column, ...]:
    """The columns with their labels in the run's language (the workbook's)."""
    return tuple(dataclasses.replace(c, label=_(c.label)) for c in columns)


@dataclass(frozen=True, slots=True)
class Table:
    """What the export writes on one sheet: its layout name, kind, year, columns and rows of values.

    ``styles`` gives, per row, how the export shows it beyond its values: ``indent`` (a
    sub-indicator's depth) and ``levels`` (the scale a level cell's drop-down offers).
    """

    name: str
    kind: str
    year: int | None
    columns: tuple[Column, ...]
    rows: list[list[Any]]
    styles: tuple[Mapping[str, Any], ...] = ()

    def by_id(self) -> dict[str, dict[str, Any]]:
        """Each row as values by column key, by its key (:func:`row_key`; the first row of a key)."""
        out: dict[str, dict[str, Any]] = {}
        for row in self.rows:
            values = {c.key: v for c, v in zip(self.columns, row, strict=True)}
            out.setdefault(row_key(self.kind, values), values)
        return out


def row_key(kind: str, values: Mapping[str, Any]) -> str:
    """The key that names a row: its item's id, and for a project's further rows its output (``pr-3 (2)``)."""
    key = values.get(ID_KEYS[kind])
    text = "" if key is None else str(key).strip()
    output = values.get("output")
    if kind == "projects" and output not in (None, "", 1, "1"):
        number = int(output) if isinstance(output, float) and output.is_integer() else output
        return f"{text} ({number})"
    return text


def table(
    name: str,
    kind: str,
    year: int | None,
    columns: Iterable[Column],
    rows: list[dict[str, Any]],
    *,
    keep: Iterable[str] = (),
    styles: list[dict[str, Any]] | None = None,
) -> Table:
    """A table from rows of values by key: optional columns only when ``keep`` names them."""
    kept = set(keep)
    chosen = tuple(c for c in columns if not c.optional or c.key in kept)
    values = [[row.get(c.key) for c in chosen] for row in rows]
    return Table(name, kind, year, chosen, values, tuple(styles or ()))


def format_value(value: Any) -> Any:
    """A target or actual as a cell value: numbers stay numbers, ranges become ``70..80``, changes their words."""
    if isinstance(value, Range):
        low = "" if value.min is None else _num(value.min)
        high = "" if value.max is None else _num(value.max)
        return f"{low}..{high}"
    if isinstance(value, Change):
        return value.shown()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def labels_of(plan: Plan) -> Labels:
    """The plan's words in the run's language (its labels and level names); the defaults when they cannot be used."""
    try:
        return Labels(language(), plan.labels, plan.hierarchy)
    except LabelError:  # the checker reports it (MD07); the workbook still gets its words
        return Labels(language())


def year_word(plan: Plan) -> str:
    """How the plan's years are called: ปีงบประมาณ (fiscal) or ปีการศึกษา (academic), from its labels."""
    return labels_of(plan)["academic_year" if plan.period.year == "academic" else "fiscal_year"]
