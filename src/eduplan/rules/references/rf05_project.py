"""A report's project result names no project of the action plans.

A performance report gives results per project of the action plans, by the project's id.

*Fails:*

```yaml
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1}
reports:
  - fiscal_year: 2567
    projects:
      - {project: x2, done: true}
```

*Passes:*

```yaml
action_plans:
  - fiscal_year: 2567
    projects:
      - {id: x1, name: โครงการโรงเรียนปลอดภัย, policy: p1}
reports:
  - fiscal_year: 2567
    projects:
      - {project: x1, done: true}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.rules.references.links import unresolved

CODE = "RF05"
NAME = "references.unknown-project"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each reference to a project that does not exist."""
    yield from unresolved(ctx, "project")
