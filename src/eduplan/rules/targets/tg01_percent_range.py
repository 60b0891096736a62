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

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem, indicators, target_values
from eduplan.rules.kinds import percent_problems

CODE = "TG01"
NAME = "targets.percent-range"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield every percent value outside 0..100."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.kind != "percent":
            continue
        for where, label, value in target_values(path, indicator):
            for sub, message, hint in percent_problems(label, value):
                yield Problem((*where, *sub), message, hint=hint)
