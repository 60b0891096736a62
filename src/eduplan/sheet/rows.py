"""What an import produces (changes, new reports, problems), and the rows of a sheet as changes.

:func:`list_changes` turns the good rows of an ``actuals-<year>`` or ``results-<year>`` sheet into
edits of one list of a report: items edited in place, appended, removed, or a new report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from openpyxl.utils import get_column_letter

from eduplan.edit.yamledit import DELETE
from eduplan.i18n import _, ngettext
from eduplan.sheet.cells import Bad, money, or_delete, same, text
from eduplan.sheet.layout import Table
from eduplan.sheet.read import Cell, Problem

__all__ = [
    "Change",
    "ImportPlan",
    "Index",
    "Problem",
    "Row",
    "context_errors",
    "letter",
    "list_changes",
    "read_row",
    "shown_rows",
]


@dataclass(frozen=True, slots=True)
class Change:
    """One value of the plan data to set (or remove, when ``new`` is :data:`~eduplan.yamledit.DELETE`).

    Attributes:
        path: Where in the plan data, such as ("policies", 0, "indicators", 2, "targets", 2567).
        new: The new value as plain YAML data, or DELETE.
        old: The value before, or ``None`` when there was none.
        what: What changes, in words: "p1-i1 target 2567".
        ref: The cell it comes from.
        formula: The formula of that cell, when the value is its saved result.
    """

    path: tuple[str | int, ...]
    new: Any
    old: Any
    what: str
    ref: str
    formula: str | None = None


@dataclass(slots=True)
class ImportPlan:
    """Everything an import would do.

    Attributes:
        changes: Values to set or remove in existing files, in sheet order.
        new_reports: Reports to create, by year (plain data: ``year_key``, then actuals
            and/or projects), for years the plan has no report of.
        problems: Bad cells (errors).
        read: The sheets read, in workbook order, as the summary names them: ``actuals-2567``,
            ``actuals-2567 (the sheet ผลปี2567, by eduplan's mark)``, ``projects-2567 (for reading only)``.
        not_read: Why each sheet that was not read was not, by sheet name: ``empty`` ...
        untouched: For each sheet that lacks rows the export wrote, the ids of those rows (their items
            are left as they are: deleting a row is no removal; clearing its cells is).
        year_key: How a new report names its year: ``fiscal_year``, or ``academic_year`` for a plan
            that counts academic years (a school's SAR).
    """

    changes: list[Change] = field(default_factory=list)
    new_reports: dict[int, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    read: list[str] = field(default_factory=list)
    not_read: dict[str, str] = field(default_factory=dict)
    untouched: dict[str, list[str]] = field(default_factory=dict)
    year_key: str = "fiscal_year"

    def summary(self) -> list[str]:
        """The lines that say which sheets were read and which were not (and why)."""
        count = len(self.read)
        lines = [
            ngettext("read {count} sheet: {sheets}", "read {count} sheets: {sheets}", count).format(
                count=count, sheets=", ".join(self.read)
            )
        ]
        lines += [_("not read: {sheet} ({why})").format(sheet=name, why=why) for name, why in self.not_read.items()]
        for name, ids in self.untouched.items():
            lines.append(
                ngettext(
                    "{sheet}: {count} row not in the sheet, left as it is: {ids}",
                    "{sheet}: {count} rows not in the sheet, left as they are: {ids}",
                    len(ids),
                ).format(sheet=name, count=len(ids), ids=", ".join(ids))
            )
        return lines if self.read else lines[1:]

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the import."""
        return [p for p in self.problems if p.error]

    def new_report(self, year: int, key: str, items: list[dict[str, Any]]) -> None:
        """Put items (actuals or project results) into the new report of ``year``, keys in model order."""
        report = {**self.new_reports.get(year, {self.year_key: year}), key: items}
        self.new_reports[year] = {k: report[k] for k in (self.year_key, "actuals", "projects") if k in report}


T = TypeVar("T")


@dataclass(slots=True)
class Index(Generic[T]):
    """The items a sheet's rows name by id (indicators of the plan, projects of an action plan).

    Attributes:
        noun: What the ids name: ``indicator`` or ``project``.
        where: Where they live, for messages: "the plan" (in the run's language).
        items: The item by id (the first, when the id is taken twice).
        twice: Ids held twice, which no row can name safely.
    """

    noun: str
    where: str
    items: dict[str, T] = field(default_factory=dict)
    twice: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, noun: str, where: str, pairs: Iterable[tuple[str, T]]) -> Index[T]:
        """Index ``(id, item)`` pairs."""
        index = cls(noun, where)
        for key, item in pairs:
            if key in index.items:
                index.twice.add(key)
            index.items.setdefault(key, item)
        return index

    def find(self, cell: Cell, seen: dict[str, str], result: ImportPlan) -> T | None:
        """The item a row is about, or ``None`` (with a problem) when the id cell is bad."""
        key = text(cell.value) if cell.value is not None else None
        problem = None
        indicator = self.noun == "indicator"
        if not key:
            problem = _("no indicator id in this row") if indicator else _("no project id in this row")
        elif key not in self.items:
            problem = (_("no indicator {id!r} in {where}") if indicator else _("no project {id!r} in {where}")).format(
                id=key, where=self.where
            )
        elif key in self.twice:
            problem = (
                _("{where} has two indicators with the id {id!r}; fix the YAML first")
                if indicator
                else _("{where} has two projects with the id {id!r}; fix the YAML first")
            ).format(id=key, where=self.where)
        elif key in seen:
            problem = _("{id} appears twice (also at {cell})").format(id=key, cell=seen[key])
        if problem or key is None:
            result.problems.append(Problem(cell.ref, problem or _("no indicator id in this row")))
            return None
        seen[key] = cell.ref
        return self.items[key]


@dataclass(frozen=True, slots=True)
class Row:
    """One good row of an actuals or results sheet: the id it names and its imported cells as values."""

    id: str
    values: dict[str, Any]
    cells: dict[str, Cell]
    ref: str


def list_changes(result: ImportPlan, year: int, ri: int | None, key: str, old: Sequence[Any], rows: list[Row]) -> None:
    """The changes one sheet makes to one list of a report (``actuals`` or ``projects``).

    Rows whose id the list holds edit that item in place (every cell cleared removes it, and
    clearing every item removes the list); other rows with a value are appended; a year with no
    report (``ri`` is ``None``) gets a new report.
    """
    id_key = "indicator" if key == "actuals" else "project"
    first: dict[str, int] = {}
    for i, item in enumerate(old):
        first.setdefault(getattr(item, id_key), i)
    appended: list[tuple[dict[str, Any], str]] = []
    changes: list[Change] = []
    for row in rows:
        given = {k: v for k, v in row.values.items() if v is not None}
        if ri is None or row.id not in first:
            if given:
                appended.append(({id_key: row.id, **given}, row.ref))
            continue
        i = first[row.id]
        changes += _item_changes(old[i], ("reports", ri, key, i), _item(key, row.id, year), row)
    if ri is None:
        if appended:
            result.new_report(year, key, [item for item, _ in appended])
        return
    cleared = [c for c in changes if len(c.path) == 4 and c.new is DELETE]
    if cleared and len(cleared) == len(old) and not appended:
        every = _("every actual of {year}") if key == "actuals" else _("every project result of {year}")
        changes = [Change(("reports", ri, key), DELETE, None, every.format(year=year), cleared[0].ref)]
    for k, (item, ref) in enumerate(appended):
        what = _("{what} (new)").format(what=_item(key, item[id_key], year))
        changes.append(Change(("reports", ri, key, len(old) + k), item, None, what, ref))
    result.changes += changes


def _item(key: str, ident: str, year: int) -> str:
    """What an item of a report is, in words: ``p1-i1 actual 2567``, ``pr-3 result 2567``."""
    if key == "actuals":
        return _("{id} actual {year}").format(id=ident, year=year)
    return _("{id} result {year}").format(id=ident, year=year)


def _item_changes(old: Any, base: tuple[str | int, ...], what: str, row: Row) -> list[Change]:
    """Changes to one existing item; clearing every cell of an item that held something removes it."""
    before = old.model_dump(mode="json", exclude_none=True)
    kept = [k for k in before if k not in row.values and before[k] != []]
    had = any(_held(getattr(old, k)) is not None for k in row.values)
    if had and len(kept) == 1 and all(v is None for v in row.values.values()):  # only the id would be left
        return [Change(base, DELETE, before, _("{what} (every cell cleared)").format(what=what), row.ref)]
    out = []
    for key, new in row.values.items():
        previous = _held(getattr(old, key))
        if not same(new, previous):
            cell = row.cells[key]
            named = _("{what} {key}").format(what=what, key=key)
            out.append(Change((*base, key), or_delete(new), previous, named, cell.ref, cell.formula))
    return out


def _held(value: Any) -> Any:
    """A value of an item as the sheet shows it: an empty list (a narrative part not given) is no value."""
    return None if value == [] else value


def read_row(
    row: dict[str, Cell], readers: Mapping[str, Callable[[Cell], Any]], result: ImportPlan
) -> dict[str, Any] | None:
    """The imported cells of one row as plain values, by ``readers``' keys in their order.

    ``None`` when a cell is bad; each bad cell is a problem in ``result``.
    """
    cells: dict[str, Any] = {}
    bad = False
    for key, read in readers.items():
        cell = row.get(key)
        if cell is None:
            continue
        try:
            cells[key] = read(cell)
        except Bad as exc:
            result.problems.append(Problem(cell.ref, str(exc)))
            bad = True
    return None if bad else cells


def shown_rows(tables: Sequence[Table]) -> Callable[[str], list[dict[str, Any]]]:
    """The rows of an item as each table shows it (the same sheet in each language, the run's first), by its key."""
    views = [table.by_id() for table in tables]
    return lambda key: [view[key] for view in views if key in view]


def context_errors(
    row: dict[str, Cell], shown: Sequence[Mapping[str, Any]], imported: set[str], where: str, result: ImportPlan
) -> None:
    """An error for each context cell (not imported) that no longer says what the plan says.

    ``shown`` is the row the export writes for the item, in each language (the run's first); a cell
    of a column that is not imported must still hold that value in one of them (a cleared context
    cell too: clearing it would change nothing).
    """
    if not shown:
        return
    for key, cell in row.items():
        if key in imported or key not in shown[0]:
            continue
        helds = [None if one.get(key) == "" else one.get(key) for one in shown if key in one]
        if any(_shows(cell, held) for held in helds):
            continue
        held = helds[0]
        if cell.value is None:
            message = _(
                "{column} was cleared, but it is not imported (the plan says {value!r}): "
                "put it back, or change it in {where}"
            ).format(column=key, value=held, where=where)
        elif held is None:
            message = _(
                "{column} is not imported (the plan says nothing): put it back, or change it in {where}"
            ).format(column=key, where=where)
        else:
            message = _(
                "{column} is not imported (the plan says {value!r}): put it back, or change it in {where}"
            ).format(column=key, value=held, where=where)
        result.problems.append(Problem(cell.ref, message))


def _shows(cell: Cell, held: Any) -> bool:
    """Whether a cell still shows a value the export wrote (numbers by amount, text by its words)."""
    if cell.odd:
        return False
    if cell.value is None or held is None:
        return cell.value is None and held is None
    if isinstance(held, int | float) and not isinstance(held, bool):
        try:
            return money(cell) == held
        except Bad:
            return False
    if hasattr(held, "isoformat") and hasattr(cell.value, "isoformat"):
        return bool(str(cell.value)[:10] == held.isoformat())
    return text(cell.value) == text(held)


def letter(column: int) -> str:
    """The letters of a 1-based column number: 1 -> A."""
    return get_column_letter(column)
