"""A label of the plan cannot be used: it refers to itself, names what is not there, or takes a format.

``labels:`` replaces the words documents print (``policy: กลยุทธ์``; ``en.policy`` for the English
word). A label may name other labels and values in braces (``{policy}ที่ {number}``); one that
names itself through others, names something that is neither a label nor a value, grows past the
limits through the labels it names, or takes a format (``{number:>99999}``) would stop ``render``
and ``diff``: this rule says so at the label, before anything is rendered.

*Fails:*

```yaml
labels:
  policy: "{policy_numbered}"
```

*Passes:*

```yaml
labels:
  policy: กลยุทธ์
```
"""

from __future__ import annotations

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.words.labels import LabelError, Labels

CODE = "MD07"
NAME = "metadata.labels"
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    """Build the words of each language with the plan's labels, as render and diff will."""
    if not ctx.plan.labels:
        return
    for lang in ("th", "en"):
        try:
            Labels(lang, ctx.plan.labels)
        except LabelError as exc:
            key = exc.key if lang == "th" else f"en.{exc.key}"
            where = key if key in ctx.plan.labels else exc.key
            # The error names the label; the finding is at it, so only what is wrong is said.
            yield Problem(("labels", where), exc.detail)
