"""The numbered lists of a plan and how their numbers are written (shared by MD03 and MD04).

Plans number their items in several usual ways: ``3``, ``3.2.11``, ``1.``, ``1)``, ``(1)`` and
Thai letters ``ก.``, ``ข)``, ``(ค)`` (sub-indicators and a standard's items often so). Each way is
a *style*; a number is its style and its parts: ``"3.2.11"`` is (3, 2, 11) in the style ``1``,
``"(2)"`` is (2,) in the style ``(1)``, ``"ข."`` is (2,) in the style ``ก.``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from eduplan.findings import Path
from eduplan.model import Indicator, Plan, Statement
from eduplan.model.walk import all_policies

__all__ = ["THAI_LETTERS", "Number", "NumberedList", "numbered_lists", "parse_number"]

THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
"""The Thai letters in the order lists count with them (ฃ and ฅ, no longer written, are skipped)."""

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER = re.compile(r"^(?P<open>\()?(?P<body>[0-9๐-๙]+(?:\.[0-9๐-๙]+)*|[" + THAI_LETTERS + r"])(?P<close>[.)])?$")


@dataclass(frozen=True, slots=True)
class Number:
    """A well-formed item number.

    Attributes:
        parts: The counts, such as (3, 2, 11) for ``3.2.11``, (2,) for ``ข.``.
        style: How it is written, shown with the first count: ``1``, ``1.``, ``1)``, ``(1)``, ``ก.`` ...
    """

    parts: tuple[int, ...]
    style: str


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A list of numbered items.

    Attributes:
        shape: Its key path without indexes, such as ("policies", "policies", "targets").
        name: What the configuration calls it: missions, goals, policies, targets, approaches,
            indicators (sub-indicators and a standard's items too) or standards.
        owner: The number of the item that holds it (a policy, an indicator, a standard), if any.
        holder: What that item is, for messages: "policy", "indicator" or "standard".
        items: (path of the item, its number as written), in order.
    """

    shape: tuple[str, ...]
    name: str
    owner: str | None
    holder: str
    items: list[tuple[Path, str]]


def parse_number(number: str) -> Number | None:
    """``"3.2.11"`` -> Number((3, 2, 11), "1"), ``"(ข)"`` -> Number((2,), "(ก)"); None when malformed."""
    match = _NUMBER.match(number)
    if match is None or (match["open"] is not None and match["close"] != ")"):
        return None
    return _parsed(match)


def _parsed(match: re.Match[str]) -> Number:
    body = match["body"]
    parts: tuple[int, ...]
    if body in THAI_LETTERS:
        parts, first = (THAI_LETTERS.index(body) + 1,), "ก"
    else:
        parts, first = tuple(int(part) for part in body.translate(_THAI_DIGITS).split(".")), "1"
    return Number(parts, f"{match['open'] or ''}{first}{match['close'] or ''}")


def numbered_lists(plan: Plan) -> Iterator[NumberedList]:
    """Each list of numbered items of the plan, at every level, in document order."""
    items: list[tuple[Path, str]]
    for name in ("missions", "goals"):
        items = [((name, n), item.number) for n, item in enumerate(getattr(plan, name))]
        yield NumberedList((name,), name, None, "", items)
    top: list[tuple[Path, str]] = [(("policies", n), policy.number) for n, policy in enumerate(plan.policies)]
    yield NumberedList(("policies",), "policies", None, "", top)
    for at in all_policies(plan):
        policy, shape = at.policy, tuple(s for s in at.path if isinstance(s, str))
        items = [((*at.path, "policies", n), p.number) for n, p in enumerate(policy.policies)]
        yield NumberedList((*shape, "policies"), "policies", policy.number, "policy", items)
        items = [((*at.path, "goals", n), g.number) for n, g in enumerate(policy.goals) if isinstance(g, Statement)]
        yield NumberedList((*shape, "goals"), "goals", policy.number, "policy", items)
        for name in ("targets", "approaches"):
            items = [((*at.path, name, n), s.number) for n, s in enumerate(getattr(policy, name))]
            yield NumberedList((*shape, name), name, policy.number, "policy", items)
        yield from _indicator_lists(policy.indicators, at.path, policy.number, "policy")
    standards: list[tuple[Path, str]] = [(("standards", n), s.number) for n, s in enumerate(plan.standards)]
    yield NumberedList(("standards",), "standards", None, "", standards)
    for n, standard in enumerate(plan.standards):
        yield from _indicator_lists(standard.indicators, ("standards", n), standard.number, "standard")


def _indicator_lists(items: list[Indicator], path: Path, owner: str, holder: str) -> Iterator[NumberedList]:
    here = (*path, "indicators")
    shape = tuple(s for s in here if isinstance(s, str))
    yield NumberedList(shape, "indicators", owner, holder, [((*here, n), i.number) for n, i in enumerate(items)])
    for n, indicator in enumerate(items):
        if indicator.indicators:
            yield from _indicator_lists(indicator.indicators, (*here, n), indicator.number, "indicator")
