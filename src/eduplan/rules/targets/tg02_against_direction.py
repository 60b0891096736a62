"""A target goes against the indicator's direction from one year to the next.

For a "higher is better" indicator (the default ``direction``) each year's target should be
at least the previous year's; for "lower is better", at most. A backwards step is usually a
typing mistake in the published table. Numbers, ranges (compared bound by bound) and levels
(by their place in ``levels``, a sub-indicator's scale being its parent's when it has none) are
compared; ``maintain`` indicators are not checked. A change target says its own direction: an
increase on a "lower is better" indicator (or a decrease on "higher is better") goes against it,
and the value it names, when known, is compared with the next year's. The targets of a
``cumulative`` indicator (สะสม) are running totals: they never fall, whatever the direction.

*Fails:*

```yaml
direction: higher-is-better
targets: {2566: 85, 2567: 84, 2568: 86}
```

*Passes:*

```yaml
direction: lower-is-better
cumulative: true
targets: {2566: 10, 2567: 20, 2568: 30}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.model import Change, Range, Target
from eduplan.rules.base import Context, Problem, numeric, show
from eduplan.rules.changes import resolved, written_change

CODE = "TG02"
NAME = "targets.against-direction"
SEVERITY = Severity.ERROR

_WORDS = {"higher-is-better": ("lower", "higher is better"), "lower-is-better": ("higher", "lower is better")}
_HINT = "check the published table; if the step back is intended, accept the finding with a reason"


def check(ctx: Context) -> Iterator[Problem]:
    """Compare each year's target with the previous year's; judge each change by its sign."""
    for path, indicator, at in ctx.indicators:
        if indicator.cumulative:
            sign, worse, why = 1, "lower", "the indicator is cumulative (สะสม): its running totals never fall"
        elif indicator.direction in _WORDS:
            sign = 1 if indicator.direction == "higher-is-better" else -1
            worse, declared = _WORDS[indicator.direction]
            why = f'the indicator is declared "{declared}"'
        else:
            continue
        levels = at.levels or []
        names = resolved(indicator)
        years = sorted(indicator.targets)
        for year in years:
            change = indicator.targets[year]
            if isinstance(change, Change) and sign * change.delta < 0:
                what = "a decrease" if change.delta < 0 else "an increase"
                yield Problem(
                    (*path, "targets", year),
                    f"target for {year} ({change.shown()}) is {what}; {why}",
                    hint=_HINT,
                )
        for before, after in zip(years, years[1:], strict=False):
            old, new = indicator.targets[before], indicator.targets[after]
            if isinstance(new, Change):
                continue  # judged by its sign above
            old_key, new_key = _rank(old, levels, names.get(before)), _rank(new, levels, None)
            if old_key is None or new_key is None or len(old_key) != len(new_key):
                continue
            if any(sign * (n - o) < 0 for o, n in zip(old_key, new_key, strict=True)):
                yield Problem(
                    (*path, "targets", after),
                    f"target for {after} ({_text(new)}) is {worse} than for {before} "
                    f"({_text(old, names.get(before))}); {why}",
                    hint=_HINT,
                )


def _rank(value: Target, levels: list[str], named: float | None) -> tuple[float, ...] | None:
    if isinstance(value, Change):
        return None if named is None else (named,)
    if isinstance(value, Range):
        if value.min is None or value.max is None:
            return None
        return (value.min, value.max)
    if isinstance(value, str):
        return (float(levels.index(value)),) if value in levels else None
    number = numeric(value)
    return None if number is None else (number,)


def _text(value: Target, named: float | None = None) -> str:
    if isinstance(value, Change):
        return written_change(value, named)
    if isinstance(value, Range):
        return f"{show(value.min)}-{show(value.max)}"
    return show(value)
