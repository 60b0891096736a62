"""An indicator has no unit.

The unit column (หน่วยนับ) tells readers what the targets count: ร้อยละ, โรงเรียน, คน...
Without it a target of 100 can mean a hundred schools or everyone.

A table published without a unit column (no indicator of it has a unit; a school's standards,
whose values are levels) is not asked for units, nor is a level indicator with its scale of
``levels`` (the scale says what its values are). A sub-indicator takes the unit of the indicator it
is part of, and a group that only holds sub-indicators (no kind) is judged through its parts. The
configuration's ``required`` (``required: [owner, unit]``) makes the unit required of every
indicator but groups, or of none when it leaves ``unit`` out.

*Fails:*

```yaml
indicators:
  - {id: p1-i1, number: "1", name: ร้อยละของสถานศึกษาที่มีระบบป้องกันภัย, unit: ร้อยละ, kind: percent}
  - {id: p1-i2, number: "2", name: ร้อยละของครูที่ผ่านการอบรม, kind: percent}
```

*Passes:*

```yaml
indicators:
  - {id: p1-i1, number: "1", name: ร้อยละของสถานศึกษาที่มีระบบป้องกันภัย, unit: ร้อยละ, kind: percent}
  - id: p1-i2
    number: "2"
    name: ระดับคุณภาพของสถานศึกษา
    kind: level
    levels: [ปรับปรุง, พอใช้, ดี]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.columns import missing
from eduplan.rules.kinds import WORD_KINDS
from eduplan.rules.units.words import unit_from_name

CODE = "UN01"
NAME = "units.missing"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each indicator without a unit (where units are required)."""
    for at in missing(ctx, "unit"):
        if ctx.options.required is None and at.kind in WORD_KINDS and at.levels:
            continue  # the scale of levels is what its values are
        guess = unit_from_name(at.indicator.name)
        yield Problem(
            (*at.path, "unit"),
            _("indicator {id} has no unit").format(id=at.indicator.id),
            hint=_("add unit: {unit} (the name starts with it)").format(unit=guess)
            if guess
            else _("add the unit of measure"),
        )
