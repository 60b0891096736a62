"""A report gives an actual for an indicator that has no target that year.

An actual is judged against the year's target. Without one the indicator is *not due*
that year (``eduplan.status``), so the value is shown but never counted: the target is
probably missing from the indicator, or the actual belongs to another year or indicator.
A sub-indicator (a standard's item) whose whole carries the targets, or a group whose parts carry
them, is judged through them: an actual of it is not reported for having no target of its own.

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

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.annual.actuals import entries, written
from eduplan.rules.base import Context, Problem, has_targets, year_of

CODE = "AN02"
NAME = "annual.actual-not-due"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each actual whose indicator is not due in the report's year (the first actual of each)."""
    seen: set[tuple[int, str]] = set()
    for entry in entries(ctx.plan):
        key = (int(entry.path[1]), entry.actual.indicator)
        if entry.place is None or key in seen:
            continue
        seen.add(key)
        indicator, actual, year = entry.place.indicator, entry.actual, entry.year
        if actual.value is None or year in indicator.targets:
            continue
        parents = entry.place.parents
        if not indicator.targets and (any(p.targets for p in parents) or any(map(has_targets, indicator.indicators))):
            continue  # its targets are those of its whole, or of its parts
        years = ", ".join(str(y) for y in sorted(indicator.targets))
        if years:
            message = _(
                "{name} has no target for {year}, but the report gives an actual ({value}); years with targets: {years}"
            )
        else:
            message = _(
                "{name} has no target for {year}, but the report gives an actual ({value}); years with targets: none"
            )
        yield Problem(
            entry.value_path,
            message.format(name=entry.name, year=year_of(entry.report), value=written(actual.value), years=years),
            hint=_("add the target for {year} to the indicator, or move the actual to the right year").format(
                year=year
            ),
        )
