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
from eduplan.i18n import N_, _
from eduplan.model import Change, Range, Target
from eduplan.rules.base import Context, Problem, numeric, show
from eduplan.rules.changes import resolved, written_change

CODE = "TG02"
NAME = "targets.against-direction"
SEVERITY = Severity.ERROR

_CHANGE = {
    "cumulative": N_(
        "target for {year} ({change}) is a decrease; the indicator is cumulative (สะสม): its running totals never fall"
    ),
    "higher-is-better": N_('target for {year} ({change}) is a decrease; the indicator is declared "higher is better"'),
    "lower-is-better": N_('target for {year} ({change}) is an increase; the indicator is declared "lower is better"'),
}
"""A change that goes against the direction, by what the direction is (a cumulative indicator's never falls)."""
_STEP = {
    "cumulative": N_(
        "target for {year} ({value}) is lower than for {before} ({old}); "
        "the indicator is cumulative (สะสม): its running totals never fall"
    ),
    "higher-is-better": N_(
        'target for {year} ({value}) is lower than for {before} ({old}); the indicator is declared "higher is better"'
    ),
    "lower-is-better": N_(
        'target for {year} ({value}) is higher than for {before} ({old}); the indicator is declared "lower is better"'
    ),
}
"""A step back from one year's target to the next, by direction."""
_HINT = N_("check the published table; if the step back is intended, accept the finding with a reason")


def check(ctx: Context) -> Iterator[Problem]:
    """Compare each year's target with the previous year's; judge each change by its sign."""
    for path, indicator, at in ctx.indicators:
        if indicator.cumulative:
            sign, direction = 1, "cumulative"
        elif indicator.direction in _STEP:
            sign = 1 if indicator.direction == "higher-is-better" else -1
            direction = indicator.direction
        else:
            continue
        levels = at.levels or []
        names = resolved(indicator)
        years = sorted(indicator.targets)
        for year in years:
            change = indicator.targets[year]
            if isinstance(change, Change) and sign * change.delta < 0:
                yield Problem(
                    (*path, "targets", year),
                    _(_CHANGE[direction]).format(year=year, change=change.shown()),
                    hint=_(_HINT),
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
                    _(_STEP[direction]).format(
                        year=after, value=_text(new), before=before, old=_text(old, names.get(before))
                    ),
                    hint=_(_HINT),
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
