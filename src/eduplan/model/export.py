"""The plan as one normalised document (JSON or YAML) for other tools."""

from __future__ import annotations

import json
from typing import Any

import yaml

from eduplan.model import Plan

__all__ = ["dump", "plan_data"]


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain JSON-compatible data: keys in model order, absent values left out."""
    return plan.model_dump(mode="json", by_alias=True, exclude_none=True)


def dump(plan: Plan, fmt: str) -> str:
    """Serialise the plan as ``json`` or ``yaml`` text ending with a newline."""
    data = plan_data(plan)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return text
