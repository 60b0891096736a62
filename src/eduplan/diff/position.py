"""Where the diff walk is, in both editions at once, and the options of a diff."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from eduplan.diff.change import Level
from eduplan.diff.words import Ops
from eduplan.findings import Path

__all__ = ["At", "DiffOptions", "places", "relative"]


@dataclass(frozen=True, slots=True)
class DiffOptions:
    """What to compare and how.

    Attributes:
        report_order: Report items that moved within their list (``reordered``).
        tolerance: Numeric differences up to this size are not changes.
        severity: Level per kind (or ``weakening``), over the defaults.
    """

    report_order: bool = False
    tolerance: float = 0.0
    severity: Mapping[str, Level] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class At:
    """Where the walk is: the same value in both editions (data paths, the id-based path, its group and item)."""

    path: str
    old: Path | None
    new: Path | None
    id: str
    group: str
    item: str | None = None

    def field(self, name: str | int) -> At:
        """The position of a part of the value (a field, a key, a year)."""
        return At(
            f"{self.path}.{name}" if self.path else str(name),
            None if self.old is None else (*self.old, name),
            None if self.new is None else (*self.new, name),
            self.id,
            self.group,
            self.item,
        )


def relative(at: At) -> str:
    """The path below the item, such as ``baseline.value``; the item's own path for plan fields."""
    if at.item and at.path.startswith(at.item + "."):
        return at.path[len(at.item) + 1 :]
    if at.group != "plan" and at.item is None and at.path.startswith(at.group + "."):
        return at.path[len(at.group) + 1 :]
    return at.path


def places(words: Ops) -> int:
    """How many runs of changed words a word diff has."""
    return sum(1 for i, (op, _) in enumerate(words) if op != "=" and (i == 0 or words[i - 1][0] == "="))
