"""The same owner is written in different ways.

Owners are grouped and counted in reports, so ``สพฐ. 66-70`` and ``สพฐ. 66- 70`` count as two
owners. Spellings that differ only in spaces (or letter case) are reported at the less common
spelling.

*Fails:*

```yaml
indicators:
  - {id: i1, number: "1", name: ร้อยละของครู, unit: ร้อยละ, kind: percent, owner: สพฐ. 66- 70}
  - {id: i2, number: "2", name: ร้อยละของนักเรียน, unit: ร้อยละ, kind: percent, owner: สพฐ. 66-70}
```

*Passes:*

```yaml
indicators:
  - {id: i1, number: "1", name: ร้อยละของครู, unit: ร้อยละ, kind: percent, owner: สพฐ. 66-70}
  - {id: i2, number: "2", name: ร้อยละของนักเรียน, unit: ร้อยละ, kind: percent, owner: สพฐ. 66-70}
```
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import _, ngettext
from eduplan.rules.base import Context, Problem

CODE = "MD05"
NAME = "metadata.owner-spelling"
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    """Group owners by their text without spaces; report the minority spellings."""
    owners: list[tuple[Path, str]] = [
        ((*path, "owner"), indicator.owner) for path, indicator, _at in ctx.indicators if indicator.owner
    ]
    for a, action_plan in enumerate(ctx.plan.action_plans):
        for n, project in enumerate(action_plan.projects):
            if project.owner:
                owners.append((("action_plans", a, "projects", n, "owner"), project.owner))
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for _path, owner in owners:
        groups[_key(owner)][owner] += 1
    for path, owner in owners:
        spellings = groups[_key(owner)]
        if len(spellings) < 2:
            continue
        usual, count = spellings.most_common(1)[0]
        if owner != usual:
            yield Problem(
                path,
                ngettext(
                    "owner {owner!r} is written {usual!r} in {count} other place",
                    "owner {owner!r} is written {usual!r} in {count} other places",
                    count,
                ).format(owner=owner, usual=usual, count=count),
                hint=_("write it {usual!r} everywhere").format(usual=usual),
            )


def _key(owner: str) -> str:
    return "".join(owner.split()).casefold()
