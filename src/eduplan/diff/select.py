"""Choosing changes: ``--only`` and ``--ignore-field`` filters, and the ``--fail-on`` threshold."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase

from eduplan.diff.change import WEAKENING, Change, ChangeKind, Level
from eduplan.errors import UsageError
from eduplan.i18n import _

__all__ = ["FAIL_ON", "LEVEL_WORDS", "failing", "level_named", "parse_severity", "select_changes"]

LEVEL_WORDS = {"major": Level.MAJOR, "warning": Level.WARN, "minor": Level.MINOR, "info": Level.INFO}
"""The levels as options and the configuration name them: ``warning`` as in ``validate --fail-on warning``.

``warn``, the level's value in the JSON output, is accepted too (:func:`level_named`).
"""

FAIL_ON = (*LEVEL_WORDS, "weakening", "any")
"""Thresholds of ``--fail-on``: a level (that level or above), ``weakening`` or ``any`` change."""


def level_named(word: str) -> Level | None:
    """The level a word names (``warning`` or its older spelling ``warn``), or None."""
    return LEVEL_WORDS.get(word) or (Level.WARN if word == Level.WARN.value else None)


def select_changes(changes: Iterable[Change], only: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Change]:
    """The changes that pass the filters.

    Args:
        changes: The changes of a diff.
        only: Keep a change when one of these is its kind (``target-lowered``), its level
            (``major``), ``weakening``, its id or a glob matching its path (``p3-*``).
            Empty keeps everything.
        ignore: Drop a change when one of these names a field on its path (``owner``,
            ``targets``) or is a glob matching its path (``p5-i*.notes``).
    """
    kept = [c for c in changes if not any(_drops(c, s) for s in ignore)]
    return [c for c in kept if not only or any(_picks(c, s) for s in only)]


def failing(changes: Iterable[Change], fail_on: str) -> list[Change]:
    """The changes at or above a ``--fail-on`` threshold.

    Raises:
        UsageError: ``fail_on`` is not a threshold.
    """
    if fail_on == "any":
        return list(changes)
    if fail_on == WEAKENING:
        return [c for c in changes if c.weakening]
    level = level_named(fail_on)
    if level is None:
        message = _("--fail-on: {value!r} is not one of {choices}")
        raise UsageError(message.format(value=fail_on, choices=", ".join(FAIL_ON)))
    floor = level.rank
    return [c for c in changes if c.severity.rank >= floor]


def parse_severity(items: Iterable[str], where: str) -> dict[str, Level]:
    """``["removed=warning", "weakening=major"]`` -> overrides by kind.

    Raises:
        UsageError: an item is not ``KIND=LEVEL`` with a known kind and level.
    """
    out: dict[str, Level] = {}
    for item in items:
        kind, sep, level = item.partition("=")
        out.update(check_severity({kind.strip(): level.strip()} if sep else {item: ""}, where))
    return out


def check_severity(table: dict[str, str], where: str) -> dict[str, Level]:
    """Validate a ``{kind: level}`` table.

    Raises:
        UsageError: an unknown kind or level.
    """
    kinds = [k.value for k in ChangeKind] + [WEAKENING]
    out: dict[str, Level] = {}
    for kind, level in table.items():
        if kind not in kinds:
            message = _("{where}: {kind!r} is not a kind of change; kinds: {kinds}")
            raise UsageError(message.format(where=where, kind=kind, kinds=", ".join(kinds)))
        named = level_named(level)
        if named is None:
            message = _("{where}: {kind}={level!r}: a level is one of {levels}")
            raise UsageError(message.format(where=where, kind=kind, level=level, levels=", ".join(LEVEL_WORDS)))
        out[kind] = named
    return out


def _picks(change: Change, selector: str) -> bool:
    if selector in (change.kind.value, change.id, change.path) or level_named(selector) is change.severity:
        return True
    if selector == WEAKENING:
        return change.weakening
    return fnmatchcase(change.path, selector)


def _drops(change: Change, selector: str) -> bool:
    if selector in _fields(change.path):
        return True
    return any(ch in selector for ch in "*?[") and fnmatchcase(change.path, selector)


def _fields(path: str) -> list[str]:
    """The names on an id-based path: ``p3-i19.targets.2568`` -> ``[p3-i19, targets, 2568]``."""
    return [re.sub(r"\[.*\]$", "", part) for part in path.split(".")]
