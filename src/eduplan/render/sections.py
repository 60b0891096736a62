"""The parts of a plan book around its strategy, as templates see them.

Context sections (ข้อมูลพื้นฐาน with its tables of counts, the SWOT), the plan's links to higher
plans (policies against alignment schemes), the multi-year budget frame, monitoring sections and a
school's identity. Numbers in tables are formatted in the document's digits; plan text is shown as
published.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eduplan.analysis.alignment import load_alignment
from eduplan.model import Plan
from eduplan.model.context import BudgetFrame, Section, Swot, Table
from eduplan.model.walk import all_policies
from eduplan.render.style import Style, levels_heading
from eduplan.words.money import total

__all__ = [
    "BudgetFrameView",
    "BudgetLineView",
    "CellView",
    "LinkRow",
    "LinksView",
    "SectionView",
    "SwotPart",
    "TableView",
    "build_budget_frame",
    "build_links",
    "build_sections",
    "identity_fields",
    "scheme_codes",
    "scheme_title",
]

SCHEME_LABELS: dict[str, str] = {
    "national-strategy-20y": "scheme_national_strategy_20y",
    "master-plan": "scheme_master_plan",
    "ndp13": "scheme_ndp13",
    "moe-policy": "scheme_moe_policy",
    "obec-policy": "scheme_obec_policy",
    "sdg": "scheme_sdg",
}
"""Known higher plans, from the highest level down (the column order), with their label keys."""


@dataclass(frozen=True, slots=True)
class CellView:
    """A table cell: its text (None when empty) and whether it is a number (right-aligned)."""

    text: str | None
    numeric: bool


@dataclass(frozen=True, slots=True)
class TableView:
    """A table of a section, with its caption, unit and source."""

    title: str | None
    columns: tuple[str, ...]
    numeric: tuple[bool, ...]
    """Per column: whether it holds numbers (right-aligned)."""
    rows: tuple[tuple[CellView, ...], ...]
    unit: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class SwotPart:
    """One quarter of a SWOT grid: its word (จุดแข็ง) and points, and a CSS class."""

    key: str
    word: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SectionView:
    """A section of the plan book (before or after the strategy), with its sub-sections."""

    anchor: str
    depth: int
    heading: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...]
    tables: tuple[TableView, ...]
    swot: tuple[SwotPart, ...]
    sections: tuple[SectionView, ...]


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A policy of the links table: one cell per scheme, each a list of ``code title`` lines."""

    depth: int
    heading: str
    title: str
    cells: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class LinksView:
    """The plan's links to higher plans: policies (rows, under ``heading``) against schemes (columns)."""

    heading: str
    schemes: tuple[str, ...]
    rows: tuple[LinkRow, ...]


@dataclass(frozen=True, slots=True)
class BudgetLineView:
    """One line of the budget frame: money per year and the line's total."""

    name: str
    source: str | None
    cells: tuple[str | None, ...]
    total: str


@dataclass(frozen=True, slots=True)
class BudgetFrameView:
    """The multi-year budget frame: lines against years, with totals per year and per line."""

    title: str
    years: tuple[str, ...]
    lines: tuple[BudgetLineView, ...]
    totals: tuple[str, ...]
    total: str
    note: str | None
    sources: bool


def _cell(value: float | str | None, style: Style) -> CellView:
    if value is None:
        return CellView(None, False)
    if isinstance(value, str):
        return CellView(value, False)
    return CellView(style.number(value), True)


def _table(table: Table, style: Style) -> TableView:
    rows = tuple(tuple(_cell(c, style) for c in row) for row in table.rows)
    numeric = tuple(
        any(row[n].numeric for row in rows) and all(row[n].numeric or row[n].text is None for row in rows)
        for n in range(len(table.columns))
    )
    return TableView(
        title=table.title,
        columns=tuple(table.columns),
        numeric=numeric,
        rows=rows,
        unit=table.unit,
        source=table.source,
    )


def _swot(swot: Swot | None, style: Style) -> tuple[SwotPart, ...]:
    if swot is None:
        return ()
    parts = (
        ("strengths", "swot_strengths", swot.strengths),
        ("weaknesses", "swot_weaknesses", swot.weaknesses),
        ("opportunities", "swot_opportunities", swot.opportunities),
        ("threats", "swot_threats", swot.threats),
    )
    return tuple(SwotPart(key, style.labels[label], tuple(items)) for key, label, items in parts)


