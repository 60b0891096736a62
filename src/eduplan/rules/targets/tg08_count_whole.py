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

from ...findings import Severity
from ..base import Context, Problem, indicators, numeric, show

CODE = "TG08"
NAME = "targets.count-whole"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each count target that is negative or fractional."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.kind != "count":
            continue
        for year, value in indicator.targets.items():
            number = numeric(value)
            if number is not None and (number < 0 or not number.is_integer()):
                yield Problem(
                    (*path, "targets", year),
                    f"target for {year} ({show(value)}) is not a whole number of {indicator.unit or 'things'}",
                    hint="a count is 0, 1, 2, ...; if it is a share, set kind to percent",
                )
