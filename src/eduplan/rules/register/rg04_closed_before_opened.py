"""A unit of the register closes before it opens.

``opened`` and ``closed`` say in which years a unit is expected to report; a unit that closes before (or on the
day) it opens is never expected, which is a typing mistake more often than a fact (a year in the Christian Era,
or two dates swapped).

*Fails:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบ้านนา, parent: demo, opened: 2560-05-16, closed: 2520-05-16}
```

*Passes:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบ้านนา, parent: demo, opened: 2520-05-16, closed: 2566-05-16}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.model.register import shown_date
from eduplan.rules.base import Context, Problem
from eduplan.rules.register.units import units

CODE = "RG04"
NAME = "register.closed-before-opened"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each unit whose closing date is not after its opening date."""
    for path, unit in units(ctx.plan):
        if unit.opened is not None and unit.closed is not None and unit.closed <= unit.opened:
            yield Problem(
                (*path, "closed"),
                _("{name} closes on {closed}, not after it opens ({opened})").format(
                    name=unit.name, closed=shown_date(unit.closed), opened=shown_date(unit.opened)
                ),
                hint=_("check the two dates: both are Buddhist-Era dates, year-month-day"),
            )
