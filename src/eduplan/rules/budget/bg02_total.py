"""An action plan's project budgets do not add up to its declared total budget.

When an action plan declares ``total_budget`` and its projects give budgets, the projects must
add up to the total, to the satang. A project planned over several years counts with its
budget of the action plan's year (``budgets: {2567: ...}``); a project without a budget counts as
nothing, and the message says how many there are.

*Fails:*

```yaml
action_plans:
  - fiscal_year: 2567
    total_budget: 500000
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1, budget: 120000}
      - {id: x2, name: โครงการยกระดับผลสัมฤทธิ์, policy: p1, budget: 250000}
```

*Passes:*

```yaml
action_plans:
  - fiscal_year: 2567
    total_budget: 370000
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1, budget: 120000}
      - {id: x2, name: โครงการยกระดับผลสัมฤทธิ์, policy: p1, budget: 250000}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem, budget_of, year_of
from eduplan.words.money import baht, difference, differs, total

CODE = "BG02"
NAME = "budget.total"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each action plan whose projects miss the declared total."""
    if ctx.lost_items("action_plans", "projects"):
        return  # a dropped project's budget is unknown
    for a, action_plan in enumerate(ctx.plan.action_plans):
        declared = action_plan.total_budget
        found = (budget_of(p, action_plan.year) for p in action_plan.projects)
        budgets = [budget for budget in found if budget is not None]
        if declared is None or not budgets:
            continue
        got = total(budgets)
        if not differs(got, declared):
            continue
        without = len(action_plan.projects) - len(budgets)
        if without:
            message = _(
                "the budgets of the {count} projects of {year} add up to {sum} baht, not the declared total of "
                "{total} baht: {difference}; {without} of {projects} projects give no budget"
            )
        else:
            message = _(
                "the budgets of the {count} projects of {year} add up to {sum} baht, not the declared total of "
                "{total} baht: {difference}"
            )
        yield Problem(
            ("action_plans", a, "total_budget"),
            message.format(
                count=len(budgets),
                year=year_of(action_plan),
                sum=baht(got),
                total=baht(declared),
                difference=difference(got, declared),
                without=without,
                projects=len(action_plan.projects),
            ),
            hint=_("correct a project's budget or total_budget"),
        )
