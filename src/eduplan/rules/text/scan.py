r"""What the TX rules share: one pass of a pattern over all of a plan's texts, matches mapped back to their texts.

Every text of the plan is in :attr:`~eduplan.rules.base.Context.joined`, one per line; a rule's
pattern runs over that string once, and each match is taken back to the text it lies in (by
:attr:`~eduplan.rules.base.Context.starts`) and to its columns there. So a pattern must not look
across the end of a text: no anchors, no match of a line break, and no lookaround that a line
break could satisfy where the end of a text would not (``\S`` and a class without ``\n`` are
safe). Then a match in the joined string is exactly a match in its text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator

from eduplan.findings import Path
from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

__all__ = ["char_name", "located", "scan"]


def located(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[Path, str, re.Match[str], int]]:
    """Each match of ``pattern`` in the plan's texts: its text's path, the text, the match and the text's offset.

    ``match.start() - offset`` is where the match starts in the text; in text order, then left to right.
    """
    texts, starts = ctx.texts, ctx.starts
    for match in pattern.finditer(ctx.joined):
        index = bisect_right(starts, match.start()) - 1
        path, text = texts[index]
        yield path, text, match, starts[index]


def scan(
    ctx: Context, pattern: re.Pattern[str], message: Callable[[re.Match[str]], str], hint: str | None
) -> Iterator[Problem]:
    """One problem per match of ``pattern`` in the plan's texts, narrowed to the match (see the module)."""
    for path, text, match, offset in located(ctx, pattern):
        within = (text, match.start() - offset, match.end() - offset)
        yield Problem(path, message(match), hint=hint, within=within)


def char_name(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``."""
    fallback = _("control character") if unicodedata.category(char) == "Cc" else _("unnamed character")
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"
