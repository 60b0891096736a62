"""A target is given for a year outside the plan period.

Targets belong to the years the plan covers (``period``). A year outside it is usually a typo
(2576 for 2567) or a Christian-Era year.

*Fails:*

```yaml
# in plan.yaml:
period: {start: 2566, end: 2570}
# in an indicator:
targets: {2566: 80, 2576: 85}
```

*Passes:*

```yaml
# in plan.yaml:
period: {start: 2566, end: 2570}
# in an indicator:
targets: {2566: 80, 2567: 85}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

CODE = "TG03"
NAME = "targets.outside-period"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each target year outside ``period``."""
    period = ctx.plan.period
    if period.end < period.start:
        return
    for path, indicator, _at in ctx.indicators:
        for year in indicator.targets:
            if not period.start <= year <= period.end:
                yield Problem(
                    (*path, "targets", year),
                    _("target year {year} is outside the plan period {start}-{end}").format(
                        year=year, start=period.start, end=period.end
                    ),
                    hint=_("targets are given for the years of the plan period"),
                    key=True,
                )
