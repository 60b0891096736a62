"""A unit's parent is not an office the register or the plan knows.

A ``parent`` names an office: the code of an office unit of the register, or the plan's own office (its
``office.code``, or the plan's id). A parent that is neither (a mistyped code), that is a school, or that is the
unit itself leaves the unit outside every office's roll-up.

*Fails:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: "52010001"}
```

*Passes:*

```yaml
register:
  units:
    - {code: "52010000", name: สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาลำปาง ลำพูน, kind: office, parent: demo}
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: "52010000"}
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.register.units import own_codes, units

CODE = "RG03"
NAME = "register.unknown-parent"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each unit whose parent is unknown, a school, or itself."""
    register = ctx.plan.unit_register
    if register is None:
        return
    by_code = register.by_code()
    offices = {code for code, unit in by_code.items() if unit.kind == "office"} | own_codes(ctx.plan)
    for path, unit in units(ctx.plan):
        parent = unit.parent
        if parent is None or parent in offices and parent != unit.code:
            continue
        where = (*path, "parent")
        if parent == unit.code:
            yield Problem(where, _("{name} ({code}) names itself as its parent").format(name=unit.name, code=parent))
        elif parent in by_code:
            yield Problem(
                where,
                _("the parent of {name} is {parent}, which is a school, not an office").format(
                    name=unit.name, parent=f"{by_code[parent].name} ({parent})"
                ),
                hint=_("a parent is the office the unit belongs to"),
            )
        else:
            close = difflib.get_close_matches(parent, sorted(offices), n=1, cutoff=0.75)
            yield Problem(
                where,
                _("the parent of {name} is {parent}, which is no office of the register or of the plan").format(
                    name=unit.name, parent=f"`{parent}`"
                ),
                hint=_("did you mean {word}?").format(word=f"`{close[0]}`")
                if close
                else _("add the office to the register (`kind: office`), or name the plan's office"),
            )
