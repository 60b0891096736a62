"""A report gives an actual for an indicator that has no target that fiscal year.

An actual is judged against the year's target. Without one the indicator is *not due*
that year (``eduplan.status``), so the value is shown but never counted: the target is
probably missing from the indicator, or the actual belongs to another year or indicator.

*Fails:*

```yaml
# in an indicator:
targets: {2566: 80, 2568: 90}
# in plan.yaml:
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 84}
```

*Passes:*

```yaml
# in an indicator:
targets: {2566: 80, 2567: 85, 2568: 90}
# in plan.yaml:
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 84}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.analysis.status import Status, indicator_status
from eduplan.findings import Severity
from eduplan.rules.annual.actuals import describe, written
from eduplan.rules.base import Context, Problem

CODE = "AN02"
NAME = "annual.actual-not-due"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each actual whose indicator is not due in the report's year."""
    for r, report in enumerate(ctx.plan.reports):
        year = report.fiscal_year
        for policy in ctx.plan.policies:
            for indicator in policy.indicators:
                status = indicator_status(indicator, year, report, policy=policy.id, report_index=r)
                if status.status is not Status.NOT_DUE or status.actual is None or status.actual_index is None:
                    continue
                years = ", ".join(str(y) for y in sorted(indicator.targets)) or "none"
                yield Problem(
                    ("reports", r, "actuals", status.actual_index, "value"),
                    f"{describe(indicator, policy)} has no target for fiscal year {year}, but the report gives "
                    f"an actual ({written(status.actual)}); "
                    f"years with targets: {years}",
                    hint=f"add the target for {year} to the indicator, or move the actual to the right year",
                )
