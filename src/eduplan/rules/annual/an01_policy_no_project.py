"""A policy has no project in an annual action plan.

Each year's action plan turns the plan's policies into projects. A policy that no project
implements (``policy:``) gets no money and no activity that year, so nothing moves its
indicators. A warning: some policies are served by other offices' work; accept it then.
In a plan of several levels (ประเด็นยุทธศาสตร์ -> กลยุทธ์) a project may name a policy of any
level: a policy is served by the projects of the policies it holds and of the one that holds it,
and a policy none of whose levels has a project is reported once, at its highest level.

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
from eduplan.i18n import _
from eduplan.model.walk import PolicyAt, all_policies
from eduplan.rules.base import Context, Problem, year_key, year_of

CODE = "AN01"
NAME = "annual.policy-no-project"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield, per action plan, each policy no project implements (at the highest level without one)."""
    if ctx.lost_items("action_plans", "projects"):
        return  # a dropped project may implement the policy
    places = list(all_policies(ctx.plan))
    for a, action_plan in enumerate(ctx.plan.action_plans):
        served = {project.policy for project in action_plan.projects}
        covered = _covered(places, served)
        for at in places:
            if at.policy.id in covered or (at.parents and at.parents[-1].id not in covered):
                continue  # served, or inside a policy reported already
            yield Problem(
                ("action_plans", a, year_key(action_plan)),
                _("policy {id} (no. {number}, {title}) has no project in the action plan for {year}").format(
                    id=at.policy.id, number=at.policy.number, title=at.policy.title, year=year_of(action_plan)
                ),
                hint=_("add a project with policy: {id}, or accept the finding with the reason").format(
                    id=at.policy.id
                ),
            )


def _covered(places: list[PolicyAt], served: set[str]) -> set[str]:
    """Policies a project implements: itself, a policy it holds (at any depth) or one that holds it."""
    covered: set[str] = set()
    for at in places:
        line = [*at.parents, at.policy]
        if at.policy.id in served:
            covered.update(p.id for p in line)  # it and the policies holding it
        if any(p.id in served for p in at.parents):
            covered.add(at.policy.id)  # a project of a policy holding it
    return covered
