"""The progress page: how many indicators achieved their targets, did not, or have no data, by year and policy.

The counts are :func:`eduplan.analysis.status.year_status`'s, on the edition each year's report
belongs to: the same numbers as each performance report's summary. An indicator with
sub-indicators counts once. A first table gives every reported year; then each year's table
gives every policy (a policy's row counts the levels under it too), as the report does.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.analysis.status import Counts, Status
from eduplan.render.outcome import STATUS_ORDER, PolicyCountRow, StatusMark, by_status, count_row, status_marks
from eduplan.render.style import Style
from eduplan.site import paths
from eduplan.site.chrome import Link, Place
from eduplan.site.scope import Scope

__all__ = ["StatusPage", "StatusRow", "StatusYear", "build_status"]


@dataclass(frozen=True, slots=True)
class StatusRow:
    """One row of counts (a year, a policy, or the total) as the report counts it, and where its heading leads."""

    link: Link | None
    """The year's report or the policy's page, or None."""
    row: PolicyCountRow


@dataclass(frozen=True, slots=True)
class StatusYear:
    """One reported year: its counts per policy and in total."""

    anchor: str
    heading: str
    rows: tuple[StatusRow, ...]
    overall: StatusRow


@dataclass(frozen=True, slots=True)
class StatusPage:
    """The progress page.

    Attributes:
        marks: The statuses counted, in order (the columns of every table).
        year_header: The header of the first column of the overview (ปีงบประมาณ or ปีการศึกษา).
        overview: One row per reported year.
        years: Each reported year's counts per policy, newest first.
        none: A notice when no report has been published, else None.
    """

    marks: tuple[StatusMark, ...]
    year_header: str
    overview: tuple[StatusRow, ...]
    years: tuple[StatusYear, ...]
    none: str | None


def _row(
    link: Link | None, depth: int, heading: str, title: str, counts: Counts, order: tuple[Status, ...], style: Style
) -> StatusRow:
    return StatusRow(link, count_row(None, depth, heading, title, counts, order, style))


_ALWAYS = (Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NO_DATA)
"""The statuses every table counts; the others only when some indicator has them."""


def build_status(scope: Scope, place: Place) -> StatusPage:
    """The family's progress page, its links made from ``place``."""
    history = scope.history
    style = scope.style()
    labels = style.labels
    reported = [(d, history.year_status(d.year)) for d in history.reports]
    seen = {status for _d, s in reported if s is not None for status, n in by_status(s.counts).items() if n}
    order = tuple(s for s in STATUS_ORDER if s in _ALWAYS or s in seen)
    marks = status_marks(style)
    overview = []
    years = []
    for document, statuses in reported:
        assert statuses is not None
        year_style = scope.style(document.edition)
        word = labels["academic_year" if statuses.year_kind == "academic" else "fiscal_year"]
        shown = f"{word} {style.year(document.year)}"
        report = Link(place.to(paths.document(scope.key, document.edition.plan, "report", document.year)), shown)
        overview.append(_row(report, 0, style.year(document.year), "", statuses.counts, order, style))
        titles = {
            at.path: at.policy for _id, found in history.policies.items() for e, at in found if e is document.edition
        }
        rows = tuple(
            _row(
                Link(place.to(paths.policy(scope.key, titles[p.path].id)), titles[p.path].title),
                p.depth,
                year_style.labels.level_numbered(p.depth, year_style.digits_of(p.number)),
                titles[p.path].title,
                p.counts,
                order,
                style,
            )
            for p in statuses.every_policy
        )
        if statuses.standards:
            rows += (_row(None, 1, labels["standards"], "", statuses.standard_counts, order, style),)
        years.append(
            StatusYear(
                anchor=f"year-{document.year}",
                heading=labels.format("site_status_year", year=shown),
                rows=rows,
                overall=_row(None, 0, labels["total"], "", statuses.counts, order, style),
            )
        )
    return StatusPage(
        marks=tuple(marks[s] for s in order),
        year_header=labels["academic_year" if scope.family.latest.plan.period.year == "academic" else "fiscal_year"],
        overview=tuple(overview),
        years=tuple(reversed(years)),
        none=None if reported else labels["site_no_reports"],
    )
