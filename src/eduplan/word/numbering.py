"""Word's automatic numbering, rebuilt: the numbers a reader sees that are not in the text.

A paragraph of a Word list holds no number: its ``w:numPr`` (or its style's) names a numbering
instance and a level, and Word counts. :class:`Counter` counts the same way, in body order: each
instance (``w:num``) counts its levels from their start (``w:start``, or a ``w:startOverride``),
a level restarts when a level above it moves on, and the level's text (``w:lvlText``, such as
``%1.`` or ``%1.%2``) is filled with each level's count in its format (decimal, Thai digits,
Thai letters, Latin letters or Roman numerals). A bullet level gives no number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from eduplan.words.thai import with_digits

__all__ = ["Counter", "Level", "numbering_of"]

_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
    (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list: its format (``decimal``, ``bullet``, ...), text (``%1.``) and start."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Instance:
    levels: dict[int, Level]
    counts: dict[int, int] = field(default_factory=dict)


def _val(element: Any, tag: str) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return found.get(qn("w:val")) if found is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def numbering_of(document: Any) -> dict[str, dict[int, Level]]:
    """Each numbering instance's levels (``numId`` -> level -> :class:`Level`), from the numbering part."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstracts: dict[str, dict[int, Level]] = {}
    for abstract in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in abstract.findall(qn("w:lvl")):
            levels[_int(lvl.get(qn("w:ilvl")), 0)] = Level(
                _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "", _int(_val(lvl, "w:start"), 1)
            )
        abstracts[abstract.get(qn("w:abstractNumId")) or ""] = levels
    instances = {}
    for num in root.findall(qn("w:num")):
        levels = dict(abstracts.get(_val(num, "w:abstractNumId") or "", {}))
        for override in num.findall(qn("w:lvlOverride")):
            ilvl = _int(override.get(qn("w:ilvl")), 0)
            start = _val(override, "w:startOverride")
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = Level(old.fmt, old.text, _int(start, old.start))
        instances[num.get(qn("w:numId")) or ""] = levels
    return instances


def _format(count: int, fmt: str) -> str:
    if fmt == "thaiNumbers":
        return with_digits(str(count), "thai")
    if fmt == "thaiLetters":
        return _THAI_LETTERS[(count - 1) % len(_THAI_LETTERS)]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(count - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman, rest = "", count
        for value, digits in _ROMAN:
            while rest >= value:
                roman, rest = roman + digits, rest - value
        return roman.upper() if fmt == "upperRoman" else roman
    return str(count)  # decimal, and the formats Word spells out in words (read as digits)


class Counter:
    """Counts the lists of one document in body order (see the module's docstring)."""

    def __init__(self, instances: dict[str, dict[int, Level]]) -> None:
        """Counting starts at nothing for every instance of ``instances`` (from :func:`numbering_of`)."""
        self._instances = {num: _Instance(levels) for num, levels in instances.items()}

    def next(self, num_id: str, ilvl: int) -> tuple[str | None, Level | None]:
        """The number of the next paragraph of instance ``num_id`` at level ``ilvl``, with its level.

        ``(None, level)`` for a bullet or a level with no number; ``(None, None)`` when the document
        defines no such instance or level (numId 0 turns numbering off).
        """
        instance = self._instances.get(num_id)
        if instance is None or ilvl not in instance.levels:
            return None, None
        level = instance.levels[ilvl]
        instance.counts[ilvl] = instance.counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in instance.counts if k > ilvl]:
            del instance.counts[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return None, level
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                above = instance.levels.get(k, Level())
                count = instance.counts.get(k, above.start)
                text = text.replace(f"%{k + 1}", _format(count, above.fmt))
        return text.strip() or None, level
