"""An indicator table mixes Thai and Arabic digits.

Thai digits (๐-๙) and Arabic digits (0-9) are both acceptable, but one table should use one
kind: a mixed table is usually a copy-paste from two sources, and readers misread it. The
numbers written in the less common kind are reported (targets, baselines, numbers). A table is a
policy's indicators (of any level) with their sub-indicators, or the plan's standards with their
items; a change target counts by the digits it is written with (เพิ่มขึ้นร้อยละ ๓ is Thai).

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
from eduplan.i18n import _
from eduplan.model import Change, Indicator, Range
from eduplan.model.walk import all_indicators
from eduplan.rules.base import Context, Problem, target_values

CODE = "TX05"
NAME = "text.mixed-digits"
SEVERITY = Severity.WARNING

_THAI = re.compile("[๐-๙]")
_ARABIC = re.compile("[0-9]")


def check(ctx: Context) -> Iterator[Problem]:
    """Per table, compare how its numbers are written."""
    if not ctx.source.thai_digits and _THAI.search(ctx.joined) is None:
        return  # no number anywhere is written with Thai digits: no table can mix them (most plans)
    tables: dict[Path, tuple[list[Path], list[Path]]] = {}
    for at in all_indicators(ctx.plan):
        table = at.path[: at.path.index("indicators")] if at.policy is not None else ("standards",)
        thai, arabic = tables.setdefault(table, ([], []))
        for path, thai_written in _numbers(ctx, at.path, at.indicator):
            (thai if thai_written else arabic).append(path)
    for thai, arabic in tables.values():
        if thai and arabic:
            if len(thai) <= len(arabic):
                minority = thai
                message = _("written with Thai digits in a table that mostly uses Arabic digits")
                hint = _("use Arabic digits throughout the table")
            else:
                minority = arabic
                message = _("written with Arabic digits in a table that mostly uses Thai digits")
                hint = _("use Thai digits throughout the table")
            for path in minority:
                yield Problem(path, message, hint=hint)


def _numbers(ctx: Context, base: Path, indicator: Indicator) -> Iterator[tuple[Path, bool]]:
    """Each number of an indicator's row, and whether it is written with Thai digits."""
    thai_paths = ctx.source.thai_digits
    if _THAI.search(indicator.number):
        yield (*base, "number"), True
    elif _ARABIC.search(indicator.number):
        yield (*base, "number"), False
    for path, _label, value in target_values(base, indicator):
        if isinstance(value, Range):
            yield from (((*path, b), (*path, b) in thai_paths) for b in ("min", "max") if getattr(value, b) is not None)
        elif isinstance(value, Change):
            if value.text is not None:
                if _THAI.search(value.text) or _ARABIC.search(value.text):
                    yield path, bool(_THAI.search(value.text))
            else:
                amount = (*path, "increase" if value.increase is not None else "decrease")
                yield amount, amount in thai_paths
        elif not isinstance(value, str):
            yield path, path in thai_paths
