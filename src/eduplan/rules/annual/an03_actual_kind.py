"""An actual does not fit its indicator's kind or unit.

What a report gives must be comparable with the targets: one number for ``percent``, ``count``
and ``score`` indicators (a percentage between 0 and 100, a count a whole number, zero or
more), a word for ``level`` and ``qualitative`` ones (one of the indicator's ``levels`` when it
lists them), and never a range: an actual is what was measured. The checks are those of TG01,
TG06, TG07 and TG08 on targets. A sub-indicator or a standard's item without its own kind or
scale takes its parent's; a school's SAR gives a standard the level reached (``value``) and the
score behind it (``score``). For an indicator with change targets (เพิ่มขึ้นร้อยละ 3) too the actual
is the value measured, a number: a change (เพิ่มขึ้นร้อยละ 3.5) cannot be compared with the target,
so it belongs in the actual's ``note``.

*Fails:*

```yaml
# in an indicator:
kind: percent
# in plan.yaml:
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 112}
```

*Passes:*

```yaml
# in an indicator:
kind: percent
# in plan.yaml:
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 87.5}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.model import Change, Range
from eduplan.rules.annual.actuals import Entry, entries, written
from eduplan.rules.base import Context, Problem
from eduplan.rules.kinds import count_problem, kind_problem, level_problem, percent_problems

CODE = "AN03"
NAME = "annual.actual-kind"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield the first thing wrong with each actual's value."""
    for entry in entries(ctx.plan):
        if entry.place is not None and entry.actual.value is not None:
            problem = _problem(entry)
            if problem is not None:
                yield Problem(entry.value_path, problem[0], hint=problem[1])


def _problem(entry: Entry) -> tuple[str, str] | None:
    place, value, label = entry.place, entry.actual.value, entry.label
    assert place is not None
    if isinstance(value, Range):
        return (
            _("{label} is a range ({value}): an actual is one measured value").format(
                label=label, value=written(value)
            ),
            _("give the value measured"),
        )
    if isinstance(value, Change):
        return (
            _("{label} is a change ({change}): an actual is the value measured").format(
                label=label, change=value.shown()
            ),
            _("give the value measured; the change from last year can go in note"),
        )
    kind = place.kind
    problem = kind_problem(label, value, kind)
    if problem is None and kind == "percent":
        problem = next(((m, h) for _sub, m, h in percent_problems(label, value)), None)
    if problem is None and kind == "count":
        problem = count_problem(label, value, place.indicator.unit)
    if problem is None:
        problem = level_problem(value, place.levels, label)
    return problem
