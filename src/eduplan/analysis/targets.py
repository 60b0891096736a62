"""Change targets resolved to values: "เพิ่มขึ้นร้อยละ 3" becomes 83 when the year before aimed at 80.

A change (:class:`eduplan.model.common.Change`) is counted from an earlier value:

- ``of: previous`` (the default): the previous year's target, itself resolved when it is a change;
  for the first year with a target, the baseline's value (what the plan starts from);
- ``of: baseline``: the baseline's value.

The amount is in the indicator's own unit: on a percent indicator "เพิ่มขึ้นร้อยละ 3" is 3 points.
When the earlier value is missing (no target the year before, no baseline, a baseline marked
n/a) or is not a number (a range, a level), the target cannot be resolved and the reason says
why: statuses then say "not comparable", never "not achieved".

A pure module: an indicator in, values out.
"""

from __future__ import annotations

from dataclasses import dataclass

from eduplan.i18n import _
from eduplan.model import Indicator, Range
from eduplan.model.common import Change

__all__ = ["Resolved", "resolve_actual", "resolve_target", "resolved_targets"]


@dataclass(frozen=True, slots=True)
class Resolved:
    """A year's target as a value that can be compared.

    Attributes:
        value: The number, range or level to compare with; ``None`` when a change cannot be resolved.
        how: For a resolved change, how the value was counted ("the target for 2566 (80) + 3");
            for one that cannot be resolved, why not; empty for a target written as a value.
        base: The value the change was counted from, or ``None``.
        base_year: The year of that value (the previous year, or the baseline's last year), or ``None``.
        of: ``previous`` or ``baseline`` for a change, else ``None``.
    """

    value: float | Range | str | None
    how: str = ""
    base: float | None = None
    base_year: int | None = None
    of: str | None = None

    @property
    def is_change(self) -> bool:
        """Whether the target was written as a change."""
        return self.of is not None


def resolve_target(indicator: Indicator, year: int) -> Resolved | None:
    """The indicator's target for ``year`` as a value, or ``None`` when the year has no target."""
    target = indicator.targets.get(year)
    if target is None:
        return None
    if not isinstance(target, Change):
        return Resolved(target)
    if target.of == "baseline":
        base = _baseline(indicator)
        source = _("the baseline")
        base_year = indicator.baseline.last_year if indicator.baseline else None
    elif year - 1 in indicator.targets:
        earlier = resolve_target(indicator, year - 1)
        assert earlier is not None  # the year has a target
        if earlier.value is None:
            why = _("it is counted from the target for {year}, and {how}").format(year=year - 1, how=earlier.how)
            return Resolved(None, why, of=target.of)
        base, source, base_year = earlier.value, _("the target for {year}").format(year=year - 1), year - 1
    elif any(y < year for y in indicator.targets):
        why = _("it is counted from the target for {year}, and {year} has none").format(year=year - 1)
        return Resolved(None, why, of=target.of)
    else:  # the first year with a target counts from where the plan starts
        base = _baseline(indicator)
        source = _("the baseline")
        base_year = indicator.baseline.last_year if indicator.baseline else None
    if isinstance(base, Unresolvable):
        return Resolved(None, base.why, of=target.of)
    if isinstance(base, Range | str):
        shown = base if isinstance(base, str) else f"{_num(base.min)}..{_num(base.max)}"
        why = _("{source} is {value}, not a number a change can be counted from").format(source=source, value=shown)
        return Resolved(None, why, of=target.of)
    value = _tidy(base + target.delta)
    return Resolved(value, _sum(source, base, target.delta, value), float(base), base_year, target.of)


def _sum(source: str, base: float, delta: float, value: float) -> str:
    """How a change was counted: ``the baseline (80) + 3 = 83``."""
    return _("{source} ({base}) {sign} {amount} = {value}").format(
        source=source, base=_num(base), sign="+" if delta >= 0 else "-", amount=_num(abs(delta)), value=_num(value)
    )


def resolve_actual(indicator: Indicator, change: Change, year: int, previous: object) -> Resolved:
    """A result reported as a change ("เพิ่มขึ้นร้อยละ 2.5") as a value.

    ``of: previous`` counts from the previous year's result (``previous``, from that year's report), or
    from the baseline when the baseline is of the year before; ``of: baseline`` from the baseline.
    """
    if change.of == "previous" and previous is not None:
        if not isinstance(previous, int | float) or isinstance(previous, bool):
            why = _("the result for {year} is not a number a change can be counted from").format(year=year - 1)
            return Resolved(None, why, of="previous")
        base: float | Range | str | Unresolvable = previous
        source = _("the result for {year}").format(year=year - 1)
    elif change.of == "previous" and not (indicator.baseline and indicator.baseline.last_year == year - 1):
        why = _("it is counted from the result for {year}, which no report gives").format(year=year - 1)
        return Resolved(None, why, of="previous")
    else:
        base, source = _baseline(indicator), _("the baseline")
    if isinstance(base, Unresolvable):
        return Resolved(None, base.why, of=change.of)
    if isinstance(base, Range | str):
        why = _("{source} is not a number a change can be counted from").format(source=source)
        return Resolved(None, why, of=change.of)
    value = _tidy(base + change.delta)
    return Resolved(value, _sum(source, base, change.delta, value), float(base), year - 1, change.of)


def resolved_targets(indicator: Indicator) -> dict[int, Resolved]:
    """Every year's target resolved, in year order (for charts and tables)."""
    found = {}
    for year in sorted(indicator.targets):
        resolved = resolve_target(indicator, year)
        if resolved is not None:
            found[year] = resolved
    return found


@dataclass(frozen=True, slots=True)
class Unresolvable:
    """Why a baseline gives no number to count from."""

    why: str


def _baseline(indicator: Indicator) -> float | Range | str | Unresolvable:
    baseline = indicator.baseline
    if baseline is None:
        return Unresolvable(_("it is counted from the baseline, and the indicator has none"))
    value = baseline.value
    if value is None:
        if baseline.no_data:
            return Unresolvable(
                _("it is counted from the baseline, which has no value ({reason})").format(reason=baseline.no_data)
            )
        return Unresolvable(_("it is counted from the baseline, which has no value"))
    if isinstance(value, Change):
        return Unresolvable(
            _("it is counted from the baseline, which is itself a change ({change})").format(change=value.shown())
        )
    return value


def _tidy(value: float) -> float:
    """83 rather than 83.00000000000001 after adding decimals."""
    rounded = round(value, 9)
    return int(rounded) if float(rounded).is_integer() else rounded


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
