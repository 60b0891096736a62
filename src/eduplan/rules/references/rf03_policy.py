"""A project's policy, or a report's narrative of a policy, names no policy of the plan.

Each project of an annual action plan implements one policy, named by its id in ``policy``; a
performance report tells each policy's results and problems (``policies:``) by the same id.

*Fails:*

```yaml
policies:
  - {id: p1, number: "1", title: ความปลอดภัย}
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p9}
```

*Passes:*

```yaml
policies:
  - {id: p1, number: "1", title: ความปลอดภัย}
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.rules.references.links import unresolved

CODE = "RF03"
NAME = "references.unknown-policy"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each reference to a policy that does not exist."""
    yield from unresolved(ctx, "policy")
