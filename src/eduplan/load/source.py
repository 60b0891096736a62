"""The source map: where every value of the plan data came from.

The loader records, for every path in the data, the span of the value and (for mapping
entries) of its key. Pydantic error locations and rule paths resolve through it to a
``file:line:col`` and end position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eduplan.findings import Path, Span

__all__ = ["SourceMap"]


@dataclass(slots=True)
class SourceMap:
    """Spans of values and keys by path, for one plan (one file or a whole directory)."""

    values: dict[Path, Span] = field(default_factory=dict)
    """Span of the value at each path."""
    keys: dict[Path, Span] = field(default_factory=dict)
    """Span of the key of each mapping entry, by the entry's path."""
    thai_digits: set[Path] = field(default_factory=set)
    """Paths of numbers that were written with Thai digits (๐-๙)."""
    via_alias: set[Path] = field(default_factory=set)
    """Paths whose value came through a YAML alias; their spans point at the anchor."""

    def graft(self, other: SourceMap, prefix: Path) -> None:
        """Add another file's map under ``prefix`` (a policy file under ("policies", 2))."""
        self.values.update({prefix + p: s for p, s in other.values.items()})
        self.keys.update({prefix + p: s for p, s in other.keys.items()})
        self.thai_digits.update(prefix + p for p in other.thai_digits)
        self.via_alias.update(prefix + p for p in other.via_alias)

    def span(self, path: Path, *, key: bool = False) -> Span | None:
        """Span of the value at ``path`` (or of its key), or of the nearest enclosing value."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return None
