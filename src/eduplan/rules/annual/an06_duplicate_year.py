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
from eduplan.i18n import N_, _
from eduplan.rules.base import Context, Problem, year_key, year_of

CODE = "AN06"
NAME = "annual.duplicate-year"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each action plan or report after the first one of its (fiscal or academic) year."""
    for name in ("action_plans", "reports"):
        first: dict[tuple[str, int], Path] = {}
        for n, document in enumerate(getattr(ctx.plan, name)):
            year = (document.year_kind, document.year)
            if year not in first:
                first[year] = (name, n, year_key(document))
                continue
            span = ctx.source.span(first[year])
            message, hint = _WORDS[name, bool(span)], _HINTS[name, document.year_kind]
            yield Problem(
                (name, n, year_key(document)),
                _(message).format(year=year_of(document), where=span),
                hint=_(hint),
            )


_WORDS = {
    ("action_plans", True): N_("a second action plan for {year} (the first is at {where}); only the first counts"),
    ("action_plans", False): N_("a second action plan for {year}; only the first counts"),
    ("reports", True): N_("a second report for {year} (the first is at {where}); only the first counts"),
    ("reports", False): N_("a second report for {year}; only the first counts"),
}
"""The message, by the list and whether the first one's place is known."""
_HINTS = {
    ("action_plans", "fiscal"): N_("merge the two into one action plan, or correct the fiscal year"),
    ("action_plans", "academic"): N_("merge the two into one action plan, or correct the academic year"),
    ("reports", "fiscal"): N_("merge the two into one report, or correct the fiscal year"),
    ("reports", "academic"): N_("merge the two into one report, or correct the academic year"),
}
"""The hint, by the list and the kind of year."""
