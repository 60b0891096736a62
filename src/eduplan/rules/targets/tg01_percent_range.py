"""A percentage target or baseline lies outside 0..100.

Indicators of kind ``percent`` measure a share: every target, range bound and baseline value
must lie between 0 and 100. A change target (``เพิ่มขึ้นร้อยละ 3``: 3 points more) is judged by the
value it names, when the value it counts from is known (the baseline's, or the previous year's
target): 3 more than a baseline of 98 is 101. The change alone is never out of range.

*Fails:*

```yaml
kind: percent
targets: {2566: 80, 2567: 105}
```

*Passes:*

```yaml
kind: percent
baseline: {year: 2565, value: 80}
targets: {2566: เพิ่มขึ้นร้อยละ 3, 2567: เพิ่มขึ้นร้อยละ 3}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.model import Change
from eduplan.rules.base import Context, Problem, target_values
from eduplan.rules.changes import resolved, written_change
from eduplan.rules.kinds import percent_problems

CODE = "TG01"
NAME = "targets.percent-range"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield every percent value outside 0..100."""
    for path, indicator, at in ctx.indicators:
        if at.kind != "percent":
            continue
        names = resolved(indicator)
        for where, label, value in target_values(path, indicator):
            if isinstance(value, Change):
                named = names.get(where[-1]) if isinstance(where[-1], int) else None
                if named is not None:
                    # TRANSLATORS: "target for 2567 (เพิ่มขึ้นร้อยละ 3, that is 101)".
                    shown = _("{label} ({change})").format(label=label, change=written_change(value, named))
                    yield from (Problem(where, m, hint=h) for _sub, m, h in percent_problems(shown, named, plain=True))
                continue
            for sub, message, hint in percent_problems(label, value):
                yield Problem((*where, *sub), message, hint=hint)
