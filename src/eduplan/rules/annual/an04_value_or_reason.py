"""An actual gives both a value and a no-data reason, or neither.

Each actual of a report says what was achieved (``value``) or why nothing can be said
(``no_data``: the reason). Both at once is a contradiction; neither leaves the reader guessing
(the status is *no data* without a reason).

*Fails:*

```yaml
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 87, no_data: ยังไม่ประกาศผล}
      - {indicator: p1-i2}
```

*Passes:*

```yaml
reports:
  - fiscal_year: 2567
    actuals:
      - {indicator: p1-i1, value: 87}
      - {indicator: p1-i2, no_data: ยังไม่ประกาศผล}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.annual.actuals import entries, written
from eduplan.rules.base import Context, Problem

CODE = "AN04"
NAME = "annual.value-or-reason"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each actual with both a value and no_data, or with neither."""
    for entry in entries(ctx.plan):
        actual = entry.actual
        if actual.value is not None and actual.no_data is not None:
            yield Problem(
                entry.value_path,
                _("{label} gives both a value ({value}) and no_data ({no_data!r})").format(
                    label=entry.label, value=written(actual.value), no_data=actual.no_data
                ),
                hint=_("keep the value and remove no_data, or the other way round"),
            )
        elif actual.value is None and actual.no_data is None:
            yield Problem(
                entry.value_path,
                _("{label} gives neither a value nor a no_data reason").format(label=entry.label),
                hint=_("give the value, or no_data: why there is none"),
            )
