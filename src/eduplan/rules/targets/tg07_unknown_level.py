"""A level target is not one of the indicator's ``levels``.

When a level indicator lists its scale (``levels``, from worst to best), every level target
and baseline must be one of those words, spelled the same way.

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

import difflib
from collections.abc import Iterator

from ...findings import Severity
from ..base import Context, Problem, indicators, target_values

CODE = "TG07"
NAME = "targets.unknown-level"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each word target missing from ``levels``."""
    for path, indicator, _ in indicators(ctx.plan):
        if not indicator.levels:
            continue
        for where, _, value in target_values(path, indicator):
            if isinstance(value, str) and value not in indicator.levels:
                close = difflib.get_close_matches(value, indicator.levels, n=1)
                yield Problem(
                    where,
                    f"{value!r} is not one of the indicator's levels ({', '.join(indicator.levels)})",
                    hint=f"did you mean {close[0]!r}?" if close else "add it to levels or use one of them",
                )
