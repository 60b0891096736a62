"""A text contains an invisible zero-width or control character.

Zero-width spaces and joiners (U+200B-U+200D, U+2060), byte-order marks (U+FEFF) and soft
hyphens (U+00AD) are invisible, but they break search, sorting and comparison between
editions. They usually come from copying out of a web page or a word processor. Control
characters (such as U+0001, typed as an escape in a quoted YAML text), NEL (U+0085) and the line and
paragraph separators U+2028 and U+2029 are invisible too, and a workbook cannot hold the
control characters (``eduplan export -f xlsx`` refuses them).

*Fails:*

```yaml
name: "ร้อยละของ\u200bนักเรียน"
```

*Passes:*

```yaml
name: ร้อยละของนักเรียน
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.text.scan import char_name, scan

CODE = "TX01"
NAME = "text.zero-width"
SEVERITY = Severity.ERROR

_PATTERN = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each zero-width character."""
    yield from scan(
        ctx, _PATTERN, lambda m: _("invisible character {name}").format(name=char_name(m.group())), _("delete it")
    )
