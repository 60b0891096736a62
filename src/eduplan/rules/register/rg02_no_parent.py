"""A school of the register belongs to no office.

Every school is under an office (สังกัด): its ``parent`` names the office's code (the plan's office code, or the
plan's id, for the office that keeps the register). A school without one is counted by no office, and a national
roll-up cannot tell where its figures belong.

*Fails:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย}
```

*Passes:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.register.units import own_codes, units

CODE = "RG02"
NAME = "register.no-parent"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each school without a parent."""
    own = sorted(own_codes(ctx.plan))
    for path, unit in units(ctx.plan):
        if unit.kind == "school" and unit.parent is None:
            yield Problem(
                path,
                _("the school {name} ({code}) belongs to no office: it has no `parent`").format(
                    name=unit.name, code=unit.code
                ),
                hint=_("give the code of its office, such as {example}").format(example=f"`parent: {own[0]}`"),
            )
