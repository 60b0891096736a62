"""Possible re-identifications: a removed item and an added one that look like the same item.

An item whose id changed between editions shows as one removal and one addition. The diff
never merges them (ids are the contract; a wrong merge would hide a real removal), but when a
removed and an added item of the same list have very similar names, both changes carry a
hint naming the other, so that a reviewer can restore the id or confirm the replacement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher

from eduplan.diff.change import Change, ChangeKind, Say
from eduplan.diff.wording import ENGLISH
from eduplan.diff.words import MAX_TOKENS, clusters

__all__ = ["SIMILAR", "add_reid_hints", "similarity"]

SIMILAR = 0.8
"""Smallest similarity (0..1, over Thai clusters and words) for a hint."""


MAX_PAIRS = 10_000
"""Most (removed, added) pairs of one list that are compared; a list with more gets no hints.

Comparing is quadratic in the items and in their length: a thousand items renamed at once are
a rewrite, which a hint per pair would not help to review.
"""


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1, comparing Thai clusters and words.

    Texts longer than :data:`~eduplan.diff.words.MAX_TOKENS` tokens are not compared (0).
    """
    if not a or not b:
        return 0.0
    x, y = clusters(a), clusters(b)
    if max(len(x), len(y)) > MAX_TOKENS or 2 * min(len(x), len(y)) < SIMILAR * (len(x) + len(y)):
        return 0.0 if max(len(x), len(y)) > MAX_TOKENS else 2 * min(len(x), len(y)) / (len(x) + len(y))
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def add_reid_hints(changes: list[Change], candidates: list[tuple[int, str, str]]) -> list[Change]:
    """Pair removed and added items of the same list whose names are at least :data:`SIMILAR` alike.

    Args:
        changes: The changes of a diff.
        candidates: ``(index in changes, list name, name or text)`` of every added and removed item.

    Returns:
        The changes, with a ``hint`` on both changes of each pair (each item in one pair at most).
    """
    removed = [(i, name, text) for i, name, text in candidates if changes[i].kind is ChangeKind.REMOVED]
    added = [(i, name, text) for i, name, text in candidates if changes[i].kind is ChangeKind.ADDED]
    by_list: dict[str, list[tuple[int, str]]] = {}
    for new_i, name, text in added:
        by_list.setdefault(name, []).append((new_i, text))
    sizes = Counter(name for _, name, _ in removed)
    compared = {name for name in sizes if sizes[name] * len(by_list.get(name, ())) <= MAX_PAIRS}
    pairs = sorted(
        (
            (similarity(old_text, new_text), old_i, new_i)
            for old_i, old_name, old_text in removed
            if old_name in compared
            for new_i, new_text in by_list.get(old_name, [])
        ),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    out = list(changes)
    used: set[int] = set()
    for score, old_i, new_i in pairs:
        if score < SIMILAR or old_i in used or new_i in used:
            continue
        used.update((old_i, new_i))
        old, new = changes[old_i], changes[new_i]
        percent = int(score * 100)
        said_removed = Say.of("diff_hint_removed", other=new.id, alike=percent)
        said_added = Say.of("diff_hint_added", other=old.id, alike=percent)
        out[old_i] = replace(old, hint=ENGLISH.say(said_removed), hint_say=said_removed)
        out[new_i] = replace(new, hint=ENGLISH.say(said_added), hint_say=said_added)
    return out
