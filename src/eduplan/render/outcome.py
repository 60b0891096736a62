"""An indicator's status in words: the status word, its mark, and why (for performance reports).

:mod:`eduplan.status` decides the status and keeps what it compared (target, actual, margin,
direction); this module says it in the document's language and digits, through the labels, so
an office's own words (``labels:`` in the plan) reach the report too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from eduplan.analysis.status import Counts, IndicatorStatus, Status
from eduplan.model import Range
from eduplan.model.common import Change
from eduplan.render import svg
from eduplan.render.style import Style
from eduplan.words.thai import format_percent

__all__ = ["STATUS_ORDER", "PolicyCountRow", "StatusMark", "by_status", "count_row", "reason", "status_marks"]

STATUS_ORDER = (
    Status.ACHIEVED,
    Status.PARTLY,
    Status.NOT_ACHIEVED,
    Status.NO_DATA,
    Status.NOT_COMPARABLE,
    Status.NOT_DUE,
)
"""The order statuses are listed and counted in (a report shows "partly" only when some indicator is)."""

SYMBOLS: dict[Status, tuple[str, str]] = {
    Status.ACHIEVED: ("✓", "status_achieved"),
    Status.NOT_ACHIEVED: ("✗", "status_not_achieved"),
    Status.NO_DATA: ("○", "status_no_data"),
    Status.NOT_COMPARABLE: ("△", "status_not_comparable"),
    Status.NOT_DUE: ("–", "status_not_due"),
    Status.PARTLY: ("◐", "status_partly"),
}
"""Per status: a text mark for Markdown (HTML draws :func:`eduplan.render.svg.status_icon`) and its label."""

_DIRECTION_WORDS = {"higher-is-better": "why_higher", "lower-is-better": "why_lower", "maintain": "why_maintain"}


@dataclass(frozen=True, slots=True)
class StatusMark:
    """How a status is shown.

    Attributes:
        key: The status (``achieved``, ``not-achieved``, ...), also the CSS class.
        word: The status in words (บรรลุ).
        symbol: A text mark for Markdown (✓).
        icon: A small SVG mark for HTML; each status has its own shape.
    """

    key: str
    word: str
    symbol: str
    icon: Markup


def status_marks(style: Style) -> dict[Status, StatusMark]:
    """The mark of every status, in the document's words."""
    return {
        status: StatusMark(
            key=status.value,
            word=style.labels[SYMBOLS[status][1]],
            symbol=SYMBOLS[status][0],
            # Built by svg.py from fixed shapes; no plan text in it.
            icon=Markup(svg.status_icon(status.value)),
        )
        for status in STATUS_ORDER
    }


def _amount(value: float, style: Style) -> str:
    """A margin as a number, rounded so that 1.4 - 1.2 reads 0.2."""
    rounded = round(abs(value), 9)
    return style.number(int(rounded) if float(rounded).is_integer() else rounded)


def reason(status: IndicatorStatus, levels: Sequence[str] | None, style: Style) -> str:
    """Why an indicator has its status, in one phrase: ``ดีกว่าค่าเป้าหมาย 2 (ค่ายิ่งสูงยิ่งดี)``.

    A report's own reason for having no data is quoted as written.
    """
    labels = style.labels
    if status.from_parts:
        return _parts_reason(status, style)
    if status.status is Status.NOT_DUE:
        return labels.format("why_no_target", year=style.year(status.year))
    if status.status is Status.NO_DATA:
        if status.no_data_reason:
            return status.no_data_reason
        return labels["why_not_mentioned" if status.actual_index is None else "why_no_reason"]
    target = status.resolved_target if status.resolved_target is not None else status.target
    if status.status is Status.NOT_COMPARABLE:
        return _not_comparable(status, levels, style)
    achieved = status.status is Status.ACHIEVED
    if isinstance(target, str):
        return _levels_reason(status, achieved, style)
    margin = round(status.margin or 0.0, 9)
    if isinstance(target, Range) and (status.direction == "maintain" or status.margin is None):
        # maintain: inside the range or not; no margin: the range is open on the side that counts
        phrase = labels["why_inside"] if achieved else labels.format("why_outside", amount=_amount(margin, style))
    elif margin > 0:
        phrase = labels.format("why_better", amount=_amount(margin, style))
    elif margin == 0:
        phrase = labels["why_equal"]
    elif status.direction == "maintain":
        phrase = labels.format("why_off", amount=_amount(margin, style))
    else:
        phrase = labels.format("why_short", amount=_amount(margin, style))
    return f"{phrase} ({labels[_DIRECTION_WORDS[status.direction]]})"


