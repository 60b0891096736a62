"""A text writes sara am (ำ) as two characters, nikhahit and sara aa (ํา).

``ํ`` + ``า`` looks like ``ำ`` (U+0E33) but is a different string: search, sorting and
comparison treat ``คําสั่ง`` and ``คำสั่ง`` as different words. Unicode normalisation (NFC)
does not fix it. It often comes from PDF copies and old fonts.

*Fails:*

```yaml
text: "ส่งเสริมการจัดการศึกษาที่ดี สร้างความเข้มแข็งแก่ชุมชน ดําเนินการ"
```

*Passes:*

```yaml
text: ส่งเสริมการจัดการศึกษาที่ดี สร้างความเข้มแข็งแก่ชุมชน ดำเนินการ
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.text.scan import scan

CODE = "TX02"
NAME = "text.decomposed-sara-am"
SEVERITY = Severity.ERROR

_PATTERN = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def check(ctx: Context) -> Iterator[Problem]:
    """Yield each nikhahit + (tone mark +) sara aa."""
    yield from scan(
        ctx,
        _PATTERN,
        lambda _m: _("sara am written as two characters (U+0E4D U+0E32)"),
        _("write ำ (U+0E33) instead; a tone mark goes before it"),
    )
