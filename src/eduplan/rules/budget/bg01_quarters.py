"""A project's quarter budgets do not add up to its budget.

A project of an annual action plan plans its budget per quarter of the fiscal year (Q1 =
October-December). When the project gives both a budget and quarter budgets, the quarters must
add up to the budget, to the satang (a quarter without a budget counts as nothing). A project
planned over several years (``budgets: {2567: ..., 2568: ...}``) is judged on the year of its
action plan.

*Fails:*

```yaml
projects:
  - id: x1
    name: โครงการโรงเรียนปลอดภัย
    policy: p1
    budget: 120000
    quarters:
      1: {budget: 20000}
      2: {budget: 40000}
      3: {budget: 40000}
      4: {budget: 10000}
```

*Passes:*

```yaml
projects:
  - id: x1
    name: โครงการโรงเรียนปลอดภัย
    policy: p1
    budget: 120000
    quarters:
      1: {budget: 20000}
      2: {budget: 40000}
      3: {budget: 40000}
      4: {budget: 20000}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem, budget_of, year_of
from eduplan.words.money import baht, difference, differs, total

CODE = "BG01"
NAME = "budget.quarters-sum"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each project whose quarter budgets miss its budget."""
    for a, action_plan in enumerate(ctx.plan.action_plans):
        for x, project in enumerate(action_plan.projects):
            quarters = sorted(project.quarters.items())
            planned = {q: quarter.budget for q, quarter in quarters if quarter.budget is not None}
            budget = budget_of(project, action_plan.year)
            if budget is None or not planned:
                continue
            got = total(planned.values())
            if not differs(got, budget):
                continue
            # TRANSLATORS: one quarter's budget in a sum: "Q1 30,000".
            quarter = _("Q{quarter} {amount}")
            terms = " + ".join(quarter.format(quarter=q, amount=baht(amount)) for q, amount in planned.items())
            where = ("budget",) if project.budget is not None else ("budgets", action_plan.year)
            yield Problem(
                ("action_plans", a, "projects", x, *where),
                _(
                    "the quarter budgets of project {id} ({terms} = {sum} baht) do not add up to its "
                    "budget of {budget} baht in {year}: {difference}"
                ).format(
                    id=project.id,
                    terms=terms,
                    sum=baht(got),
                    budget=baht(budget),
                    year=year_of(action_plan),
                    difference=difference(got, budget),
                ),
                hint=_("correct a quarter's budget or the project's budget"),
            )
