"""A report lists the same indicator twice.

A report gives one actual per indicator. When an indicator is listed again, the status (and
every document) uses the first entry and silently ignores the others.

*Fails:*

```yaml
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 87}
      - {indicator: p1-i1, value: 78}
```

*Passes:*

```yaml
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 87}
      - {indicator: p1-i2, value: 78}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.rules.annual.actuals import entries
from eduplan.rules.base import Context, Problem, year_of

CODE = "AN05"
NAME = "annual.duplicate-actual"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each actual after the first one for its indicator in the same report."""
    first: dict[tuple[Path, str], Path] = {}
    for entry in entries(ctx.plan):
        key = (entry.path[:2], entry.actual.indicator)
        if key not in first:
            first[key] = entry.path
            continue
        span = ctx.source.span((*first[key], "indicator"))
        if span:
            message = _(
                "{name} is listed again in the report for {year} (first at line {line}); only the first entry counts"
            )
        else:
            message = _("{name} is listed again in the report for {year}; only the first entry counts")
        yield Problem(
            (*entry.path, "indicator"),
            message.format(name=entry.name, year=year_of(entry.report), line=span.line if span else None),
            hint=_("keep one entry per indicator"),
        )
