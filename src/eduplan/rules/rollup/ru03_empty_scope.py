"""No unit of the register falls within a roll-up's scope.

A scope names the kind, levels, sizes, districts, provinces or parents of the units an indicator counts. When no
unit of the register has them (a district spelled otherwise than in the register, a level no school teaches),
the indicator expects no return at all, in any year.

*Fails:*

```yaml
# in plan.yaml:
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo, district: เมืองลำปาง}
# in an indicator:
rollup:
  method: share
  collect: {value: {label: ผ่านการประเมิน, yes_no: true}}
  condition: {yes: true}
  scope: {districts: [เมือง]}
```

*Passes:*

```yaml
# in plan.yaml:
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo, district: เมืองลำปาง}
# in an indicator:
rollup:
  method: share
  collect: {value: {label: ผ่านการประเมิน, yes_no: true}}
  condition: {yes: true}
  scope: {districts: [เมืองลำปาง]}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.model.expected import in_scope, kind_of
from eduplan.rules.base import Context, Problem

CODE = "RU03"
NAME = "rollup.empty-scope"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each declaration whose scope takes no unit of the register, whatever the dates."""
    register = ctx.plan.unit_register
    if register is None or not register.units:
        return  # RU02
    for path, indicator, _at in ctx.indicators:
        rollup = indicator.rollup
        if rollup is None:
            continue
        kind = kind_of(register, rollup.scope)
        if not any(in_scope(unit, rollup.scope, kind) for unit in register.units):
            yield Problem(
                (*path, "rollup", "scope"),
                _("no unit of the register is within the scope of {id}: it expects no return").format(id=indicator.id),
                hint=_("write the districts, provinces, sizes and levels as the register writes them"),
                key=True,
            )
