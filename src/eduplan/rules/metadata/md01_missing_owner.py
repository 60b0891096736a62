"""An indicator has no owner.

The owner column (ผู้รับผิดชอบ) says who answers for the indicator (or, in many plans, which
higher plan it comes from). An indicator nobody owns is not followed up.

*Fails:*

```yaml
# in an indicator:
id: p5-i5
name: สำนักงานเขตพื้นที่มีระบบบริหารจัดการตามมาตรฐาน
unit: ระดับ
owner:
```

*Passes:*

```yaml
# in an indicator:
id: p5-i5
name: สำนักงานเขตพื้นที่มีระบบบริหารจัดการตามมาตรฐาน
unit: ระดับ
owner: กลุ่มนโยบายและแผน
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem, indicators

CODE = "MD01"
NAME = "metadata.missing-owner"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each indicator without an owner."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.owner is None or not indicator.owner.strip():
            yield Problem(
                (*path, "owner"),
                f"indicator {indicator.id} has no owner",
                hint="add owner: the group or person responsible",
            )
