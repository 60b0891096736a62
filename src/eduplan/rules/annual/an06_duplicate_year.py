"""Two action plans, or two reports, are for the same year.

Each fiscal year has one action plan and one performance report (a school's academic year, one
action plan and one self-assessment report). When there are two, the status and the documents
use the first one (in file order) and ignore the other.

*Fails:*

```yaml
reports:
  - {fiscal_year: 2567, actuals: [{indicator: p1-i1, value: 87}]}
  - {fiscal_year: 2567, actuals: [{indicator: p1-i2, value: 78}]}
```

*Passes:*

```yaml
reports:
  - {fiscal_year: 2567, actuals: [{indicator: p1-i1, value: 87}, {indicator: p1-i2, value: 78}]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.rules.base import Context, Problem, year_key, year_of

CODE = "AN06"
NAME = "annual.duplicate-year"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each action plan or report after the first one of its (fiscal or academic) year."""
    for name, word in (("action_plans", "action plan"), ("reports", "report")):
        first: dict[tuple[str, int], Path] = {}
        for n, document in enumerate(getattr(ctx.plan, name)):
            year = (document.year_kind, document.year)
            if year not in first:
                first[year] = (name, n, year_key(document))
                continue
            span = ctx.source.span(first[year])
            where = f" (the first is at {span})" if span else ""
            yield Problem(
                (name, n, year_key(document)),
                f"a second {word} for {year_of(document)}{where}; only the first counts",
                hint=f"merge the two into one {word}, or correct the {document.year_kind} year",
            )
