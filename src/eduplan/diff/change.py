"""What a diff produces: typed changes between two editions of a plan, and their severities.

A :class:`Change` is a value, like a finding: the engine collects every change of a run and
the reporters (human, markdown, json, github, html) present them. Changes are keyed by stable
ids (``p3-i19``), never by list position, and their ``path`` is id-based
(``p3-i19.targets.2568``) so that it reads the same in both editions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from eduplan.findings import Span

__all__ = [
    "DEFAULT_SEVERITY",
    "WEAKENING",
    "Change",
    "ChangeKind",
    "DiffResult",
    "Group",
    "Level",
    "Say",
    "severity_of",
]


class Level(StrEnum):
    """How much a change matters; ordered major > warn > minor > info."""

    MAJOR = "major"
    WARN = "warn"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        """3 for major, 2 for warn, 1 for minor, 0 for info."""
        return {"major": 3, "warn": 2, "minor": 1, "info": 0}[self.value]


class ChangeKind(StrEnum):
    """The kinds of change, in the order they are listed within one item."""

    REMOVED = "removed"
    """An item (policy, goal, mission, statement, indicator, project, ...) is gone."""
    ADDED = "added"
    """A new item."""
    MOVED = "moved"
    """An item with the same id now sits under another policy (or action plan)."""
    RENAMED = "renamed"
    """The name of an indicator, project or component changed."""
    RENUMBERED = "renumbered"
    """The published number of an item changed."""
    KIND_CHANGED = "kind-changed"
    """What the targets are (percent, count, score, level, qualitative) changed."""
    DIRECTION_CHANGED = "direction-changed"
    """Higher-is-better, lower-is-better or maintain changed."""
    UNIT_CHANGED = "unit-changed"
    """The unit of measure changed."""
    TARGET_RAISED = "target-raised"
    """A yearly target went up (a weakening on a lower-is-better indicator)."""
    TARGET_LOWERED = "target-lowered"
    """A yearly target went down (a weakening on a higher-is-better indicator)."""
    TARGET_CHANGED = "target-changed"
    """A yearly target changed in a way that has no up or down (number to range, unknown level)."""
    TARGET_YEAR_ADDED = "target-year-added"
    """A year got a target it did not have."""
    TARGET_YEAR_REMOVED = "target-year-removed"
    """A year lost its target."""
    OWNER_CHANGED = "owner-changed"
    """The responsible party changed."""
    TEXT_CHANGED = "text-changed"
    """Narrative wording changed: vision, missions, goals, policy titles, targets, approaches, ..."""
    CHANGED = "changed"
    """Any other field changed (baseline, notes, links to goals, budget, ...)."""
    REORDERED = "reordered"
    """An item moved within its list (reported only when asked for)."""

    @property
    def rank(self) -> int:
        """Position of the kind in the listing order; the target kinds share one (targets go by year)."""
        if self.value.startswith("target-"):
            return list(ChangeKind).index(ChangeKind.TARGET_RAISED)
        return list(ChangeKind).index(self)

    @property
    def words(self) -> str:
        """The kind as words, such as "target lowered"."""
        return self.value.replace("-", " ")


WEAKENING = "weakening"
"""Pseudo-kind in severity tables: the level of any change that weakens the plan's commitments."""

DEFAULT_SEVERITY: Mapping[str, Level] = {
    ChangeKind.REMOVED: Level.MAJOR,
    ChangeKind.ADDED: Level.MINOR,
    ChangeKind.MOVED: Level.MINOR,
    ChangeKind.RENAMED: Level.WARN,
    ChangeKind.RENUMBERED: Level.INFO,
    ChangeKind.KIND_CHANGED: Level.WARN,
    ChangeKind.DIRECTION_CHANGED: Level.WARN,
    ChangeKind.UNIT_CHANGED: Level.WARN,
    ChangeKind.TARGET_RAISED: Level.MINOR,
    ChangeKind.TARGET_LOWERED: Level.MINOR,
    ChangeKind.TARGET_CHANGED: Level.WARN,
    ChangeKind.TARGET_YEAR_ADDED: Level.MINOR,
    ChangeKind.TARGET_YEAR_REMOVED: Level.MAJOR,
    ChangeKind.OWNER_CHANGED: Level.MINOR,
    ChangeKind.TEXT_CHANGED: Level.INFO,
    ChangeKind.CHANGED: Level.MINOR,
    ChangeKind.REORDERED: Level.INFO,
    WEAKENING: Level.MAJOR,
}
"""Severity of each kind; ``weakening`` overrides the kind's level for weakening changes."""


def severity_of(kind: ChangeKind, weakening: bool, overrides: Mapping[str, Level]) -> Level:
    """The level of a change: the ``weakening`` level when it weakens, else its kind's level."""
    table = {**DEFAULT_SEVERITY, **overrides}
    if weakening:
        return max(table[kind], table[WEAKENING], key=lambda level: level.rank)
    return table[kind]


