"""Numbers in a list skip, repeat, go backwards or change their prefix or style.

Every numbered list is judged on its own, at every level: missions, goals, policies and the
policies of each lower level (กลยุทธ์ 1.1, 1.2 under ประเด็นยุทธศาสตร์ 1), the goals stated in a policy,
its targets, approaches and indicators, each indicator's sub-indicators, the standards and their
items. Within a list the last part of the numbers counts 1, 2, 3... (or ก, ข, ค...) and the parts
before it stay the same; the list starts at 1, or goes on from the list of the same kind before it
(indicators numbered 1-5 in one policy and 6-9 in the next). Sub-indicators are numbered as
published: ``1.1``, ``1)``, ``(1)``, ``1.`` or ``ก.`` (or ``a)``, ``i.`` as Word numbers them), one
style per list.

Whether a list's numbers start with the number of the item holding it (targets ``3.1.1``,
``3.1.2`` in policy 3) is the plan's own style: when most items of a list do, the others are
reported; a list numbered 1, 2, 3 on its own is fine; a list numbered like another's children (1.1,
1.2 in policy 2) is reported when most lists of its kind in the plan start with their holder's
number. The configuration can say it for each kind
of list (``missions``, ``goals``, ``policies``, ``targets``, ``approaches``, ``indicators``,
``standards``; ``"*"`` for the rest), ``parent`` (they must), ``own`` (they need not) or ``auto``::

    numbering:
      prefix: {targets: parent, approaches: parent, "*": auto}

Malformed numbers are left to MD03, and lists that lost invalid items are not judged.

*Fails:*

```yaml
goals:
  - {id: g1, number: "1", text: นักเรียนมีภูมิคุ้มกัน}
  - {id: g2, number: "3", text: สถานศึกษามีสถานที่ปลอดภัย}
```

*Passes:*

```yaml
# in an indicator:
kind:
indicators:
  - {id: p1-i1-1, number: (1), name: ร้อยละของครูที่ผ่านการอบรม, unit: ร้อยละ, kind: percent, owner: สพฐ.}
  - {id: p1-i1-2, number: (2), name: ร้อยละของครูที่นำไปใช้, unit: ร้อยละ, kind: percent, owner: สพฐ.}
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from eduplan.findings import Path, Severity
from eduplan.i18n import N_, _
from eduplan.rules.base import Context, Problem
from eduplan.rules.metadata.numbering import (
    Number,
    NumberedList,
    numbered_lists,
    parse_list,
    parse_number,
    write_number,
)

CODE = "MD04"
NAME = "metadata.number-sequence"
SEVERITY = Severity.WARNING

_HINT = N_("keep the published number; if the plan publishes it so, accept the finding with a reason")
_PART = N_("a sub-indicator? list it under its indicator's indicators:, where it is numbered among its siblings")
_NOT_ITS = {
    "policy": N_("number {number!r} does not start with the number of its policy ({owner})"),
    "indicator": N_("number {number!r} does not start with the number of its indicator ({owner})"),
    "standard": N_("number {number!r} does not start with the number of its standard ({owner})"),
}
"""A number outside its holder's, by what holds the list."""


_Last = dict[tuple[tuple[str, ...], str, tuple[int, ...]], int]
"""The last count of the lists judged so far, by shape, style and prefix (where a list may go on from)."""


def check(ctx: Context) -> Iterator[Problem]:
    """Walk each numbered list and report the first break at each item."""
    last: _Last = {}
    lists = [n for n in numbered_lists(ctx.plan) if n.items and not ctx.lost_items(*n.shape)]
    votes: dict[str, list[bool]] = {}
    for numbered in lists:
        if (prefixed := _prefixed(numbered)) is not None:
            votes.setdefault(numbered.name, []).append(prefixed)
    plan_style = {name: 2 * sum(found) > len(found) for name, found in votes.items()}
    for numbered in lists:
        mode = ctx.options.prefix_of(numbered.name)
        if mode == "auto":
            mode = "parent" if _prefixed(numbered) or (plan_style.get(numbered.name) and _nested(numbered)) else "own"
        yield from _judge(numbered, mode, last)


