"""A text writes sara ae (แ) as two sara e (เเ).

``เเ`` looks like ``แ`` (U+0E41) in most fonts, but search and sorting see two characters:
``เเผน`` is not ``แผน``.

*Fails:*

```yaml
title: "เเผนพัฒนาการศึกษา"
```

*Passes:*

```yaml
title: แผนพัฒนาการศึกษา
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.text.scan import scan

CODE = "TX04"
NAME = "text.sara-e-twice"
SEVERITY = Severity.ERROR

_PATTERN = re.compile("\u0e40\u0e40")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each เเ."""
    yield from scan(ctx, _PATTERN, lambda _m: _("แ written as two เ (U+0E40 U+0E40)"), _("write แ (U+0E41)"))
