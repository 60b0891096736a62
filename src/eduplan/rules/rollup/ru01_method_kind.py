"""The roll-up's method gives a figure of another kind than the indicator's.

A share is a percentage of units; a ratio of two sums, per 100, a percentage; a count is a number of units; a
list gives words, for a qualitative indicator. An indicator of kind ``percent`` rolled up as a ``count`` (or a
``count`` as a ``share``) would write actuals the indicator cannot hold.

*Fails:*

```yaml
# in an indicator:
kind: count
rollup:
  method: share
  collect: {value: {label: มีห้องสมุดที่มีคุณภาพ, yes_no: true}}
  condition: {yes: true}
```

*Passes:*

```yaml
# in an indicator:
kind: percent
rollup:
  method: share
  collect: {value: {label: มีห้องสมุดที่มีคุณภาพ, yes_no: true}}
  condition: {yes: true}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

CODE = "RU01"
NAME = "rollup.method-kind"
SEVERITY = Severity.ERROR

_FITS: dict[str, tuple[str, ...]] = {
    "share": ("percent",),
    "count": ("count",),
    "sum": ("count", "score"),
    "mean": ("score", "percent", "count"),
    "latest": ("percent", "count", "score", "level", "qualitative"),
    "list": ("qualitative",),
}


def fits(method: str, per: float | None) -> tuple[str, ...]:
    """The kinds of indicator a method's figure can be (a ratio: a percent per 100, any number else)."""
    if method == "ratio":
        return ("percent",) if per is None or per == 100 else ("score", "count")
    return _FITS[method]


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each declaration whose figure does not fit its indicator's kind."""
    for path, indicator, at in ctx.indicators:
        rollup = indicator.rollup
        kind = at.kind
        if rollup is None or kind is None:
            continue
        allowed = fits(rollup.method, rollup.per)
        if kind not in allowed:
            yield Problem(
                (*path, "rollup", "method"),
                _("`method: {method}` gives a figure of kind {allowed}, but the indicator is `kind: {kind}`").format(
                    method=rollup.method, allowed=", ".join(f"`{k}`" for k in allowed), kind=kind
                ),
                hint=_("choose the method that makes the indicator's figure, or correct its kind"),
            )
