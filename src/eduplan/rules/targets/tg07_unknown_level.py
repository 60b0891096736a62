"""A level target is not one of the indicator's ``levels``.

When a level indicator lists its scale (``levels``, from worst to best), every level target
and baseline must be one of those words, spelled the same way. A sub-indicator (a standard's
item) without its own ``levels`` uses its parent's scale.

*Fails:*

```yaml
kind: level
levels: [พอใช้, ดี, ดีมาก]
targets: {2566: ดีเยี่ยม}
```

*Passes:*

```yaml
kind: level
levels: [พอใช้, ดี, ดีมาก]
targets: {2566: ดีมาก}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem, target_values
from eduplan.rules.kinds import level_problem

CODE = "TG07"
NAME = "targets.unknown-level"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each word target missing from ``levels``."""
    for path, indicator, at in ctx.indicators:
        for where, _label, value in target_values(path, indicator):
            problem = level_problem(value, at.levels)
            if problem is not None:
                yield Problem(where, problem[0], hint=problem[1])