@dataclass(frozen=True, slots=True)
class Say:
    """A sentence to word in the reader's language: a label key and its parameters.

    The reporters word it with :class:`eduplan.diff.wording.Words` (the labels of
    ``eduplan.render.labels``, Thai or English, with the plan's overrides). Parameters are
    data, not words: ``year`` and ``count`` numbers, ``old``/``new`` values, ``field`` a field
    path (``baseline.value``), ``noun``/``number`` an item (``indicator``, ``"19"``).

    Attributes:
        key: The label key, such as ``diff_target_lowered``.
        params: Parameter names and values.
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Any) -> Say:
        """``Say.of("diff_renamed")``, ``Say.of("diff_added", noun="indicator", number="7")``."""
        return cls(key, tuple(params.items()))


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new edition.

    Attributes:
        kind: What changed.
        severity: How much it matters (from the kind, or the weakening level).
        id: The stable id of the item that changed (``p3-i19``), or a section name (``vision``).
        path: Id-based path of the value, such as ``p3-i19.targets.2568``.
        old: The old value as JSON-ready data (``None`` when added).
        new: The new value as JSON-ready data (``None`` when removed).
        delta: ``new - old`` for numbers (in level steps for levels), else ``None``.
        weakening: True when the new edition commits to less (a target lowered on a
            higher-is-better indicator, a target year or an indicator removed).
        old_span: Where the old value is written; ``None`` when added or unknown.
        new_span: Where the new value is written; for a removed value, the place it was
            removed from; ``None`` when unknown.
        detail: One sentence saying what changed, with the values, in English (the JSON's
            ``detail``; the text formats word ``say`` in the reader's language instead).
        words: For wording changes, the word-level diff as ``(op, text)`` pairs, op one of
            ``=`` (same), ``-`` (removed) and ``+`` (added).
        hint: A possible re-identification: a removed and an added item that look alike.
        say: ``detail`` as a sentence to word in any language.
        hint_say: ``hint`` as a sentence to word in any language.
        group: The policy id the change belongs to, or the plan section (``goals``, ``vision``).
        item: The item within the group (an indicator, a statement), when there is one.
        order: Sort key: document order of the new edition, then kind.
    """

    kind: ChangeKind
    severity: Level
    id: str
    path: str
    old: Any = None
    new: Any = None
    delta: float | None = None
    weakening: bool = False
    old_span: Span | None = None
    new_span: Span | None = None
    detail: str = ""
    words: tuple[tuple[str, str], ...] = ()
    hint: str | None = None
    group: str = ""
    item: str | None = None
    order: tuple[int, ...] = field(default=(), compare=False, repr=False)
    say: Say | None = None
    hint_say: Say | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """A heading of the report: a policy, an indicator, a statement or a plan section.

    Attributes:
        id: The id (``p3``, ``p3-i19``) or the section name (``goals``).
        label: What it is with its published number, such as "indicator 3.19" or "goals".
        title: Its name or text as published in the new edition (the old one when removed).
        noun: What kind of item it is (``policy``, ``indicator``, ``action_plan``), or "" for a
            plan section, whose ``id`` is the section's field name (``goals``).
        number: The item's published number (or key), for wording ``noun``.
        depth: For a policy, its level (1 for the first): the plan's ``hierarchy`` names it; else 0.
    """

    id: str
    label: str
    title: str = ""
    noun: str = ""
    number: str = ""
    depth: int = 0

    @property
    def shown_id(self) -> str:
        """The id readers see beside the heading: an item's id; nothing for a plan section (its key is no id)."""
        return self.id if self.noun else ""


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Every change between two editions, ready for the reporters.

    Attributes:
        changes: The changes, sorted by the new edition's document order, then kind.
        groups: Headings by group or item id (policies, indicators, statements, sections).
        old_label: How the old edition was named on the command line.
        new_label: How the new edition was named on the command line.
    """

    changes: list[Change]
    groups: dict[str, Group] = field(default_factory=dict)
    old_label: str = "old"
    new_label: str = "new"

    def counts(self) -> dict[str, Any]:
        """Totals by severity and by kind, and the number of weakening changes."""
        by_severity = {level.value: 0 for level in Level}
        by_kind: dict[str, int] = {}
        for change in self.changes:
            by_severity[change.severity.value] += 1
            by_kind[change.kind.value] = by_kind.get(change.kind.value, 0) + 1
        ordered = {kind.value: by_kind[kind.value] for kind in ChangeKind if kind.value in by_kind}
        return {
            "total": len(self.changes),
            "weakening": sum(1 for c in self.changes if c.weakening),
            "by_severity": by_severity,
            "by_kind": ordered,
        }
