"""A mission id in a policy or indicator names no mission of the plan.

Policies and indicators list the missions (พันธกิจ) they serve by id, in ``missions``.

*Fails:*

```yaml
missions:
  - {id: m1, number: "1", text: ส่งเสริมการจัดการศึกษา}
policies:
  - {id: p1, number: "1", title: ความปลอดภัย, missions: [m7]}
```

*Passes:*

```yaml
missions:
  - {id: m1, number: "1", text: ส่งเสริมการจัดการศึกษา}
policies:
  - {id: p1, number: "1", title: ความปลอดภัย, missions: [m1]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.rules.references.links import unresolved

CODE = "RF02"
NAME = "references.unknown-mission"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each reference to a mission that does not exist."""
    yield from unresolved(ctx, "mission")
