"""A report's narrative of a policy, or its summary of the year, says nothing.

A performance report tells each policy's year in words (``policies:``) and the whole year's in
``summary:``: its results, problems and obstacles, suggestions and notable practice. An entry
that gives none of the four prints a heading with nothing under it, or nothing at all: usually a
draft left half-written.

*Fails:*

```yaml
reports:
  - fiscal_year: 2567
    summary: {}
    policies:
      - {policy: p1}
```

*Passes:*

```yaml
reports:
  - fiscal_year: 2567
    summary:
      problems: [งบประมาณได้รับล่าช้า ทำให้เลื่อนกิจกรรมไปไตรมาสที่ 3]
    policies:
      - policy: p1
        results: [อบรมนักเรียนแกนนำครบทุกโรงเรียน]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import N_, _
from eduplan.rules.base import Context, Problem, year_of

CODE = "AN07"
NAME = "annual.empty-narrative"
SEVERITY = Severity.WARNING

_HINT = N_("give results, problems, suggestions or highlights (a list of paragraphs), or remove the entry")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each policy narrative, and each summary, of a report that gives no part of the narrative."""
    for r, report in enumerate(ctx.plan.reports):
        if report.summary is not None and not report.summary.told:
            yield Problem(
                ("reports", r, "summary"),
                _("the summary of the report for {year} says nothing").format(year=year_of(report)),
                hint=_(_HINT),
                key=True,
            )
        for n, told in enumerate(report.policies):
            if not told.told:
                yield Problem(
                    ("reports", r, "policies", n, "policy"),
                    _("the narrative of policy {id} in the report for {year} says nothing").format(
                        id=told.policy, year=year_of(report)
                    ),
                    hint=_(_HINT),
                )
