"""JSON Schema of each kind of plan file, for editors (yaml-language-server) and peer tools."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .model import ActionPlan, Plan, Policy, Report

__all__ = ["KINDS", "schema_for", "schemas"]

KINDS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "policy": Policy,
    "action-plan": ActionPlan,
    "report": Report,
}
"""File kind -> model. A plan directory has plan.yaml, policies/, action-plans/ and reports/."""

_TITLES = {
    "plan": "eduplan plan file (plan.yaml, or a whole plan in one file)",
    "policy": "eduplan policy file (policies/*.yaml)",
    "action-plan": "eduplan annual action plan file (action-plans/*.yaml)",
    "report": "eduplan annual performance report file (reports/*.yaml)",
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of plan file."""
    body = KINDS[kind].model_json_schema(by_alias=True)
    _integer_year_keys(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": _TITLES[kind],
        **{k: v for k, v in body.items() if k != "title"},
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Every kind's schema, by kind."""
    return {kind: schema_for(kind) for kind in KINDS}


def _integer_year_keys(node: Any) -> None:
    """Year-keyed mappings accept keys that read as years (YAML int keys become JSON strings)."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "additionalProperties" in node and "properties" not in node:
            title = str(node.get("title", ""))
            if title in ("Targets",):
                node["propertyNames"] = {"pattern": "^[0-9๐-๙]{4}$"}
            elif title == "Quarters":
                node["propertyNames"] = {"pattern": "^[1-4]$"}
        for value in node.values():
            _integer_year_keys(value)
    elif isinstance(node, list):
        for value in node:
            _integer_year_keys(value)