def _not_comparable(status: IndicatorStatus, levels: Sequence[str] | None, style: Style) -> str:
    """Why a value cannot be compared with the target."""
    labels = style.labels
    target, actual = status.target, status.actual
    if isinstance(target, Change) and status.resolved_target is None:
        return labels["why_change_unknown"]
    if isinstance(actual, Range):
        return labels["why_range_actual"]
    if isinstance(actual, str) and isinstance(target, str):
        off = actual if actual not in (levels or ()) else target
        return labels.format("why_off_scale", value=off)
    return labels["why_kinds"]


def _parts_reason(status: IndicatorStatus, style: Style) -> str:
    """Why, for an indicator judged by its sub-indicators: how many of those due reached their targets."""
    due = [p for p in status.parts if p.status is not Status.NOT_DUE]
    met = sum(p.status is Status.ACHIEVED for p in due)
    return style.labels.format("why_parts", count=style.number(met), of=style.number(len(due)))


def _levels_reason(status: IndicatorStatus, achieved: bool, style: Style) -> str:
    """Why, for a level target (ดีมาก): steps on the scale, or equality when there is no scale."""
    labels = style.labels
    same = labels["why_level_same" if achieved else "why_level_other"]
    if status.by_equality:
        return f"{same} {labels['why_by_equality']}"
    steps = status.margin or 0.0
    if status.direction == "maintain" or steps == 0:
        return same
    key = "why_levels_better" if steps > 0 else "why_levels_short"
    return labels.format(key, amount=_amount(steps, style))


@dataclass(frozen=True, slots=True)
class PolicyCountRow:
    """One row of the table of counts per policy.

    Attributes:
        anchor: HTML id of the policy's section (for a link), or None for the total row.
        depth: The policy's level (1 for the first; 0 for the total row).
        heading: Policy number in words (นโยบายที่ 1), or the word for the total.
        title: Policy title, or an empty string for the total row.
        counts: One count per status, in the order of ``ReportView.marks``.
        total: Every indicator counted.
        share: Share achieved of the measured indicators, in percent, or None when none was measured.
    """

    anchor: str | None
    depth: int
    heading: str
    title: str
    counts: tuple[str, ...]
    total: str
    share: str | None


def by_status(counts: Counts) -> dict[Status, int]:
    """How many indicators have each status."""
    return {
        Status.ACHIEVED: counts.achieved,
        Status.PARTLY: counts.partly,
        Status.NOT_ACHIEVED: counts.not_achieved,
        Status.NO_DATA: counts.no_data,
        Status.NOT_COMPARABLE: counts.not_comparable,
        Status.NOT_DUE: counts.not_due,
    }


def count_row(
    anchor: str | None, depth: int, heading: str, title: str, counts: Counts, order: tuple[Status, ...], style: Style
) -> PolicyCountRow:
    """One row of the table of counts per policy: a count per status of ``order``, the total, the share achieved."""
    counted = by_status(counts)
    achieved = counts.share_achieved
    return PolicyCountRow(
        anchor=anchor,
        depth=depth,
        heading=heading,
        title=title,
        counts=tuple(style.number(counted[s]) for s in order),
        total=style.number(counts.total),
        share=format_percent(achieved, style.digits) if achieved is not None else None,
    )
