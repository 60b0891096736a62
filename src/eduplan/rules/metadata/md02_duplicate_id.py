"""Two items of the plan have the same id.

Ids name items across editions, in acceptances and in references, so each id is used once in
the whole plan: missions, goals, policies, their targets, approaches and indicators, and the
projects of the action plans share one namespace.

*Fails:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
  - {id: g1, number: "2", text: สถานศึกษามีสถานที่ปลอดภัย}
```

*Passes:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
  - {id: g2, number: "2", text: สถานศึกษามีสถานที่ปลอดภัย}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.refs import identified

CODE = "MD02"
NAME = "metadata.duplicate-id"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each id after its first use."""
    first: dict[str, Path] = {}
    for path, item_id in identified(ctx.plan):
        if item_id not in first:
            first[item_id] = path
            continue
        span = ctx.source.span((*first[item_id], "id"))
        if span:
            message = _("id {id!r} is already used at {where}").format(id=item_id, where=span)
        else:
            message = _("id {id!r} is already used").format(id=item_id)
        yield Problem((*path, "id"), message, hint=_("give every item its own id; ids never change once published"))
