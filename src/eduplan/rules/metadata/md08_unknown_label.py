"""A key of ``labels:`` names no word eduplan prints (a typo, usually), so it changes nothing.

The keys are those of eduplan's label table (``eduplan`` prints them in documents and diffs:
``vision``, ``policy``, ``policy_numbered``, ...); ``en.KEY`` is the English word of ``KEY``.

*Fails:*

```yaml
labels:
  polcy: กลยุทธ์
```

*Passes:*

```yaml
labels:
  policy: กลยุทธ์
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.words.labels import LABELS, unknown_label_keys

CODE = "MD08"
NAME = "metadata.unknown-label"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Name each key that is not a label."""
    for key in unknown_label_keys(ctx.plan.labels):
        near = difflib.get_close_matches(key.removeprefix("en."), list(LABELS), n=1)
        hint = (
            _("did you mean {close!r}?").format(close=near[0])
            if near
            else _("see the labels in eduplan's documentation")
        )
        message = _("{key!r} is not a label eduplan prints; it is ignored").format(key=key)
        yield Problem(("labels", key), message, hint=hint, key=True)
