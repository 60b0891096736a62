"""The plan period is reversed, or an annual document lies outside it.

``period.end`` cannot come before ``period.start``, and each action plan and report belongs
to a fiscal year within the period.

*Fails:*

```yaml
period: {start: 2570, end: 2566}
```

*Passes:*

```yaml
period: {start: 2566, end: 2570}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem

CODE = "MD06"
NAME = "metadata.period"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Check the period and the fiscal years of annual documents."""
    period = ctx.plan.period
    if period.end < period.start:
        yield Problem(
            ("period", "end"),
            f"the period ends ({period.end}) before it starts ({period.start})",
            hint="swap start and end",
        )
        return
    for name, word in (("action_plans", "action plan"), ("reports", "report")):
        for n, document in enumerate(getattr(ctx.plan, name)):
            year = document.fiscal_year
            if not period.start <= year <= period.end:
                yield Problem(
                    (name, n, "fiscal_year"),
                    f"the {word} for fiscal year {year} lies outside the plan period {period.start}-{period.end}",
                )
