"""An indicator has no unit.

The unit column (หน่วยนับ) tells readers what the targets count: ร้อยละ, โรงเรียน, คน...
Without it a target of 100 can mean a hundred schools or everyone.

*Fails:*

```yaml
name: ร้อยละของสถานศึกษาที่มีระบบป้องกันภัย
unit:
kind: percent
targets: {2566: 100}
```

*Passes:*

```yaml
name: ร้อยละของสถานศึกษาที่มีระบบป้องกันภัย
unit: ร้อยละ
kind: percent
targets: {2566: 100}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem, indicators
from eduplan.rules.units.words import unit_from_name

CODE = "UN01"
NAME = "units.missing"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each indicator without a unit."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.unit is None:
            guess = unit_from_name(indicator.name)
            yield Problem(
                (*path, "unit"),
                f"indicator {indicator.id} has no unit",
                hint=f"add unit: {guess} (the name starts with it)" if guess else "add the unit of measure",
            )
