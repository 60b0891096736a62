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

from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _, ngettext
from eduplan.rules.base import Context, Problem

CODE = "TX06"
NAME = "text.outer-space"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Yield leading and trailing runs of spaces."""
    for path, text in ctx.texts:
        if not (text[:1].isspace() or text[-1:].isspace()):
            continue  # the common case, settled without a scan
        for (start, end), leading in ((_leading(text), True), (_trailing(text), False)):
            if end > start:
                yield Problem(path, _said(end - start, leading), hint=_("remove the spaces"), within=(text, start, end))


def _blank(char: str) -> bool:
    return char.isspace() and char != "\n"


def _leading(text: str) -> tuple[int, int]:
    """The run of spaces (not line breaks) that starts the text."""
    end = 0
    while end < len(text) and _blank(text[end]):
        end += 1
    return 0, end


def _trailing(text: str) -> tuple[int, int]:
    """The run of spaces (not line breaks) that ends the text, before at most one final line break.

    A scan from the end, in linear time: a regular expression searched for such a run (anchored at
    the end) retries from every space of a long run, which took 28 s on a 40 kB text.
    """
    end = len(text) - 1 if text.endswith("\n") else len(text)
    if text.endswith("\n\n"):
        end -= 1  # "a \n\n": the spaces end before a line break followed by the final one
    start = end
    while start > 0 and _blank(text[start - 1]):
        start -= 1
    return start, end


def _said(count: int, leading: bool) -> str:
    """The message of ``count`` spaces that start (``leading``) or end a text."""
    if leading:
        message = ngettext("the text starts with a space", "the text starts with {count} spaces", count)
    else:
        message = ngettext("the text ends with a space", "the text ends with {count} spaces", count)
    return message.format(count=count)