def build_sections(sections: list[Section], style: Style, depth: int = 1) -> tuple[SectionView, ...]:
    """Sections and their sub-sections; the heading is the published number and title."""
    return tuple(
        SectionView(
            anchor=f"section-{s.id}",
            depth=depth,
            heading=f"{s.number} {s.title}" if s.number else s.title,
            paragraphs=tuple(s.paragraphs),
            items=tuple(s.items),
            tables=tuple(_table(t, style) for t in s.tables),
            swot=_swot(s.swot, style),
            sections=build_sections(s.sections, style, depth + 1),
        )
        for s in sections
    )


@cache
def _builtin() -> dict[str, tuple[str, dict[str, str]]]:
    schemes, _ = load_alignment()
    return {key: (s.title, s.codes) for key, s in schemes.items()}


def scheme_title(plan: Plan, key: str, style: Style) -> str:
    """A scheme's name: the plan's own, the label of a known scheme, the built-in list's title, or the key."""
    if key in plan.schemes:
        return plan.schemes[key].title
    if key in SCHEME_LABELS:
        return style.labels[SCHEME_LABELS[key]]
    return _builtin().get(key, (key, {}))[0]


def scheme_codes(plan: Plan, key: str) -> dict[str, str]:
    """A scheme's code titles: the plan's own, else the built-in list's."""
    if key in plan.schemes:
        return plan.schemes[key].codes
    return _builtin().get(key, ("", {}))[1]


def scheme_order(plan: Plan, used: set[str]) -> list[str]:
    """The columns of an alignment table: known schemes from the highest down, then the plan's, then the rest."""
    known = [s for s in SCHEME_LABELS if s in used]
    own = [s for s in plan.schemes if s in used and s not in SCHEME_LABELS]
    return known + own + sorted(used - set(known) - set(own))


def build_links(plan: Plan, style: Style) -> LinksView | None:
    """The policies' links to higher plans as one table, or None when no policy names one."""
    found = [at for at in all_policies(plan) if at.policy.alignment]
    used = {ref.scheme for at in found for ref in at.policy.alignment}
    if not used:
        return None
    schemes = scheme_order(plan, used)
    rows = []
    for at in found:
        cells: dict[str, list[str]] = {}
        for ref in at.policy.alignment:
            title = ref.note or scheme_codes(plan, ref.scheme).get(ref.code)
            cells.setdefault(ref.scheme, []).append(f"{ref.code} {title}" if title else ref.code)
        rows.append(
            LinkRow(
                depth=at.depth,
                heading=style.labels.level_numbered(at.depth, style.digits_of(at.policy.number)),
                title=at.policy.title,
                cells=tuple(tuple(cells.get(s, ())) for s in schemes),
            )
        )
    return LinksView(
        levels_heading(style.labels, (row.depth for row in rows)),
        tuple(scheme_title(plan, s, style) for s in schemes),
        tuple(rows),
    )


def build_budget_frame(frame: BudgetFrame | None, style: Style) -> BudgetFrameView | None:
    """The budget frame with totals per year and per line, or None when the plan has none (or no line)."""
    if frame is None or not frame.lines:
        return None
    years = sorted({y for line in frame.lines for y in line.years})

    def money(amounts: list[float]) -> str:
        return style.money(total(amounts)) if amounts else style.labels["empty"]

    lines = tuple(
        BudgetLineView(
            name=line.name,
            source=line.source,
            cells=tuple(style.money(line.years[y]) if y in line.years else None for y in years),
            total=money(list(line.years.values())),
        )
        for line in frame.lines
    )
    return BudgetFrameView(
        title=frame.title or style.labels["budget_frame"],
        years=tuple(style.year(y) for y in years),
        lines=lines,
        totals=tuple(money([line.years[y] for line in frame.lines if y in line.years]) for y in years),
        total=money([a for line in frame.lines for a in line.years.values()]),
        note=frame.note,
        sources=any(line.source for line in frame.lines),
    )


def identity_fields(plan: Plan, style: Style) -> tuple[tuple[str, str], ...]:
    """A school's (or office's) philosophy, identity, distinction and motto, each with its word, as given."""
    office = plan.office
    pairs = (
        ("philosophy", office.philosophy),
        ("identity", office.identity),
        ("distinction", office.distinction),
        ("motto", office.motto),
    )
    return tuple((style.labels[key], value) for key, value in pairs if value)
