"""A school's code is not an OBEC school code of 10 digits.

OBEC codes its schools with 10 digits (``1052140123``); the forms and returns name a school by it. A code of
another length, or with letters, is usually a typing mistake, or another numbering (the 6-digit Smis code, the
8-digit percode) that the returns will not match.

*Fails:*

```yaml
register:
  units:
    - {code: "52140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo}
```

*Passes:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.register.units import units

CODE = "RG05"
NAME = "register.school-code"
SEVERITY = Severity.WARNING

_OBEC = re.compile(r"[0-9]{10}")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each school whose code is not 10 Arabic digits."""
    for path, unit in units(ctx.plan):
        if unit.kind == "school" and not _OBEC.fullmatch(unit.code):
            yield Problem(
                (*path, "code"),
                _("the code of the school {name} is {code}, not an OBEC school code of 10 digits").format(
                    name=unit.name, code=f"`{unit.code}`"
                ),
                hint=_("write the 10-digit school code (รหัสโรงเรียน 10 หลัก) with Arabic digits"),
            )
