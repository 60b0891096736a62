"""A word-level diff that works for Thai, where words are not separated by spaces.

Text is cut into tokens: Latin words and numbers, runs of whitespace, single punctuation
marks and, for Thai, *Thai character clusters* (TCC): a consonant with its leading vowel
(เ แ โ ใ ไ), its above and below vowels, its tone mark and its following vowels (ะ า ำ), so
that a diff never separates a consonant from its vowel or tone mark. ``เพิ่มขั้น`` becomes
``เพิ่ | ม | ขั้ | น``, and a typo fix to ``เพิ่มขึ้น`` shows as one changed cluster.

The clusters are diffed with :class:`difflib.SequenceMatcher`, then short equal runs caught
between two changes are folded into the change (as diff-match-patch's semantic cleanup does),
so that a reworded phrase reads as one replacement instead of a scatter of letters.

No dictionary is used: a dictionary segmenter (PyThaiNLP, 67 MB) would give real words, but
both editions are cut the same way, so clusters are enough to line the texts up, and the
cleanup merges them into readable runs.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["Ops", "clusters", "compact", "word_diff"]

Ops = list[tuple[str, str]]
"""A word diff: ``(op, text)`` pairs, op ``=`` (same in both), ``-`` (old only) or ``+`` (new only)."""

_LEAD = "\u0e40-\u0e44"  # เ แ โ ใ ไ
_CONS = "\u0e01-\u0e2e"  # ก .. ฮ (ฤ and ฦ included)
_TONE = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # above/below vowels, tone marks, ็ ์ ํ ๎
_FOLLOW = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ
_DIGIT = "0-9\u0e50-\u0e59"

_TOKEN = re.compile(
    # เ-ีย and เ-ือ: the ย or อ belongs to the vowel (เกี่ยว -> เกี่ย | ว), unless it has marks of its own
    rf"\u0e40[{_CONS}][\u0e35\u0e37][{_TONE}]?[\u0e22\u0e2d](?![{_MARK}{_FOLLOW}])"
    # a consonant with its leading vowel, marks and following vowels
    rf"|[{_LEAD}]?[{_CONS}][{_MARK}]*(?:[{_FOLLOW}][{_MARK}]*)*"
    # Latin words and numbers (Thai digits too), with inner dots and commas: 3.2.1, 1,250,000
    rf"|[A-Za-z{_DIGIT}]+(?:[.,'’][A-Za-z{_DIGIT}]+)*"
    r"|\s+"
    # anything else on its own: punctuation, a stray mark, ๆ, ฯ
    r"|.",
    re.DOTALL,
)


def clusters(text: str) -> list[str]:
    """Cut ``text`` into diff tokens; joining them gives ``text`` back.

    >>> clusters("ร้อยละ 80 (O-Net)")
    ['ร้', 'อ', 'ย', 'ละ', ' ', '80', ' ', '(', 'O', '-', 'Net', ')']
    """
    return _TOKEN.findall(text)


MAX_TOKENS = 2_000
"""Most tokens (after the common start and end) of either text that are diffed token by token.

