"""An indicator table mixes Thai and Arabic digits.

Thai digits (๐-๙) and Arabic digits (0-9) are both acceptable, but one table should use one
kind: a mixed table is usually a copy-paste from two sources, and readers misread it. The
numbers written in the less common kind are reported (targets, baselines, numbers).

*Fails:*

```yaml
indicators:
  - {id: i1, number: "1", name: ร้อยละของครู, unit: ร้อยละ, kind: percent, targets: {2566: 80, 2567: ๘๕}}
```

*Passes:*

```yaml
indicators:
  - {id: i1, number: "1", name: ร้อยละของครู, unit: ร้อยละ, kind: percent, targets: {2566: 80, 2567: 85}}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.model import Range
from eduplan.rules.base import Context, Problem, target_values

CODE = "TX05"
NAME = "text.mixed-digits"
SEVERITY = Severity.WARNING

_THAI = re.compile("[๐-๙]")
_ARABIC = re.compile("[0-9]")


def check(ctx: Context) -> Iterator[Problem]:
    """Per policy, compare how the table's numbers are written."""
    thai_paths = ctx.source.thai_digits
    for p, policy in enumerate(ctx.plan.policies):
        thai: list[Path] = []
        arabic: list[Path] = []
        for i, indicator in enumerate(policy.indicators):
            base: Path = ("policies", p, "indicators", i)
            if _THAI.search(indicator.number):
                thai.append((*base, "number"))
            elif _ARABIC.search(indicator.number):
                arabic.append((*base, "number"))
            for path, _, value in target_values(base, indicator):
                if isinstance(value, Range):
                    numbers = [(*path, b) for b in ("min", "max") if getattr(value, b) is not None]
                else:
                    numbers = [] if isinstance(value, str) else [path]
                for number in numbers:
                    (thai if number in thai_paths else arabic).append(number)
        if thai and arabic:
            minority, kind, other = (thai, "Thai", "Arabic") if len(thai) <= len(arabic) else (arabic, "Arabic", "Thai")
            for path in minority:
                yield Problem(
                    path,
                    f"written with {kind} digits in a table that mostly uses {other} digits",
                    hint=f"use {other} digits throughout the table",
                )
