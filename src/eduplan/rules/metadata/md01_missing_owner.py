"""An indicator has no owner (or leaves empty another column the configuration requires).

The owner column (ผู้รับผิดชอบ) says who answers for the indicator (or, in many plans, which
higher plan it comes from). An indicator nobody owns is not followed up. A plan published without
an owner column (no indicator of the table has one) is not asked for owners; a sub-indicator takes
the owner of the indicator it is part of, and a group is judged through its parts.

The configuration's ``required`` makes columns required or not for a plan: ``required: [owner,
baseline]`` asks every indicator for an owner and a baseline (``baseline`` and ``source`` are
reported here, ``unit`` by UN01); ``required: []`` asks for none.

*Fails:*

```yaml
indicators:
  - {id: p5-i4, number: "4", name: ร้อยละของสถานศึกษาที่มีแผน, unit: ร้อยละ, kind: percent, owner: กลุ่มนโยบายและแผน}
  - {id: p5-i5, number: "5", name: สำนักงานเขตพื้นที่มีระบบบริหารจัดการตามมาตรฐาน, unit: ระดับ, kind: level}
```

*Passes:*

```yaml
indicators:
  - {id: p5-i4, number: "4", name: ร้อยละของสถานศึกษาที่มีแผน, unit: ร้อยละ, kind: percent, owner: กลุ่มนโยบายและแผน}
  - id: p5-i5
    number: "5"
    name: สำนักงานเขตพื้นที่มีระบบบริหารจัดการตามมาตรฐาน
    unit: ระดับ
    kind: level
    owner: กลุ่มนโยบายและแผน
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import N_, _
from eduplan.rules.base import Context, Problem
from eduplan.rules.columns import missing

CODE = "MD01"
NAME = "metadata.missing-owner"
SEVERITY = Severity.ERROR

_WORDS = {
    "owner": (N_("indicator {id} has no owner"), N_("add owner: the group or person responsible")),
    "baseline": (
        N_("indicator {id} has no baseline"),
        N_("add baseline: {year, value}, or no_data: why there is none"),
    ),
    "source": (N_("indicator {id} has no source"), N_("add source: where the indicator's data comes from")),
}
"""Per column but the unit (UN01's): the message and the hint."""


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each indicator without an owner (or another required column but the unit)."""
    for column, (message, hint) in _WORDS.items():
        for at in missing(ctx, column):
            yield Problem((*at.path, column), _(message).format(id=at.indicator.id), hint=_(hint))
