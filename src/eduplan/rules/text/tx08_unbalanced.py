"""A bracket or quotation mark has no partner.

Parentheses, square and curly brackets and typographic quotes (“ ”) come in pairs. A lone
``)`` (as in ``โครงการ PISA)``) or a closing quote without an opening one usually means a
word was lost in copying. Item numbers are not prose: ``1)`` is how Thai plans number items
(sub-indicators, a standard's items), and a malformed number is MD03's.

*Fails:*

```yaml
name: ร้อยละของสถานศึกษาที่ได้รับการเตรียมความพร้อมตามโครงการ PISA)
```

*Passes:*

```yaml
name: ร้อยละของสถานศึกษาที่ได้รับการเตรียมความพร้อม (ตามโครงการ PISA)
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem
from eduplan.rules.text.scan import located

CODE = "TX08"
NAME = "text.unbalanced"
SEVERITY = Severity.WARNING

_PAIRS = {")": "(", "]": "[", "}": "{", "”": "“"}
_OPENERS = set(_PAIRS.values())
_MARKS = re.compile("[()\\[\\]{}“”]")


def check(ctx: Context) -> Iterator[Problem]:
    """Match brackets and quotes in each text; report the ones left over (one pass over all texts)."""
    marks: dict[int, list[int]] = {}  # text offset in the joined texts -> where its marks are in it
    texts: dict[int, tuple[Path, str]] = {}
    for path, text, match, offset in located(ctx, _MARKS):
        if path[-1:] != ("number",):  # 1), (1): numbering, judged by MD03
            marks.setdefault(offset, []).append(match.start() - offset)
            texts[offset] = (path, text)
    for offset, places in marks.items():
        yield from _unbalanced(*texts[offset], places)


def _unbalanced(path: Path, text: str, places: list[int]) -> Iterator[Problem]:
    """The marks at ``places`` of one text that close nothing, then those never closed."""
    stack: list[int] = []
    for at in places:
        char = text[at]
        if char in _OPENERS:
            stack.append(at)
        elif stack and text[stack[-1]] == _PAIRS[char]:
            stack.pop()
        else:
            yield Problem(
                path,
                _("{mark!r} closes nothing: there is no {opener!r} before it").format(mark=char, opener=_PAIRS[char]),
                hint=_("add the missing {opener!r} or remove this one").format(opener=_PAIRS[char]),
                within=(text, at, at + 1),
            )
    for at in stack:
        yield Problem(
            path,
            _("{mark!r} is never closed").format(mark=text[at]),
            hint=_("add the closing mark or remove this one"),
            within=(text, at, at + 1),
        )
