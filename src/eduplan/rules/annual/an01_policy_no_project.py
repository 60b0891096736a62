"""A policy has no project in an annual action plan.

Each year's action plan turns the plan's policies into projects. A policy that no project
implements (``policy:``) gets no money and no activity that year, so nothing moves its
indicators. A warning: some policies are served by other offices' work; accept it then.

*Fails:*

```yaml
policies:
  - {id: p1, number: "1", title: ความปลอดภัย}
  - {id: p2, number: "2", title: คุณภาพผู้เรียน}
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1}
```

*Passes:*

```yaml
policies:
  - {id: p1, number: "1", title: ความปลอดภัย}
  - {id: p2, number: "2", title: คุณภาพผู้เรียน}
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1}
      - {id: x2, name: โครงการยกระดับผลสัมฤทธิ์, policy: p2}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem

CODE = "AN01"
NAME = "annual.policy-no-project"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield, per action plan, each policy no project implements."""
    if ctx.lost_items("action_plans", "projects"):
        return  # a dropped project may implement the policy
    for a, action_plan in enumerate(ctx.plan.action_plans):
        served = {project.policy for project in action_plan.projects}
        for policy in ctx.plan.policies:
            if policy.id not in served:
                yield Problem(
                    ("action_plans", a, "fiscal_year"),
                    f"policy {policy.id} (no. {policy.number}, {policy.title}) has no project in the action plan "
                    f"for fiscal year {action_plan.fiscal_year}",
                    hint=f"add a project with policy: {policy.id}, or accept the finding with the reason",
                )
