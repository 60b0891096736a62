"""Thai typos by small edits and word frequencies (rule TX09), with PyThaiNLP.

A Thai typo rarely makes a word that is not in the dictionary: มั่นคง mistyped as มั่งคง reads
as the two words มั่ง and คง. So :class:`Speller` cuts a text into words (PyThaiNLP's newmm), and
for every run of one to four words (a *window*) tries only the edits people make when typing
Thai: a tone mark or vowel (``่ ้ ๊ ๋ ั ิ ี ึ ื ุ ู ็ ์ ะ า ำ เ แ``) added, removed or replaced;
ง for น, ข for ค and back; a consonant doubled; a leading ห forgotten (มาย for หมาย). An edit is a
typo when it gives a dictionary word far more likely than the words as written: with Phupha's
word counts (Common Crawl), the edited word is at least :data:`MIN_GAIN` times as likely as the
window's words one after another. A window of three or more words may also become a word and the
start or end of its first or last word (หลักธรรม|มา|ภิ|บาล: หลัก + ธรรมาภิบาล).

Nothing here imports PyThaiNLP until :func:`load_speller` runs: it loads in about a second.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.words.thainlp import offline

__all__ = ["MIN_GAIN", "Speller", "Typo", "edits", "load_speller", "skeleton"]

MARKS = "่้๊๋ัิีึืุู็์ะาำเแ"
"""Tone marks and vowels that an edit may add, remove or replace."""

SWAPS = {"ง": "น", "น": "ง", "ข": "ค", "ค": "ข"}
"""Consonants mistyped for one another."""

LEADING_HO = frozenset("งญนมยรลว")
"""Low consonants that a silent ห may lead (หมาย, หน้า, หลาย)."""

CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))

MIN_GAIN = 50.0
"""How many times likelier than the written words a correction must be."""

MIN_COUNT = 1000
"""Fewest occurrences in the word counts for a word to be a correction."""

MAX_WINDOW = 4
"""Most words one typo may have been cut into."""


@dataclass(frozen=True, slots=True)
class Typo:
    """A likely typo: ``text[start:end]`` is ``written``, probably meant as ``suggestion``."""

    start: int
    end: int
    written: str
    suggestion: str


def edits(word: str) -> set[str]:
    """Every spelling one typing slip away from ``word`` (the edits the module docstring lists)."""
    found: set[str] = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        found.update(head + mark + tail for mark in MARKS)
        if not tail:
            continue
        char, rest = tail[0], tail[1:]
        if char in MARKS:
            found.add(head + rest)
            found.update(head + mark + rest for mark in MARKS)
        if char in SWAPS:
            found.add(head + SWAPS[char] + rest)
        if char in CONSONANTS and rest[:1] == char:
            found.add(head + rest)
        if char in LEADING_HO and head[-1:] != "ห":
            found.add(head + "ห" + tail)
    found.discard(word)
    return found


def skeleton(word: str) -> str:
    """What :func:`edits` leaves unchanged: the consonants, ง/น and ข/ค merged, doubles and a leading ห dropped.

    A word and any of its edits have the same skeleton, so an index by skeleton finds the
    dictionary words an edit can reach without trying every edit.
    """
    merged = {"ง": "น", "ค": "ข"}
    letters = [merged.get(c, c) for c in word if c not in MARKS]
    letters = [c for i, c in enumerate(letters) if c != "ห" or "".join(letters[i + 1 : i + 2]) not in LEADING_HO]
    return "".join(c for i, c in enumerate(letters) if i == 0 or letters[i - 1] != c)


class Speller:
    """Finds typos in Thai text with a dictionary, word counts and a word cutter."""

    def __init__(
        self,
        words: frozenset[str],
        counts: dict[str, int],
        cut: Callable[[str], list[str]],
        known: frozenset[str] = frozenset(),
    ) -> None:
        self.words = words | known
        self.known = known
        self.counts = counts
        self.cut = cut
        self.total = sum(counts.values())
        self.index: dict[str, list[str]] = {}
        for word in words:
            if counts.get(word, 0) >= MIN_COUNT:
                self.index.setdefault(skeleton(word), []).append(word)

    def typos(self, text: str) -> list[Typo]:
        """The likely typos of a text, left to right, none overlapping."""
        tokens = self.cut(text)
        if "".join(tokens) != text:
            return []  # the cutter changed the text: its offsets would be wrong
        starts = [0]
        for token in tokens:
            starts.append(starts[-1] + len(token))
        hits: dict[tuple[int, str, str], tuple[float, Typo]] = {}
        for first in range(len(tokens)):
            for last in range(first, min(first + MAX_WINDOW, len(tokens))):
                for gain, typo, key in self._window(tokens[first : last + 1], starts[first]):
                    # One slip seen through several windows: the best gain, the narrowest span.
                    if key in hits:
                        gain, typo = max(gain, hits[key][0]), min(typo, hits[key][1], key=_width)
                    hits[key] = (gain, typo)
        kept: list[Typo] = []
        for _gain, typo in sorted(hits.values(), key=lambda hit: -hit[0]):
            if all(typo.end <= k.start or typo.start >= k.end for k in kept):
                kept.append(typo)
        return sorted(kept, key=lambda t: t.start)

    def _window(self, window: list[str], offset: int) -> Iterable[tuple[float, Typo, tuple[int, str, str]]]:
        """The corrections of one window: (gain, typo, the edit that makes it)."""
        written = "".join(window)
        if not all(_thai(t) for t in window) or written in self.words:
            return
        if len(window) == 1 and len(written) < 3:
            return  # too short to tell a typo from an abbreviation
        if any(t in self.known for t in window):
            return
        as_written = sum(self._log(t) for t in window)
        for head, body, tail in self._splits(window):
            near = self.index.get(skeleton(body), [])
            reach = edits(body) if near else set()
            for word in near:
                if word not in reach:
                    continue
                gain = self._log(word) + (self._log(head) if head else 0) + (self._log(tail) if tail else 0)
                gain -= as_written
                if gain < math.log(MIN_GAIN):
                    continue
                start = offset + len(head)
                yield gain, Typo(start, start + len(body), body, word), _edit(start, body, word)

    def _splits(self, window: list[str]) -> Iterable[tuple[str, str, str]]:
        """The window whole, and for three words or more a dictionary word cut off its start or end."""
        written = "".join(window)
        yield "", written, ""
        if len(window) < 3:
            return
        first, last = window[0], window[-1]
        for k in range(1, len(first) + 1):
            if first[:k] in self.words and self.counts.get(first[:k], 0) >= MIN_COUNT:
                yield first[:k], written[k:], ""
        for k in range(1, len(last) + 1):
            if last[-k:] in self.words and self.counts.get(last[-k:], 0) >= MIN_COUNT:
                yield "", written[:-k], last[-k:]

    def _log(self, word: str) -> float:
        return math.log(max(self.counts.get(word, 0), 1) / self.total)


def _width(typo: Typo) -> int:
    return typo.end - typo.start


def _thai(token: str) -> bool:
    return bool(token) and all("\u0e01" <= c <= "\u0e4e" for c in token)


def _edit(start: int, written: str, suggestion: str) -> tuple[int, str, str]:
    """Where an edit is and what it changes: the same slip seen through different windows is one key."""
    p = 0
    while p < min(len(written), len(suggestion)) and written[p] == suggestion[p]:
        p += 1
    s = 0
    while s < min(len(written), len(suggestion)) - p and written[-1 - s] == suggestion[-1 - s]:
        s += 1
    return start + p, written[p : len(written) - s], suggestion[p : len(suggestion) - s]


@lru_cache(maxsize=4)
def load_speller(known: frozenset[str]) -> Speller:
    """PyThaiNLP's dictionary with the ``known`` words added, Phupha's counts and the newmm cutter.

    Raises:
        UsageError: PyThaiNLP is not installed.
    """
    offline()  # never download, never write: the dictionary and counts ship with it
    try:
        from pythainlp.corpus import phupha, thai_words
        from pythainlp.tokenize import word_tokenize
        from pythainlp.util import Trie
    except ImportError:
        raise UsageError(_("rule TX09 (text.typo) needs PyThaiNLP: pip install 'eduplan[thai]'")) from None
    words = frozenset(thai_words())
    trie = Trie(words | known)

    def cut(text: str) -> list[str]:
        return list(word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True))

    return Speller(words, phupha.unigram_word_freqs(), cut, known)
