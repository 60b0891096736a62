"""Run a regular expression over every text of the plan (shared by the TX rules)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from eduplan.i18n import _
from eduplan.rules.base import Context, Problem

__all__ = ["char_name", "scan"]


def scan(
    ctx: Context, pattern: re.Pattern[str], message: Callable[[re.Match[str]], str], hint: str | None
) -> Iterator[Problem]:
    """One problem per match of ``pattern`` in each text, narrowed to the match.

    Most plans are clean: one search over all texts at once (joined by line breaks) settles
    that, and only a plan with a match is searched text by text. So ``pattern`` must not look
    across the end of a text: no anchors, and no lookaround that a line break could satisfy.
    """
    if pattern.search(ctx.joined) is None:
        return
    for path, text in ctx.texts:
        for match in pattern.finditer(text):
            yield Problem(path, message(match), hint=hint, within=(text, match.start(), match.end()))


def char_name(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``."""
    fallback = _("control character") if unicodedata.category(char) == "Cc" else _("unnamed character")
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"
