"""What indicator names and units say about kinds (shared by the UN rules)."""

from __future__ import annotations

__all__ = ["KIND_OF_UNIT", "unit_from_name"]

KIND_OF_UNIT = {"ร้อยละ": "percent", "คะแนน": "score", "ระดับ": "level"}
"""Units that imply a kind; any other unit counts things (kind count)."""

_NAME_STARTS = ("ร้อยละ", "จำนวน")


def unit_from_name(name: str) -> str | None:
    """The unit word an indicator name starts with: ร้อยละ (a share) or จำนวน (a count)."""
    stripped = name.strip()
    for word in _NAME_STARTS:
        if stripped.startswith(word):
            return word
    return None
