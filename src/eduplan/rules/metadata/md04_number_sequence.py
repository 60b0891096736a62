"""Numbers in a list skip, repeat, go backwards or change their prefix.

Within a list (missions, goals, policies, a policy's targets, approaches or indicators) the
last part of the numbers counts 1, 2, 3... and the parts before it stay the same; a policy's
targets and approaches start with the policy's own number (``3.1.x``, ``3.2.x`` in policy 3).
Malformed numbers are left to MD03, and lists that lost invalid items are not judged.

*Fails:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
  - {id: g2, number: "3", text: สถานศึกษามีสถานที่ปลอดภัย}
```

*Passes:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
  - {id: g2, number: "2", text: สถานศึกษามีสถานที่ปลอดภัย}
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from eduplan.findings import Severity
from eduplan.rules.base import Context, Problem
from eduplan.rules.metadata.numbering import numbered_lists, parse_number

CODE = "MD04"
NAME = "metadata.number-sequence"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Walk each numbered list and report the first break at each item."""
    for shape, owner_number, items in numbered_lists(ctx.plan):
        if ctx.lost_items(*shape):
            continue
        parsed = [(path, text, parse_number(text)) for path, text in items]
        valid = [(path, text, n) for path, text, n in parsed if n is not None]
        if not valid:
            continue
        prefixes = Counter(n[:-1] for _, _, n in valid)
        prefix = prefixes.most_common(1)[0][0]
        owner = parse_number(owner_number) if owner_number else None
        previous: tuple[int, ...] | None = None
        seen: dict[tuple[int, ...], str] = {}
        for path, text, number in valid:
            where = (*path, "number")
            if number in seen:
                yield Problem(where, f"number {text!r} is used twice in this list", hint=_HINT)
            elif number[:-1] != prefix:
                expected = ".".join(map(str, prefix))
                yield Problem(where, f"number {text!r} does not start like its siblings ({expected}.)", hint=_HINT)
            elif owner and number[:1] != owner[:1]:
                yield Problem(where, f"number {text!r} does not start with its policy's number {owner_number}")
            elif previous is not None and number[-1] != previous[-1] + 1:
                before = ".".join(map(str, previous))
                word = "skips from" if number[-1] > previous[-1] else "goes back from"
                yield Problem(where, f"number {text!r} {word} {before}", hint=_HINT)
            elif previous is None and number[-1] != 1:
                yield Problem(where, f"the list starts at {text!r}, not at 1", hint=_HINT)
            seen.setdefault(number, text)
            if number[:-1] == prefix:
                previous = number


_HINT = "keep the published number; if the plan publishes it so, accept the finding with a reason"
