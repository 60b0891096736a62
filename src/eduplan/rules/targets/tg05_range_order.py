"""A target range is empty or upside down.

A range target (``{min: 70, max: 80}``) needs at least one bound, and its ``min`` cannot be
larger than its ``max``.

*Fails:*

```yaml
targets: {2566: {min: 80, max: 70}}
```

*Passes:*

```yaml
targets: {2566: {min: 70, max: 80}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.model import Range
from eduplan.rules.base import Context, Problem, show, target_values

CODE = "TG05"
NAME = "targets.range-order"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each range with min > max or no bound at all."""
    for path, indicator, _at in ctx.indicators:
        for where, _label, value in target_values(path, indicator):
            if not isinstance(value, Range):
                continue
            if value.min is None and value.max is None:
                yield Problem(where, _("the range has neither min nor max"), hint=_("give min, max or both"))
            elif value.min is not None and value.max is not None and value.min > value.max:
                yield Problem(
                    where,
                    _("the range's min ({min}) is larger than its max ({max})").format(
                        min=show(value.min), max=show(value.max)
                    ),
                    hint=_("swap min and max"),
                )
