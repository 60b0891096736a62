"""A count target is negative or not a whole number.

Indicators of kind ``count`` count things (schools, courses, networks): their targets are
whole numbers, zero or more.

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
targets: {2566: 3}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem, indicators
from eduplan.rules.kinds import count_problem

CODE = "TG08"
NAME = "targets.count-whole"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each count target that is negative or fractional."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.kind != "count":
            continue
        for year, value in indicator.targets.items():
            problem = count_problem(f"target for {year}", value, indicator.unit)
            if problem is not None:
                yield Problem((*path, "targets", year), problem[0], hint=problem[1])
