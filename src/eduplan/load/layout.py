"""The plan folder's layout: the one place that names its files and folders.

A plan directory holds ``plan.yaml`` (or ``plan.yml``) and one folder per kind of part, each file
of it one item: ``policies/1.yaml``, ``action-plans/2567.yaml``, ``reports/2567.yaml``. Beside
plans, a repository may hold eduplan's configuration, which is never a plan.
"""

from __future__ import annotations

from pydantic import BaseModel

from eduplan.load.configfile import CONFIG_FILES  # named there: the language is read before any model loads
from eduplan.model import ActionPlan, Policy, Report

__all__ = [
    "BESIDE_PLAN",
    "CONFIG_FILES",
    "PARTS",
    "PART_KINDS",
    "PLAN_FILES",
    "REGISTER_FILES",
    "REGISTER_FOLDER",
    "YAML_SUFFIXES",
]

PLAN_FILES = ("plan.yaml", "plan.yml")
"""The file that makes a directory a plan, in the order they are looked for."""

PARTS: dict[str, tuple[str, type[BaseModel]]] = {
    "policies": ("policies", Policy),
    "action-plans": ("action_plans", ActionPlan),
    "reports": ("reports", Report),
}
"""Folder of a plan directory -> (the plan's field, the model of each of its files)."""

PART_KINDS = {"policies": "policy", "action-plans": "action plan", "reports": "report"}
"""Folder -> what one of its files is, in words."""

YAML_SUFFIXES = (".yaml", ".yml")
"""What a plan file's name ends with."""

REGISTER_FILES = ("register.yaml", "register.yml")
"""The register of units (schools, offices) beside plan.yaml, read into the plan's ``register``."""
REGISTER_FOLDER = "register"
"""A folder of register files, for a register too long for one file."""
BESIDE_PLAN = ("returns",)
"""Folders of a plan directory that hold no part of the plan and are not reported as stray: the units' returns
for the roll-up (``returns/2567/1052140123.xlsx``), read by ``eduplan rollup``."""
