"""Small inline SVG charts, one per indicator: the target trajectory, and actuals when reported.

No JavaScript and no external files: the SVG is text inside the HTML, drawn by the browser and
kept as vector graphics in the PDF. Every piece of text in it is escaped here; the document
templates insert it as markup, the one place where they do.

Targets are drawn as a dashed line with round markers (ranges as bars from minimum to
maximum); actuals as a solid line with square markers, so the chart also reads in black and
white. A performance report shades the column of its fiscal year.

:func:`status_icon` draws the small mark beside an indicator's status in a report: a different
shape for each status (tick, cross, ring, triangle, bar), so it too survives black-and-white print.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["STATUS_SHAPES", "ChartText", "Value", "status_icon", "trajectory_chart"]

Value = float | tuple[float | None, float | None] | str
"""A target or actual: a number, a (minimum, maximum) range, or a level such as ดีมาก."""

WIDTH = 240
HEIGHT = 120
LEFT, RIGHT, TOP, BOTTOM = 30, 8, 26, 18
TARGET_COLOUR = "#1f4e79"
ACTUAL_COLOUR = "#b34700"
GRID_COLOUR = "#c8c8c8"
HIGHLIGHT_COLOUR = "#e6e6e6"


@dataclass(frozen=True, slots=True)
class ChartText:
    """The words and formatted numbers a chart shows.

    Attributes:
        title: Accessible name of the chart (``aria-label``).
        target: Legend word for targets.
        actual: Legend word for actuals.
        years: Year labels, in the order of the years passed to the chart.
        number: Formats a number for a tick or a point label (digits, separators).
        value: Formats a value (number, range or level) for a point label.
    """

    title: str
    target: str
    actual: str
    years: Sequence[str]
    number: Callable[[float], str]
    value: Callable[[Value], str]


def _bounds(value: Value, levels: Sequence[str] | None) -> tuple[float, float] | None:
    """(low, high) of a value on the chart's scale; None when it cannot be drawn."""
    if isinstance(value, str):
        if levels and value in levels:
            rank = float(levels.index(value) + 1)
            return rank, rank
        return None
    if isinstance(value, tuple):
        low, high = value
        if low is None and high is None:
            return None
        return (low if low is not None else high or 0.0), (high if high is not None else low or 0.0)
    return float(value), float(value)