def _valid(numbered: NumberedList) -> list[tuple[Path, str, Number]]:
    parsed = parse_list([text for _path, text in numbered.items])
    return [(path, text, n) for (path, text), n in zip(numbered.items, parsed, strict=True) if n is not None]


def _prefixed(numbered: NumberedList) -> bool | None:
    """Whether most numbers of a list start with its holder's number (None: it has no holder or no number)."""
    owner = parse_number(numbered.owner) if numbered.owner else None
    valid = _valid(numbered)
    if owner is None or not valid:
        return None
    return 2 * sum(_starts_with(n, owner) for _path, _text, n in valid) > len(valid)


def _nested(numbered: NumberedList) -> bool:
    """Whether most numbers of a list have more parts than its holder's (1.1 under 2: numbered like a child)."""
    owner = parse_number(numbered.owner) if numbered.owner else None
    valid = _valid(numbered)
    deeper = sum(owner is not None and len(n.parts) > len(owner.parts) for _path, _text, n in valid)
    return 2 * deeper > len(valid)


def _judge(numbered: NumberedList, mode: str, last: _Last) -> Iterator[Problem]:
    valid = _valid(numbered)
    if not valid:
        return
    style = Counter(n.style for _path, _text, n in valid).most_common(1)[0][0]
    prefix = Counter(n.parts[:-1] for _path, _text, n in valid if n.style == style).most_common(1)[0][0]
    example = next(text for _path, text, n in valid if n.style == style and n.parts[:-1] == prefix)
    owner = parse_number(numbered.owner) if numbered.owner else None
    demand = owner is not None and mode == "parent"
    key = (numbered.shape, style, prefix)
    previous: int | None = None
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for path, text, number in valid:
        problem = _break(text, number, style, prefix, example, previous, last.get(key), seen)
        if problem is None and demand and owner is not None and not _starts_with(number, owner):
            problem = _(_NOT_ITS[numbered.holder]).format(number=text, owner=numbered.owner)
        if problem is not None:
            whole = (number.style, number.parts[:-1]) in seen and numbered.name in ("indicators", "standards")
            yield Problem((*path, "number"), problem, hint=_(_PART if whole else _HINT))
        seen.add((number.style, number.parts))
        if number.style == style and number.parts[:-1] == prefix:
            previous = number.parts[-1]
    if previous is not None:
        last[key] = previous


def _break(
    text: str,
    number: Number,
    style: str,
    prefix: tuple[int, ...],
    example: str,
    previous: int | None,
    before: int | None,
    seen: set[tuple[str, tuple[int, ...]]],
) -> str | None:
    """What is wrong with one number of the list, if anything (its pair with the policy aside)."""
    if (number.style, number.parts) in seen:
        return _("number {number!r} is used twice in this list").format(number=text)
    if number.style != style:
        return _("number {number!r} is written unlike its siblings (such as {example!r})").format(
            number=text, example=example
        )
    if number.parts[:-1] != prefix:
        return _("number {number!r} is not numbered like its siblings (such as {example!r})").format(
            number=text, example=example
        )
    count = number.parts[-1]
    if previous is not None and count != previous + 1:
        message = (
            _("number {number!r} skips from {previous!r}")
            if count > previous
            else _("number {number!r} goes back from {previous!r}")
        )
        return message.format(number=text, previous=write_number(previous, prefix, style))
    if previous is None and count != 1 and count != (before or 0) + 1:
        first = write_number(1, prefix, style)
        if before:
            return _("the list starts at {number!r}, not at {first!r} or at {next!r} after the list before it").format(
                number=text, first=first, next=write_number(before + 1, prefix, style)
            )
        return _("the list starts at {number!r}, not at {first!r}").format(number=text, first=first)
    return None


def _starts_with(number: Number, owner: Number) -> bool:
    """Whether a number is one of the owner's: 3.1.2 under 3, 1.2.1 under 1.2."""
    return len(number.parts) > len(owner.parts) and number.parts[: len(owner.parts)] == owner.parts
