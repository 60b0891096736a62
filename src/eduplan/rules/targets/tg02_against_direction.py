"""A target goes against the indicator's direction from one year to the next.

For a "higher is better" indicator (the default ``direction``) each year's target should be
at least the previous year's; for "lower is better", at most. A backwards step is usually a
typing mistake in the published table. Numbers, ranges (compared bound by bound) and levels
(by their place in ``levels``) are compared; ``maintain`` indicators are not checked.

*Fails:*

```yaml
direction: higher-is-better
targets: {2566: 85, 2567: 84, 2568: 86}
```

*Passes:*

```yaml
direction: higher-is-better
targets: {2566: 84, 2567: 85, 2568: 86}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.model import Indicator, Range, Target
from eduplan.rules.base import Context, Problem, indicators, numeric, show

CODE = "TG02"
NAME = "targets.against-direction"
SEVERITY = Severity.ERROR

_WORDS = {"higher-is-better": ("lower", "higher is better"), "lower-is-better": ("higher", "lower is better")}


def check(ctx: Context) -> Iterator[Problem]:
    """Compare each year's target with the previous year's."""
    for path, indicator, _ in indicators(ctx.plan):
        if indicator.direction not in _WORDS:
            continue
        sign = 1 if indicator.direction == "higher-is-better" else -1
        worse, declared = _WORDS[indicator.direction]
        years = sorted(indicator.targets)
        for before, after in zip(years, years[1:], strict=False):
            old, new = indicator.targets[before], indicator.targets[after]
            old_key, new_key = _rank(old, indicator), _rank(new, indicator)
            if old_key is None or new_key is None or len(old_key) != len(new_key):
                continue
            if any(sign * (n - o) < 0 for o, n in zip(old_key, new_key, strict=True)):
                yield Problem(
                    (*path, "targets", after),
                    f"target for {after} ({_text(new)}) is {worse} than for {before} ({_text(old)}); "
                    f'the indicator is declared "{declared}"',
                    hint="check the published table; if the step back is intended, accept the finding with a reason",
                )


def _rank(value: Target, indicator: Indicator) -> tuple[float, ...] | None:
    if isinstance(value, Range):
        if value.min is None or value.max is None:
            return None
        return (value.min, value.max)
    if isinstance(value, str):
        levels = indicator.levels or []
        return (float(levels.index(value)),) if value in levels else None
    number = numeric(value)
    return None if number is None else (number,)


def _text(value: Target) -> str:
    if isinstance(value, Range):
        return f"{show(value.min)}-{show(value.max)}"
    return show(value)
