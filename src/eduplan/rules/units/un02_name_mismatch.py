"""The indicator's name says one unit and its unit or kind says another.

A name that starts with ร้อยละ (percentage of ...) needs unit ร้อยละ and kind ``percent``; a
name that starts with จำนวน (number of ...) counts things, so its unit is not ร้อยละ and its
kind is ``count``. The targets of such an indicator cannot be read both ways.

*Fails:*

```yaml
name: ร้อยละของโรงเรียนคุณภาพที่บริหารจัดการได้สำเร็จ
unit: โรงเรียน
kind: count
targets: {2566: 2}
```

*Passes:*

```yaml
name: จำนวนโรงเรียนคุณภาพที่บริหารจัดการได้สำเร็จ
unit: โรงเรียน
kind: count
targets: {2566: 2}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.units.words import unit_from_name

CODE = "UN02"
NAME = "units.name-mismatch"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Compare the first word of each name with the unit and kind."""
    for path, indicator, at in ctx.indicators:
        kind = at.kind  # its own, or the kind of the indicator it is part of
        said = unit_from_name(indicator.name)
        if said is None:
            continue
        start = len(indicator.name) - len(indicator.name.lstrip())
        within = (indicator.name, start, start + len(said))
        if said == "ร้อยละ":
            if indicator.unit is not None and indicator.unit != "ร้อยละ":
                yield Problem(
                    (*path, "name"),
                    _("the name says ร้อยละ (a percentage) but the unit is {unit!r}").format(unit=indicator.unit),
                    hint=_("correct the name or the unit; if the published plan says so, accept it with a reason"),
                    within=within,
                )
            elif kind is not None and kind != "percent":
                yield Problem(
                    (*path, "name"),
                    _("the name says ร้อยละ (a percentage) but the kind is {kind}").format(kind=kind),
                    hint=_("set kind: percent, or correct the name"),
                    within=within,
                )
        elif indicator.unit == "ร้อยละ" or kind == "percent":
            if indicator.unit == "ร้อยละ":
                message = _("the name says จำนวน (a count) but the unit is {unit!r}").format(unit=indicator.unit)
            else:
                message = _("the name says จำนวน (a count) but the kind is percent")
            yield Problem(
                (*path, "name"),
                message,
                hint=_("a number of things has a counting unit (คน, โรงเรียน, ...) and kind count"),
                within=within,
            )
