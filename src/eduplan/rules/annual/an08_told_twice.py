"""A report tells the same policy twice, or gives two results for one project.

A report has one narrative per policy (``policies:``) and one result per project
(``projects:``). When one is listed again, every document uses the first entry and leaves the
others out.

*Fails:*

```yaml
reports:
  - fiscal_year: 2567
    policies:
      - {policy: p1, results: [อบรมนักเรียนแกนนำครบทุกโรงเรียน]}
      - {policy: p1, problems: [งบประมาณได้รับล่าช้า]}
    projects:
      - {project: x1, done: true}
      - {project: x1, budget_spent: 85000}
```

*Passes:*

```yaml
reports:
  - fiscal_year: 2567
    policies:
      - policy: p1
        results: [อบรมนักเรียนแกนนำครบทุกโรงเรียน]
        problems: [งบประมาณได้รับล่าช้า]
    projects:
      - {project: x1, done: true, budget_spent: 85000}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem, year_of

CODE = "AN08"
NAME = "annual.told-twice"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each policy narrative and each project result after the first for its policy or project."""
    for r, report in enumerate(ctx.plan.reports):
        year = year_of(report)
        entries = [("policies", "policy", n, told.policy) for n, told in enumerate(report.policies)]
        entries += [("projects", "project", n, result.project) for n, result in enumerate(report.projects)]
        first: dict[tuple[str, str], Path] = {}
        for name, key, n, ident in entries:
            path: Path = ("reports", r, name, n, key)
            if (name, ident) not in first:
                first[name, ident] = path
                continue
            span = ctx.source.span(first[name, ident])
            if name == "policies" and span:
                message = _("policy {id} is told again in the report for {year} (first at line {line})")
            elif name == "policies":
                message = _("policy {id} is told again in the report for {year}")
            elif span:
                message = _("project {id} has another result in the report for {year} (first at line {line})")
            else:
                message = _("project {id} has another result in the report for {year}")
            if name == "policies":
                hint = _("put everything about the policy in one entry; only the first is printed")
            else:
                hint = _("keep one result per project; only the first counts")
            yield Problem(path, message.format(id=ident, year=year, line=span.line if span else None), hint=hint)
