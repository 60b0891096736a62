"""The unit and the kind disagree.

Unit ร้อยละ means kind ``percent``, คะแนน means ``score`` and ระดับ means ``level`` (or
``qualitative``); a counting unit (โรงเรียน, คน, หลักสูตร...) means ``count``. A sub-indicator
without its own kind has the kind of the indicator it is part of; a group of sub-indicators with
no kind at all is judged through its parts.

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
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.units.words import KIND_OF_UNIT

CODE = "UN03"
NAME = "units.kind-mismatch"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each indicator whose kind contradicts its unit."""
    for path, indicator, at in ctx.indicators:
        kind = at.kind
        if indicator.unit is None or kind is None:
            continue  # a group of sub-indicators without a kind is judged through its parts
        expected = KIND_OF_UNIT.get(indicator.unit.strip())
        if expected is None:
            fits = kind in ("count", "score")
            expected = "count"
        else:
            fits = kind == expected or (expected == "level" and kind == "qualitative")
        if not fits:
            if indicator.kind:
                message = _("the unit {unit!r} means kind {expected}, but the kind is {kind}")
            else:
                message = _(
                    "the unit {unit!r} means kind {expected}, but the kind is {kind} (from the indicator it is part of)"
                )
            yield Problem(
                (*path, "kind"),
                message.format(unit=indicator.unit, expected=expected, kind=kind),
                hint=_("set kind: {expected}, or correct the unit").format(expected=expected),
            )
