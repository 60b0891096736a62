"""A percentage target or baseline lies outside 0..100.

Indicators of kind ``percent`` measure a share: every target, range bound and baseline value
must lie between 0 and 100.

*Fails:*

```yaml
kind: percent
targets: {2566: 80, 2567: 105}
```

*Passes:*

```yaml
kind: percent
targets: {2566: 80, 2567: 100}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Path, Severity
from ...model import Range
from ..base import Context, Problem, indicators, numeric, show, target_values

CODE = "TG01"
NAME = "targets.percent-range"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield every percent value outside 0..100."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.kind != "percent":
            continue
        for where, label, value in target_values(path, indicator):
            if isinstance(value, Range):
                bounds = [(b, getattr(value, b)) for b in ("min", "max") if getattr(value, b) is not None]
                for bound, number in bounds:
                    if not 0 <= number <= 100:
                        yield _problem((*where, bound), f"{label} ({bound} {show(number)})")
            else:
                number = numeric(value)
                if number is not None and not 0 <= number <= 100:
                    yield _problem(where, f"{label} ({show(value)})")


def _problem(path: Path, what: str) -> Problem:
    return Problem(
        path,
        f"{what} is not a percentage: it must lie between 0 and 100",
        hint="if the indicator counts things, set its kind to count and its unit accordingly",
    )
