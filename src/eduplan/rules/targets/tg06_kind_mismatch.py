"""A target's type does not fit the indicator's kind.

``percent``, ``count`` and ``score`` indicators take numbers or ranges; ``level`` and
``qualitative`` indicators take words (such as ดีมาก). A word target on a numeric indicator,
or a number on a level indicator, cannot be compared with what is achieved.

*Fails:*

```yaml
kind: percent
targets: {2566: ดีมาก}
```

*Passes:*

```yaml
kind: level
levels: [พอใช้, ดี, ดีมาก]
targets: {2566: ดีมาก}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Severity
from ..base import Context, Problem, indicators, show, target_values

CODE = "TG06"
NAME = "targets.kind-mismatch"
SEVERITY = Severity.ERROR

_WORD_KINDS = ("level", "qualitative")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each target (and baseline) whose type contradicts the kind."""
    for path, indicator, _ in indicators(ctx.plan):
        wants_words = indicator.kind in _WORD_KINDS
        for where, label, value in target_values(path, indicator):
            is_word = isinstance(value, str)
            if is_word and not wants_words:
                yield Problem(
                    where,
                    f"{label} is the word {value!r}, but the indicator is of kind {indicator.kind}",
                    hint="give a number, or set kind to level (with levels) or qualitative",
                )
            elif wants_words and not is_word:
                yield Problem(
                    where,
                    f"{label} is {show(value) if not isinstance(value, dict) else 'a range'}, "
                    f"but the indicator is of kind {indicator.kind}",
                    hint="give the level as a word, or set kind to percent, count or score",
                )
