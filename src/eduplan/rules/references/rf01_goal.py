"""A goal id in a policy or indicator names no goal of the plan.

Policies and indicators list the goals (เป้าประสงค์) they serve by id, in ``goals``.

*Fails:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
policies:
  - {id: p1, number: "1", title: ความปลอดภัย, goals: [g2]}
```

*Passes:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
policies:
  - {id: p1, number: "1", title: ความปลอดภัย, goals: [g1]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.rules.references.links import unresolved

CODE = "RF01"
NAME = "references.unknown-goal"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each reference to a goal that does not exist."""
    yield from unresolved(ctx, "goal")
