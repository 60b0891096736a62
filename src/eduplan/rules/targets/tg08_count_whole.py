"""A count target is negative or not a whole number.

Indicators of kind ``count`` count things (schools, courses, networks): their targets are
whole numbers, zero or more. A change target counts whole things too (``เพิ่มขึ้น 2``, not
``เพิ่มขึ้น 2.5``), and cannot bring the count below zero (``ลดลง 10`` from a baseline of 5).

*Fails:*

```yaml
kind: count
unit: หลักสูตร
targets: {2566: 2.5}
```

*Passes:*

```yaml
kind: count
unit: หลักสูตร
targets: {2566: 3, 2567: เพิ่มขึ้น 2}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.model import Change
from eduplan.rules.base import Context, Problem, show
from eduplan.rules.changes import resolved, written_change
from eduplan.rules.kinds import count_problem

CODE = "TG08"
NAME = "targets.count-whole"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each count target that is negative or fractional, and each change by a fraction or below zero."""
    for path, indicator, at in ctx.indicators:
        if at.kind != "count":
            continue
        names = resolved(indicator)
        for year, value in indicator.targets.items():
            if isinstance(value, Change):
                problem = _change_problem(year, value, names.get(year), indicator.unit)
            else:
                problem = count_problem(_("target for {year}").format(year=year), value, indicator.unit)
            if problem is not None:
                yield Problem((*path, "targets", year), problem[0], hint=problem[1])


def _change_problem(year: int, change: Change, named: float | None, unit: str | None) -> tuple[str, str] | None:
    if not abs(change.delta).is_integer():
        if unit:
            message = _("target for {year} ({change}) changes the count by {amount}, not a whole number of {unit}")
        else:
            message = _("target for {year} ({change}) changes the count by {amount}, not a whole number of things")
        return (
            message.format(year=year, change=change.shown(), amount=show(abs(change.delta)), unit=unit),
            _("a count changes by 0, 1, 2, ...; if it is a share, set kind to percent"),
        )
    if named is not None and named < 0:
        return (
            _("target for {year} ({change}) is below zero").format(year=year, change=written_change(change, named)),
            _("a count is 0, 1, 2, ..."),
        )
    return None
