"""A year of the plan period has no target.

Every indicator should say what it aims at in every year of the plan, so that annual action
plans and reports can be compared with it. A year left empty in the published table is
reported once per indicator, listing the missing years. Targets may be set for a whole or for
its parts: a group whose sub-indicators carry the targets, and sub-indicators (a standard's items)
whose whole carries them, are not reported for having none. An indicator added during the plan
has no target for the years up to its baseline's (a baseline of 2567 was measured, not aimed at).

*Fails:*

```yaml
# in plan.yaml:
period: {start: 2566, end: 2570}
# in an indicator:
targets: {2566: 80, 2567: 85, 2569: 95, 2570: 100}
```

*Passes:*

```yaml
# in plan.yaml:
period: {start: 2566, end: 2570}
# in an indicator:
targets: {2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import N_, _
from eduplan.rules.base import Context, Problem, has_targets

CODE = "TG04"
NAME = "targets.missing-year"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield one problem per indicator that lacks targets for some years."""
    years = ctx.plan.period.years
    if len(years) > 50:
        return  # an absurd period is reported by the schema and MD rules, not year by year
    for path, indicator, at in ctx.indicators:
        measured = indicator.baseline.last_year if indicator.baseline is not None else None
        missing = [year for year in years if year not in indicator.targets and (measured is None or year > measured)]
        if not missing:
            continue
        if not indicator.targets:
            if has_targets(indicator) or any(parent.targets for parent in at.parents):
                continue  # the targets are set for its parts, or for the whole it is part of
            if at.parents and not has_targets(at.parents[0]):
                continue  # nothing of its whole has targets: reported once, at the whole
            yield Problem(path, _("indicator {id} has no targets").format(id=indicator.id), key=False, hint=_(_HINT))
            continue
        listed = ", ".join(map(str, missing))
        if measured is not None and measured >= years[0]:
            message = _("no target for {years} (the plan covers {start}-{end}; the baseline is of {measured})")
        else:
            message = _("no target for {years} (the plan covers {start}-{end})")
        yield Problem(
            (*path, "targets"),
            message.format(years=listed, start=years[0], end=years[-1], measured=measured),
            hint=_(_HINT),
        )


_HINT = N_("give a target for every year of the plan period")
