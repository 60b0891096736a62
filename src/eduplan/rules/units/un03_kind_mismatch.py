"""The unit and the kind disagree.

Unit ร้อยละ means kind ``percent``, คะแนน means ``score`` and ระดับ means ``level`` (or
``qualitative``); a counting unit (โรงเรียน, คน, หลักสูตร...) means ``count``.

*Fails:*

```yaml
unit: ร้อยละ
kind: count
```

*Passes:*

```yaml
unit: ร้อยละ
kind: percent
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem, indicators
from eduplan.rules.units.words import KIND_OF_UNIT

CODE = "UN03"
NAME = "units.kind-mismatch"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each indicator whose kind contradicts its unit."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.unit is None:
            continue
        expected = KIND_OF_UNIT.get(indicator.unit.strip())
        if expected is None:
            fits = indicator.kind in ("count", "score")
            expected = "count"
        else:
            fits = indicator.kind == expected or (expected == "level" and indicator.kind == "qualitative")
        if not fits:
            yield Problem(
                (*path, "kind"),
                f"the unit {indicator.unit!r} means kind {expected}, but the kind is {indicator.kind}",
                hint=f"set kind: {expected}, or correct the unit",
            )
