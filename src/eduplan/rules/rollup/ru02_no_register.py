"""An indicator declares a roll-up, but the plan has no register of units.

A roll-up counts the units of the register (``register.yaml`` beside plan.yaml, or ``register/``): without it,
no unit is expected, no form can be sent and every figure would be empty.

*Fails:*

```yaml
# in an indicator:
rollup:
  method: ratio
  collect:
    numerator: {label: จำนวนนักเรียนที่อ่านออกเขียนได้, unit: คน}
    denominator: {label: จำนวนนักเรียนทั้งหมด, unit: คน}
```

*Passes:*

```yaml
# in plan.yaml:
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo}
# in an indicator:
rollup:
  method: ratio
  collect:
    numerator: {label: จำนวนนักเรียนที่อ่านออกเขียนได้, unit: คน}
    denominator: {label: จำนวนนักเรียนทั้งหมด, unit: คน}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

CODE = "RU02"
NAME = "rollup.no-register"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield the first declaration of a plan without units (once: the cause is one)."""
    register = ctx.plan.unit_register
    if register is not None and register.units:
        return
    for path, indicator, _at in ctx.indicators:
        if indicator.rollup is not None:
            yield Problem(
                (*path, "rollup"),
                _("{id} is rolled up from units, but the plan has no register of units").format(id=indicator.id),
                hint=_("list the schools in register.yaml beside plan.yaml (`eduplan register import` reads a list)"),
                key=True,
            )
            return