def _nice_top(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is at least ``value``."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1.0, 2.0, 2.5, 5.0, 10.0) if step * power >= value)


def _n(x: float) -> str:
    """A coordinate with one decimal, without a useless ``.0``."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def trajectory_chart(
    years: Sequence[int],
    targets: Mapping[int, Value],
    actuals: Mapping[int, Value],
    text: ChartText,
    *,
    percent: bool = False,
    levels: Sequence[str] | None = None,
    highlight: int | None = None,
) -> str | None:
    """An SVG line chart of targets (and actuals) by year; None when nothing is numeric.

    Args:
        years: The plan's years, left to right.
        targets: Target per year (years without one are gaps).
        actuals: Actual per year, from the performance reports.
        text: Words and number formatting.
        percent: Scale from 0 to 100 (unless a value is higher).
        levels: For level indicators, the scale from worst to best.
        highlight: A year whose column is shaded (the fiscal year of a report), if it is on the axis.
    """
    target_pts = {y: b for y in years if y in targets and (b := _bounds(targets[y], levels))}
    actual_pts = {y: b for y in years if y in actuals and (b := _bounds(actuals[y], levels))}
    if not target_pts and not actual_pts:
        return None
    everything = [*target_pts.values(), *actual_pts.values()]
    highest = max(high for _, high in everything)
    lowest = min(0.0, *(low for low, _ in everything))
    if levels:
        top, lowest = float(len(levels)), 0.0
    elif percent and 50 < highest <= 100:
        top = 100.0  # a percentage near its ceiling reads best against the whole scale
    else:
        top = _nice_top(highest)
    span = (top - lowest) or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(years), 1)

    def x(year: int) -> float:
        return LEFT + step * (years.index(year) + 0.5)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - lowest) / span)

    # Value labels: targets above the highest point of their year, actuals below the lowest one
    # (or stacked above the target label when that would run into the year labels).
    def ys(year: int) -> list[float]:
        return [y(v) for pts in (target_pts, actual_pts) if year in pts for v in pts[year]]

    above = {yr: min(ys(yr)) - 5 for yr in {*target_pts, *actual_pts}}
    below = {yr: max(ys(yr)) + 11 for yr in actual_pts}
    floor = TOP + plot_h + 1
    actual_label = {
        yr: pos if pos <= floor else above[yr] - (10 if yr in target_pts else 0) for yr, pos in below.items()
    }

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(text.title)}">'
    ]
    if highlight is not None and highlight in years:
        parts.append(
            f'<rect class="highlight" x="{_n(x(highlight) - step / 2)}" y="{TOP - 2}" width="{_n(step)}" '
            f'height="{_n(plot_h + 4)}" fill="{HIGHLIGHT_COLOUR}"/>'
        )
    parts += _grid(lowest, top, levels, text, y)
    parts += [
        f'<text class="year" x="{_n(x(year))}" y="{HEIGHT - 5}" text-anchor="middle">{escape(label)}</text>'
        for year, label in zip(years, text.years, strict=True)
    ]
    parts += _series(target_pts, targets, x, y, above, text, TARGET_COLOUR, actual=False)
    if actual_pts:
        parts += _series(actual_pts, actuals, x, y, actual_label, text, ACTUAL_COLOUR, actual=True)
        parts += _legend(text)
    parts.append("</svg>")
    return "".join(parts)


def _grid(
    lowest: float, top: float, levels: Sequence[str] | None, text: ChartText, y: Callable[[float], float]
) -> list[str]:
    """Horizontal grid lines with their tick labels (none for level scales)."""
    ticks = [float(i) for i in range(1, len(levels) + 1)] if levels else [lowest, (lowest + top) / 2, top]
    out = []
    for tick in ticks:
        pos = _n(y(tick))
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{pos}" y2="{pos}" stroke="{GRID_COLOUR}" stroke-width="0.5"/>'
        )
        if not levels:
            out.append(
                f'<text class="tick" x="{LEFT - 3}" y="{_n(y(tick) + 3)}" text-anchor="end">'
                f"{escape(text.number(int(tick) if tick.is_integer() else tick))}</text>"
            )
    return out


def _series(
    points: Mapping[int, tuple[float, float]],
    values: Mapping[int, Value],
    x: Callable[[int], float],
    y: Callable[[float], float],
    label_y: Mapping[int, float],
    text: ChartText,
    colour: str,
    *,
    actual: bool,
) -> list[str]:
    """One series: a line through the points' middles, markers, range bars and value labels."""
    out = []
    mids = [(x(year), y((low + high) / 2)) for year, (low, high) in points.items()]
    if len(mids) > 1:
        dash = "" if actual else ' stroke-dasharray="4 2"'
        coords = " ".join(f"{_n(px)},{_n(py)}" for px, py in mids)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="1.5"{dash}/>')
    for year, (low, high) in points.items():
        px = x(year)
        if high != low:
            out.append(
                f'<rect x="{_n(px - 3)}" y="{_n(y(high))}" width="6" height="{_n(y(low) - y(high))}" '
                f'fill="{colour}" fill-opacity="0.3" stroke="{colour}" stroke-width="0.75"/>'
            )
        py = y((low + high) / 2)
        if actual:
            out.append(f'<rect x="{_n(px - 2.5)}" y="{_n(py - 2.5)}" width="5" height="5" fill="{colour}"/>')
        else:
            out.append(
                f'<circle cx="{_n(px)}" cy="{_n(py)}" r="2.5" fill="#fff" stroke="{colour}" stroke-width="1.25"/>'
            )
        out.append(
            f'<text class="{"actual" if actual else "target"}" x="{_n(px)}" y="{_n(label_y[year])}" '
            f'text-anchor="middle" fill="{colour}">{escape(text.value(values[year]))}</text>'
        )
    return out


def _legend(text: ChartText) -> list[str]:
    """Legend for charts that show both series."""
    return [
        f'<line x1="{LEFT}" x2="{LEFT + 14}" y1="6" y2="6" stroke="{TARGET_COLOUR}" stroke-width="1.5" '
        'stroke-dasharray="4 2"/>',
        f'<text class="legend" x="{LEFT + 17}" y="9">{escape(text.target)}</text>',
        f'<line x1="{LEFT + 90}" x2="{LEFT + 104}" y1="6" y2="6" stroke="{ACTUAL_COLOUR}" stroke-width="1.5"/>',
        f'<text class="legend" x="{LEFT + 107}" y="9">{escape(text.actual)}</text>',
    ]


STATUS_SHAPES: dict[str, tuple[str, str]] = {
    "achieved": (
        "#1b6e2a",
        '<circle cx="6" cy="6" r="5.5" fill="{c}"/>'
        '<path d="M3.2 6.2 5.2 8.2 8.9 4" fill="none" stroke="#fff" stroke-width="1.6"/>',
    ),
    "not-achieved": (
        "#a61b1b",
        '<rect x="0.75" y="0.75" width="10.5" height="10.5" fill="#fff" stroke="{c}" stroke-width="1.5"/>'
        '<path d="M3.5 3.5 8.5 8.5M8.5 3.5 3.5 8.5" stroke="{c}" stroke-width="1.8"/>',
    ),
    "no-data": (
        "#555",
        '<circle cx="6" cy="6" r="4.75" fill="#fff" stroke="{c}" stroke-width="1.5" stroke-dasharray="2 1.2"/>',
    ),
    "not-comparable": ("#7a5c00", '<path d="M6 1 11.2 10.6H0.8Z" fill="#fff" stroke="{c}" stroke-width="1.4"/>'),
    "not-due": ("#777", '<rect x="1.5" y="5" width="9" height="2" fill="{c}"/>'),
    "partly-achieved": (
        "#3d6b1f",
        '<circle cx="6" cy="6" r="4.75" fill="#fff" stroke="{c}" stroke-width="1.5"/>'
        '<path d="M6 1.25A4.75 4.75 0 0 1 6 10.75Z" fill="{c}"/>',
    ),
}
"""Status -> (colour, SVG shapes drawn in a 12 by 12 box; ``{c}`` is the colour)."""


def status_icon(status: str) -> str:
    """The mark of a status (``achieved``, ``not-achieved``, ...) as a small inline SVG.

    The mark is decoration beside the status word, so it is hidden from screen readers.

    Raises:
        KeyError: ``status`` is not a status.
    """
    colour, shapes = STATUS_SHAPES[status]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="status-icon" viewBox="0 0 12 12" width="12" height="12" '
        f'aria-hidden="true">{shapes.format(c=colour)}</svg>'
    )
