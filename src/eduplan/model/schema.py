"""JSON Schemas eduplan ships: each kind of plan file, and the JSON that ``validate`` and ``diff`` write.

The plan files' schemas are made from the models (``schema/*.schema.json`` are their committed
copies, for editors such as yaml-language-server). The two output schemas are written by hand:
``schema/findings.schema.json`` and ``schema/diff.schema.json`` are their only source, read from
the wheel (``eduplan/schemas``) or, in a source checkout, from the repository.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from eduplan.errors import EduplanError
from eduplan.i18n import _
from eduplan.model import ActionPlan, Plan, Policy, Report
from eduplan.model.fielddocs import describe_fields
from eduplan.model.register import Register

__all__ = ["ALL_KINDS", "KINDS", "OUTPUT_KINDS", "schema_for", "schemas", "shipped_text"]

KINDS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "policy": Policy,
    "action-plan": ActionPlan,
    "report": Report,
    "register": Register,
}
"""File kind -> model. A plan directory has plan.yaml, policies/, action-plans/ and reports/ (and may have
register.yaml, or register/)."""

OUTPUT_KINDS = ("findings", "diff")
"""The JSON outputs with a shipped schema: ``validate --format json`` and ``diff --format json``."""

ALL_KINDS = (*KINDS, *OUTPUT_KINDS)
"""Every schema ``eduplan schema`` prints or writes."""

_TITLES = {
    "plan": "eduplan plan file (plan.yaml, or a whole plan in one file)",
    "policy": "eduplan policy file (policies/*.yaml)",
    "action-plan": "eduplan annual action plan file (action-plans/*.yaml)",
    "report": "eduplan annual performance report file (reports/*.yaml)",
    "register": "eduplan register of units (register.yaml, or register/*.yaml)",
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of plan file or JSON output (see ``ALL_KINDS``)."""
    if kind in OUTPUT_KINDS:
        body: dict[str, Any] = json.loads(shipped_text(kind))
        return body
    body = KINDS[kind].model_json_schema(by_alias=True)
    describe_fields(body, KINDS[kind])
    _integer_year_keys(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": _TITLES[kind],
        **{k: v for k, v in body.items() if k != "title"},
    }


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema, by kind: the plan files' and the outputs'."""
    return {kind: schema_for(kind) for kind in ALL_KINDS}


def shipped_text(kind: str) -> str:
    """The text of a hand-written output schema (``OUTPUT_KINDS``), as shipped.

    ``eduplan/schemas/KIND.schema.json`` in a wheel, the repository's ``schema/`` in a checkout.

    Raises:
        EduplanError: the file is in neither place (a broken installation).
    """
    name = f"{kind}.schema.json"
    installed = resources.files("eduplan").joinpath("schemas", name)
    repo = Path(__file__).resolve().parents[3] / "schema" / name
    for candidate in (installed, repo):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise EduplanError(_("the schema {name} is missing from this installation; reinstall eduplan").format(name=name))


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
