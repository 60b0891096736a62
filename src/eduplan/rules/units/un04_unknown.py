"""The unit is not in the list of known units.

A unit outside the office's list is often a variant spelling (``ร้อยละ.`` or ``ร้อย ละ``)
that breaks grouping and totals. The list is configurable (``known-units`` and
``extra-units`` in ``[tool.eduplan]`` or ``eduplan.yaml``).

*Fails:*

```yaml
unit: ร้อย ละ
```

*Passes:*

```yaml
unit: ร้อยละ
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

CODE = "UN04"
NAME = "units.unknown"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each unit missing from ``known-units``."""
    known = ctx.options.known_units
    for path, indicator, _at in ctx.indicators:
        unit = indicator.unit
        if unit is None or unit in known:
            continue
        close = difflib.get_close_matches(unit, sorted(known), n=1, cutoff=0.6)
        if close:
            hint = _("did you mean {close!r}? if the unit is right, add it to extra-units in the configuration").format(
                close=close[0]
            )
        else:
            hint = _("if the unit is right, add it to extra-units in the configuration")
        yield Problem((*path, "unit"), _("unknown unit {unit!r}").format(unit=unit), hint=hint)
