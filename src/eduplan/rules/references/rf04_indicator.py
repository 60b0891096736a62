"""A project or a reported actual names no indicator of the plan.

Projects list the indicators they serve, and reports give actual values per indicator, by id.

*Fails:*

```yaml
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i9, value: 80}
```

*Passes:*

```yaml
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 80}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.rules.references.links import unresolved

CODE = "RF04"
NAME = "references.unknown-indicator"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each reference to a indicator that does not exist."""
    yield from unresolved(ctx, "indicator")
