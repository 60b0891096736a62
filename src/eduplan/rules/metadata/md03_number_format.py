"""A published number is malformed.

Item numbers are digits separated by dots (``3``, ``3.2.11``), at every level of the plan: policies
of each level, their goals, targets, approaches and indicators, sub-indicators, standards and their
items. The other usual ways of numbering a list are well formed too: ``1.``, ``1)``, ``(1)``, Thai
letters ``ก.``, ``ข)``, ``(ค)``, and Word's Latin letters and Roman numerals (``a)``, ``iv.``). A
space or another character inside a number (``3.2.1 1``, ``3.2,1``) is a typing mistake in the
published plan; the number is kept as published and reported here.

*Fails:*

```yaml
approaches:
  - {id: p3-a11, number: "3.2.1 1", text: ส่งเสริมและพัฒนาความรู้ด้านการวางแผน}
```

*Passes:*

```yaml
approaches:
  - {id: p3-a11, number: "3.2.11", text: ส่งเสริมและพัฒนาความรู้ด้านการวางแผน}
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.metadata.numbering import numbered_lists, parse_number

CODE = "MD03"
NAME = "metadata.number-format"
SEVERITY = Severity.WARNING

_BAD = re.compile(r"[^0-9๐-๙.]|\.\.|^\.|\.$")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each number that is not digits and dots."""
    for numbered in numbered_lists(ctx.plan):
        for path, number in numbered.items:
            if parse_number(number) is not None:
                continue
            bad = _BAD.search(number) or re.search(r".$", number)
            assert bad is not None
            fixed = re.sub(r"[^0-9๐-๙.]", "", number)
            hint = _("the number probably is {fixed!r}").format(fixed=fixed) if fixed and fixed != number else None
            yield Problem(
                (*path, "number"),
                _what(number, bad.group()),
                hint=hint,
                within=(number, bad.start(), max(bad.end(), bad.start() + 1)),
            )


def _what(number: str, found: str) -> str:
    """The message for ``number``, malformed by the characters ``found``."""
    if found == " ":
        message = _("malformed number {number!r}: it contains a space")
    elif found.startswith(".") or found.endswith("."):
        message = _("malformed number {number!r}: a dot without digits on both sides")
    elif found in "()":
        message = _("malformed number {number!r}: a parenthesis without its pair")
    else:
        message = _("malformed number {number!r}: it contains {found!r}")
    return message.format(number=number, found=found)
