"""What a Word import gathered: the plan's fields, its policies of every level, its action plans (plain data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Draft", "count_indicators", "count_policies"]


@dataclass
class Draft:
    """What the document gave: the plan's fields, its policies (nested), and the front matter found."""

    title: str | None = None
    office: str | None = None
    period: tuple[int, int, str] | None = None
    hierarchy: list[str] = field(default_factory=list)
    plan: dict[str, Any] = field(default_factory=dict)
    policies: list[dict[str, Any]] = field(default_factory=list)
    action_plans: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Year -> the action plan of that year (title, projects) read from project tables."""


def count_policies(policies: list[dict[str, Any]]) -> int:
    """How many policies of every level."""
    return sum(1 + count_policies(p.get("policies", [])) for p in policies)


def count_indicators(policies: list[dict[str, Any]]) -> int:
    """How many indicators (sub-indicators included) in every policy of every level."""

    def of(indicators: list[dict[str, Any]]) -> int:
        return sum(1 + of(i.get("indicators", [])) for i in indicators)

    return sum(of(p.get("indicators", [])) + count_indicators(p.get("policies", [])) for p in policies)
