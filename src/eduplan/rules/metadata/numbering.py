"""The numbered lists of a plan and how their numbers are written (shared by MD03 and MD04).

Plans number their items in several usual ways: ``3``, ``3.2.11``, ``1.``, ``1)``, ``(1)``, Thai
letters ``ก.``, ``ข)``, ``(ค)`` (sub-indicators and a standard's items often so), and what Word's
automatic numbering gives besides: Latin letters ``a)``, ``B.`` and Roman numerals ``i.``, ``IV)``.
Each way is a *style*; a number is its style and its parts: ``"3.2.11"`` is (3, 2, 11) in the style
``1``, ``"(2)"`` is (2,) in the style ``(1)``, ``"ข."`` is (2,) in the style ``ก.``, ``"iv)"`` is (4,)
in the style ``i)``. A lone ``i``, ``v`` or ``x`` is a letter, unless its list counts in Roman
numerals (its first number is ``i``): :func:`parse_list`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from eduplan.findings import Path
from eduplan.model import Indicator, Plan, Statement
from eduplan.model.walk import all_policies
from eduplan.words.thai import arabic_digits

__all__ = [
    "LATIN_LETTERS",
    "THAI_LETTERS",
    "Number",
    "NumberedList",
    "numbered_lists",
    "parse_list",
    "parse_number",
    "write_number",
]

THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
"""The Thai letters in the order lists count with them (ฃ and ฅ, no longer written, are skipped)."""

LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
"""Latin letters, as Word counts with them."""

_NUMBER = re.compile(
    r"^(?P<open>\()?(?P<body>[0-9๐-๙]+(?:\.[0-9๐-๙]+)*|[" + THAI_LETTERS + r"]|[a-z]+|[A-Z]+)(?P<close>[.)])?$"
)
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


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


@functools.lru_cache(maxsize=4096)  # the same few numbers ("1", "1.1", "2)") recur in every plan of a run
def parse_number(number: str, *, roman: bool = False) -> Number | None:
    """``"3.2.11"`` -> Number((3, 2, 11), "1"), ``"(ข)"`` -> Number((2,), "(ก)"); None when malformed.

    ``roman``: read a lone letter that is a Roman numeral (``i``, ``v``, ``x``...) as one.
    """
    match = _NUMBER.match(number)
    if match is None or (match["open"] is not None and match["close"] != ")"):
        return None
    body, decor = match["body"], (match["open"] or "", match["close"] or "")
    if body in THAI_LETTERS:
        return Number((THAI_LETTERS.index(body) + 1,), "ก".join(decor))
    if not body.isascii() or body[0].isdigit():
        return Number(tuple(int(part) for part in arabic_digits(body).split(".")), "1".join(decor))
    lower, upper = body.lower(), body.isupper()
    if (roman or len(body) > 1) and _ROMAN.match(lower):
        value = _roman_value(lower)
        return Number((value,), ("I" if upper else "i").join(decor)) if value else None
    if len(body) == 1:
        return Number((LATIN_LETTERS.index(lower) + 1,), ("A" if upper else "a").join(decor))
    return None


def parse_list(numbers: list[str]) -> list[Number | None]:
    """The numbers of one list: Roman numerals when its first number written with a letter is ``i``."""
    letters = (n for n in map(parse_number, numbers) if n is not None and n.style.strip("().") in ("a", "A"))
    first = next(letters, None)
    roman = first is not None and first.parts == (LATIN_LETTERS.index("i") + 1,)
    return [parse_number(n, roman=roman) for n in numbers]


def write_number(count: int, prefix: tuple[int, ...], style: str) -> str:
    """A count as its list writes it: 3 in the style ``(1)`` is ``(3)``, in ``ก.`` is ``ค.``, in ``i)`` is ``iii)``."""
    marker = style.strip("().")
    if marker == "1":
        return style.replace("1", ".".join(map(str, (*prefix, count))))
    if marker == "ก":
        letters = THAI_LETTERS
    elif marker in "aA":
        letters = LATIN_LETTERS if marker == "a" else LATIN_LETTERS.upper()
    else:
        written = _to_roman(count)
        return style.replace(marker, written.upper() if marker == "I" else written)
    return style.replace(marker, letters[count - 1] if 0 < count <= len(letters) else str(count))


def _roman_value(text: str) -> int:
    value, rest = 0, text
    for amount, letters in _ROMAN_VALUES:
        while rest.startswith(letters):
            value, rest = value + amount, rest[len(letters) :]
    return value


def _to_roman(count: int) -> str:
    written = ""
    for amount, letters in _ROMAN_VALUES:
        while count >= amount:
            written, count = written + letters, count - amount
    return written


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
