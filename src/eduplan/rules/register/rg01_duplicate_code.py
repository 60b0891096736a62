"""Two units of the register have the same code.

A unit's code (the OBEC school code, or an office's code) is how its return is matched to it: a code given
twice would count one school's return for two, or leave one of them without a return. The first unit of a code
is the one the roll-up reads.

*Fails:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo}
    - {code: "1052140123", name: โรงเรียนลำปางกัลยาณี, parent: demo}
```

*Passes:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบุญวาทย์วิทยาลัย, parent: demo}
    - {code: "1052140124", name: โรงเรียนลำปางกัลยาณี, parent: demo}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.register.units import units

CODE = "RG01"
NAME = "register.duplicate-code"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each unit whose code an earlier unit has."""
    first: dict[str, tuple[Path, str]] = {}
    for path, unit in units(ctx.plan):
        if unit.code not in first:
            first[unit.code] = (path, unit.name)
            continue
        earlier, name = first[unit.code]
        span = ctx.source.span((*earlier, "code"))
        message = _("code {code} is already the code of {name} ({where})").format(
            code=unit.code, name=name, where=span or ".".join(map(str, earlier))
        )
        yield Problem((*path, "code"), message, hint=_("give every unit its own code, as OBEC lists it"))
