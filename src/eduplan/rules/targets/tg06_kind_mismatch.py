"""A target's type does not fit the indicator's kind.

``percent``, ``count`` and ``score`` indicators take numbers or ranges; ``level`` and
``qualitative`` indicators take words (such as ดีมาก). A word target on a numeric indicator,
or a number on a level indicator, cannot be compared with what is achieved. A change target
(``เพิ่มขึ้นร้อยละ 3``, ``{increase: 3}``) counts an amount, so it fits percent, count and score
indicators, not level or qualitative ones, and never a baseline, which is a value measured. A
sub-indicator without a kind takes its parent's.

*Fails:*

```yaml
kind: level
levels: [พอใช้, ดี, ดีมาก]
targets: {2566: เพิ่มขึ้น 1}
```

*Passes:*

```yaml
kind: percent
targets: {2566: เพิ่มขึ้นร้อยละ 3}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import N_, _
from eduplan.model import Change
from eduplan.rules.base import Context, Problem, target_values
from eduplan.rules.kinds import kind_problem

CODE = "TG06"
NAME = "targets.kind-mismatch"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each target (and baseline) whose type contradicts the kind."""
    for path, indicator, at in ctx.indicators:
        for where, label, value in target_values(path, indicator):
            if where[-2:] == ("baseline", "value") and isinstance(value, Change):
                yield Problem(
                    where, _("the baseline is a change ({change})").format(change=value.shown()), hint=_(_BASELINE)
                )
                continue
            problem = kind_problem(label, value, at.kind)
            if problem is not None:
                yield Problem(where, problem[0], hint=problem[1])


_BASELINE = N_("a baseline is the value measured before the plan (or no_data: why there is none); changes are targets")
