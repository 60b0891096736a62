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
    """Serialise the plan as ``json`` or ``yaml`` text ending with a newline.

    Years and quarters stay number keys in YAML (``2566: 80``, as plans write them), so that
    eduplan reads its own export back as the same plan. JSON keys are always text; eduplan
    reads the digit keys of a ``.json`` file as numbers.
    """
    data = plan_data(plan)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    data = _number_keys(plan.model_dump(by_alias=True, exclude_none=True), data)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return text


def _number_keys(python: Any, data: Any) -> Any:
    """``data`` (JSON-ready) with the integer keys of ``python`` (the same dump in Python mode) back."""
    if isinstance(data, dict) and isinstance(python, dict):
        keys = {str(key): key for key in python if isinstance(key, int) and not isinstance(key, bool)}
        return {keys.get(k, k): _number_keys(python.get(keys.get(k, k)), v) for k, v in data.items()}
    if isinstance(data, list) and isinstance(python, list) and len(python) == len(data):
        return [_number_keys(p, d) for p, d in zip(python, data, strict=True)]
    return data
