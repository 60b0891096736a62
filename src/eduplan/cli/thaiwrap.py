"""Thai help text that wraps between words, as English wraps at spaces.

Thai writes the words of a phrase without spaces between them; Rich wraps a table's cells at
spaces only, so a Thai help text in a narrow column was cut with "…" (or broken inside a word).
:func:`breakable` puts a zero-width space (U+200B, invisible and zero cells wide) between the words
of each Thai run, and :func:`wrapping_at_word_breaks` lets Rich break a line there while a help
screen is drawn.

The words come from the Thai dictionary PyThaiNLP ships (its word list file, read directly:
importing PyThaiNLP takes seconds, reading the list a few hundredths), cut by the fewest words;
without it, a line may break between syllables before a leading vowel (เ แ โ ใ ไ).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from eduplan.words.thainlp import package_folder

__all__ = ["ZWSP", "breakable", "wrapping_at_word_breaks"]

ZWSP = "\u200b"
_THAI = re.compile("[\u0e01-\u0e4e]+")
_CLUSTER = re.compile("[\u0e40-\u0e44]?[\u0e01-\u0e2f\u0e30\u0e32\u0e45\u0e46][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]*|.")
"""A leading vowel with its consonant and marks, or one other character: no word boundary falls inside."""
_LONGEST = 20
_BREAKING_WORD = re.compile(rf"[\s{ZWSP}]*[^\s{ZWSP}]+[\s{ZWSP}]*")


@cache
def _dictionary() -> frozenset[str]:
    """PyThaiNLP's Thai words, when it is installed (none otherwise)."""
    package = package_folder()
    if package is None:
        return frozenset()
    try:
        text = (package / "corpus" / "words_th.txt").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(word for word in text.split("\n") if 1 < len(word) <= _LONGEST)


def _words(run: str) -> list[str]:
    """A Thai run cut into the fewest dictionary words (a character cluster where no word fits)."""
    words = _dictionary()
    bounds = [m.end() for m in _CLUSTER.finditer(run)]
    starts = {0, *bounds}
    best: dict[int, tuple[int, int]] = {0: (0, 0)}  # end -> (cost, start of its last piece)
    for start in sorted(starts):
        if start not in best or start == len(run):
            continue
        cost = best[start][0]
        ends = [e for e in bounds if start < e <= start + _LONGEST]
        for end in ends:
            piece = run[start:end]
            step = 1 if piece in words else (3 if end == ends[0] else 0)
            if step and (end not in best or cost + step < best[end][0]):
                best[end] = (cost + step, start)
    pieces: list[str] = []
    end = len(run)
    while end > 0:
        start = best[end][1]
        piece = run[start:end]
        if pieces and piece not in words and pieces[-1] not in words:
            pieces[-1] = piece + pieces[-1]  # a word the dictionary lacks stays whole
        else:
            pieces.append(piece)
        end = start
    return pieces[::-1]


def _syllables(run: str) -> list[str]:
    """Without a dictionary: pieces that end before each leading vowel."""
    return [piece for piece in re.split("(?=[\u0e40-\u0e44])", run) if piece]


def breakable(text: str) -> str:
    """``text`` with a zero-width space between the words of each Thai run (those already there kept once)."""
    cut = _words if _dictionary() else _syllables
    return _THAI.sub(lambda m: ZWSP.join(cut(m.group())), text.replace(ZWSP, ""))


@contextmanager
def wrapping_at_word_breaks() -> Iterator[None]:
    """Inside the block, Rich wraps lines at zero-width spaces as at spaces."""
    from rich import _wrap

    before = _wrap.re_word
    _wrap.re_word = _BREAKING_WORD
    try:
        yield
    finally:
        _wrap.re_word = before
