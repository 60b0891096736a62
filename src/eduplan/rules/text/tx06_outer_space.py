"""A text starts or ends with spaces.

Leading and trailing spaces (including no-break spaces and tabs) are invisible in the
published document but make two equal texts differ, in diffs and in grouping (owners, units).

*Fails:*

```yaml
owner: "สพฐ. 66-70 "
```

*Passes:*

```yaml
owner: สพฐ. 66-70
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem

CODE = "TX06"
NAME = "text.outer-space"
SEVERITY = Severity.WARNING

_LEADING = re.compile(r"^[^\S\n]+")
_TRAILING = re.compile(r"[^\S\n]+(?=\n?$)")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield leading and trailing runs of spaces."""
    for path, text in ctx.texts:
        if not (text[:1].isspace() or text[-1:].isspace()):
            continue  # the common case, settled without a regex
        for pattern, where in ((_LEADING, "starts"), (_TRAILING, "ends")):
            match = pattern.search(text)
            if match and match.group():
                yield Problem(
                    path,
                    f"the text {where} with {_count(match.group())}",
                    hint="remove the spaces",
                    within=(text, match.start(), match.end()),
                )


def _count(spaces: str) -> str:
    return "a space" if len(spaces) == 1 else f"{len(spaces)} spaces"
