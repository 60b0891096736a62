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
from eduplan.i18n import N_, _
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
            _("the period ends ({end}) before it starts ({start})").format(end=period.end, start=period.start),
            hint=_("swap start and end"),
        )
        return
    for name, message in _OUTSIDE.items():
        for n, document in enumerate(getattr(ctx.plan, name)):
            if not period.start <= document.year <= period.end:
                yield Problem(
                    (name, n, year_key(document)),
                    _(message).format(year=year_of(document), start=period.start, end=period.end),
                )


_OUTSIDE = {
    "action_plans": N_("the action plan for {year} lies outside the plan period {start}-{end}"),
    "reports": N_("the report for {year} lies outside the plan period {start}-{end}"),
}
"""An annual document outside the period, by the list it is in."""