Diffing two texts of n tokens is quadratic or worse; a plan's longest texts have a few hundred
clusters. Between longer texts the changed middle is shown whole: the old text, then the new.
"""


def word_diff(old: str, new: str) -> Ops:
    """The word-level diff of two texts, as ``(op, text)`` pairs in reading order.

    Joining the ``=`` and ``-`` texts gives ``old``; joining ``=`` and ``+`` gives ``new``.
    Between long texts the common start and end are found first (in linear time), and a
    middle of more than :data:`MAX_TOKENS` tokens is one replacement.
    """
    a, b = clusters(old), clusters(new)
    head = tail = 0
    if max(len(a), len(b)) > MAX_TOKENS:  # short texts are diffed whole: a change then starts at a word
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
    a_mid, b_mid = a[head : len(a) - tail], b[head : len(b) - tail]
    segments: list[tuple[str, str, bool]] = [("".join(a[:head]), "".join(a[:head]), True)]
    if max(len(a_mid), len(b_mid)) > MAX_TOKENS or not a_mid or not b_mid:
        segments.append(("".join(a_mid), "".join(b_mid), False))
    else:
        matcher = SequenceMatcher(None, a_mid, b_mid, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            segments.append(("".join(a_mid[i1:i2]), "".join(b_mid[j1:j2]), tag == "equal"))
    segments.append(("".join(a[len(a) - tail :]), "".join(a[len(a) - tail :]), True))
    ops: Ops = []
    for old_text, new_text, equal in _fold_short_equalities(segments):
        if equal:
            _push(ops, "=", old_text)
        else:
            _push(ops, "-", old_text)
            _push(ops, "+", new_text)
    return ops


def _fold_short_equalities(segments: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Fold an equal run into its neighbours when it is no longer than the changes on both sides.

    One pass with a stack, in linear time: folding only makes changes longer, so an equal run
    that can be folded stays foldable, and after each fold only the equal run before the grown
    change needs another look.
    """
    stack: list[_Run] = []
    for old_text, new_text, equal in segments:
        if not old_text and not new_text:
            continue
        if stack and stack[-1].equal == equal:
            stack[-1].add(old_text, new_text)
        else:
            stack.append(_Run(equal, old_text, new_text))
        while len(stack) >= 3 and not stack[-1].equal and stack[-2].equal and not stack[-3].equal:
            before, middle, after = stack[-3], stack[-2], stack[-1]
            if middle.old_size > before.size or middle.old_size > after.size:
                break
            before.absorb(middle)
            before.absorb(after)
            del stack[-2:]
    return [(run.old_text, run.new_text, run.equal) for run in stack]


class _Run:
    """A run of segments that are all equal or all changed, joined at the end (not at every fold)."""

    __slots__ = ("equal", "new", "new_size", "old", "old_size")

    def __init__(self, equal: bool, old_text: str, new_text: str) -> None:
        self.equal = equal
        self.old: list[str] = []
        self.new: list[str] = []
        self.old_size = self.new_size = 0
        self.add(old_text, new_text)

    def add(self, old_text: str, new_text: str) -> None:
        self.old.append(old_text)
        self.new.append(new_text)
        self.old_size += len(old_text)
        self.new_size += len(new_text)

    def absorb(self, other: _Run) -> None:
        self.old.extend(other.old)
        self.new.extend(other.new if not other.equal else other.old)
        self.old_size += other.old_size
        self.new_size += other.old_size if other.equal else other.new_size

    @property
    def size(self) -> int:
        return max(self.old_size, self.new_size)

    @property
    def old_text(self) -> str:
        return "".join(self.old)

    @property
    def new_text(self) -> str:
        return "".join(self.new)


def _push(ops: Ops, op: str, text: str) -> None:
    if text:
        ops.append((op, text))


def compact(ops: Ops, context: int = 24) -> Ops:
    """Shorten long unchanged runs to about ``context`` characters around each change.

    Cuts fall between tokens, never inside a Thai cluster; a cut is marked with ``…``.
    """
    out: Ops = []
    for n, (op, text) in enumerate(ops):
        if op != "=" or len(text) <= 2 * context + 1:
            out.append((op, text))
            continue
        tokens = clusters(text)
        first, last = n == 0, n == len(ops) - 1
        head = "" if first else "".join(_take(tokens, context)).rstrip()
        tail = "" if last else "".join(_take(tokens[::-1], context)[::-1]).lstrip()
        if first and last:
            out.append(("=", "".join(_take(tokens, context)).rstrip() + " …"))
        elif first:
            out.append(("=", "… " + tail))
        elif last:
            out.append(("=", head + " …"))
        else:
            out.append(("=", f"{head} … {tail}"))
    return out


def _take(tokens: list[str], budget: int) -> list[str]:
    """Tokens from the start up to ``budget`` characters, cut at the farthest space when there is one."""
    taken: list[str] = []
    size = 0
    for token in tokens:
        if size + len(token) > budget and taken:
            break
        taken.append(token)
        size += len(token)
    if len(taken) < len(tokens):
        spaces = [n for n, token in enumerate(taken) if token.isspace()]
        if spaces and spaces[-1] > 0:
            taken = taken[: spaces[-1]]
    return taken
