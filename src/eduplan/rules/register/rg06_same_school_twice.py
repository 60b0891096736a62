"""Two units of the register have the same name in the same district under two codes.

A school listed twice (a new code after a merger, a row pasted twice with the code changed) would be expected to
report twice, and its coverage would never reach 100%. Schools of the same name in different districts are
different schools and pass.

*Fails:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบ้านนา, parent: demo, district: เกาะคา}
    - {code: "1052140999", name: โรงเรียนบ้านนา, parent: demo, district: เกาะคา}
```

*Passes:*

```yaml
register:
  units:
    - {code: "1052140123", name: โรงเรียนบ้านนา, parent: demo, district: เกาะคา}
    - {code: "1052140999", name: โรงเรียนบ้านนา, parent: demo, district: แม่ทะ}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.register.units import units

CODE = "RG06"
NAME = "register.same-unit-twice"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each unit whose name, district and province an earlier unit of another code has."""
    first: dict[tuple[str, str | None, str | None], tuple[Path, str]] = {}
    for path, unit in units(ctx.plan):
        key = (" ".join(unit.name.split()), unit.district, unit.province)
        if key not in first:
            first[key] = (path, unit.code)
            continue
        earlier, code = first[key]
        if code == unit.code:
            continue  # RG01
        span = ctx.source.span((*earlier, "name"))
        yield Problem(
            (*path, "name"),
            _("{name} is listed again under another code ({code}; first as {first} at {where})").format(
                name=unit.name, code=unit.code, first=code, where=span or ".".join(map(str, earlier))
            ),
            hint=_("keep one entry per unit; a closed unit keeps its entry with `closed:`"),
        )
