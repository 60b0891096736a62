"""The plan period is reversed, or an annual document lies outside it.

``period.end`` cannot come before ``period.start``, and each action plan and report belongs
to a year within the period (a fiscal year, or a school's academic year).

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
from eduplan.rules.base import Context, Problem, year_key, year_of

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
            if not period.start <= document.year <= period.end:
                yield Problem(
                    (name, n, year_key(document)),
                    f"the {word} for {year_of(document)} lies outside the plan period {period.start}-{period.end}",
                )
