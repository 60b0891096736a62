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


def word_diff(old: str, new: str) -> Ops:
    """The word-level diff of two texts, as ``(op, text)`` pairs in reading order.

    Joining the ``=`` and ``-`` texts gives ``old``; joining ``=`` and ``+`` gives ``new``.
    """
    a, b = clusters(old), clusters(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # segments: (old text, new text); equal when both are the same object of an "equal" opcode
    segments: list[tuple[str, str, bool]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        segments.append(("".join(a[i1:i2]), "".join(b[j1:j2]), tag == "equal"))
    segments = _fold_short_equalities(segments)
    ops: Ops = []
    for old_text, new_text, equal in segments:
        if equal:
            _push(ops, "=", old_text)
        else:
            _push(ops, "-", old_text)
            _push(ops, "+", new_text)
    return ops


def _fold_short_equalities(segments: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """Fold an equal run into its neighbours when it is no longer than the changes on both sides."""
    changed = True
    while changed:
        changed = False
        merged = _merge_changes(segments)
        for n in range(1, len(merged) - 1):
            old_text, _, equal = merged[n]
            before, after = merged[n - 1], merged[n + 1]
            if not equal or before[2] or after[2]:
                continue
            size = len(old_text)
            if size <= max(len(before[0]), len(before[1])) and size <= max(len(after[0]), len(after[1])):
                merged[n] = (old_text, old_text, False)
                changed = True
                break
        segments = merged
    return _merge_changes(segments)


def _merge_changes(segments: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    out: list[tuple[str, str, bool]] = []
    for old_text, new_text, equal in segments:
        if not old_text and not new_text:
            continue
        if out and out[-1][2] == equal:
            last = out[-1]
            out[-1] = (last[0] + old_text, last[1] + new_text, equal)
        else:
            out.append((old_text, new_text, equal))
    return out


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
