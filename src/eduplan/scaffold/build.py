"""The files of a new plan, made from its answers with the packaged templates.

:func:`plan_files` gives the plan's own files (``plans/<office>/<start>-<end>/``) and
:func:`repository_files` those a repository of plans needs once (the schemas the modelines name,
``eduplan.yaml``, the CI workflow, the pre-commit configuration, a README). Both return text by
path relative to the repository's root; nothing here touches the disk (see :mod:`eduplan.scaffold.create`).

The templates are Jinja files under ``eduplan/scaffold/templates`` rendered with plain text rules
(no autoescape: the output is YAML and Markdown); every value an answer puts into YAML goes
through the ``q`` filter, a double-quoted YAML scalar, so a name with ``:`` or ``#`` stays text.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jinja2

from eduplan import __version__
from eduplan.model.schema import KINDS, schema_for
from eduplan.scaffold.answers import Answers
from eduplan.scaffold.standards import DEFAULT_LEVEL, LEVELS, STANDARDS

__all__ = ["ANSWERS_FILE", "SCHEMA_DIR", "plan_files", "repository_files", "schema_text"]

ANSWERS_FILE = ".eduplan-init.yaml"
"""The record of a plan's answers, beside its plan.yaml (hidden: never read as part of the plan)."""

SCHEMA_DIR = "schema"
"""Where the repository keeps the schemas its plans' modelines name."""

_SUB_TITLES = (
    "ยกระดับผลสัมฤทธิ์ทางการเรียนด้วยการจัดการเรียนรู้เชิงรุก",
    "พัฒนาครูให้จัดการเรียนรู้เชิงรุกและใช้การประเมินเพื่อพัฒนาผู้เรียน",
    "นิเทศ ติดตาม และสะท้อนผลการจัดการเรียนรู้ในชั้นเรียน",
)
"""Example titles of the lower levels of a new plan's first policy, one per level below the top."""


def _quoted(value: object) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(str(value), ensure_ascii=False)


def _environment() -> jinja2.Environment:
    folder = resources.files("eduplan.scaffold").joinpath("templates")

    def load(name: str) -> str:
        return folder.joinpath(name).read_text(encoding="utf-8")

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(load),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["q"] = _quoted
    return env


def _render(name: str, answers: Answers, **extra: Any) -> str:
    context = {
        "a": answers,
        "version": __version__,
        "standards": STANDARDS,
        "levels": LEVELS,
        "default_level": DEFAULT_LEVEL,
        "sub_titles": _SUB_TITLES,
        **extra,
    }
    return _environment().get_template(name).render(context)


def plan_files(answers: Answers) -> dict[str, str]:
    """The new plan's files: plan.yaml, policies/1.yaml and the record of its answers."""
    folder = answers.folder
    return {
        f"{folder}/plan.yaml": _render("plan.yaml.j2", answers),
        f"{folder}/policies/1.yaml": _render("policy.yaml.j2", answers),
        f"{folder}/{ANSWERS_FILE}": _render("answers.yaml.j2", answers, record=answers.record()),
    }


def repository_files(answers: Answers) -> dict[str, str]:
    """The files a repository of plans needs once, whichever plan first made them."""
    files = {f"{SCHEMA_DIR}/{kind}.schema.json": schema_text(kind) for kind in KINDS}
    files["eduplan.yaml"] = _render("eduplan.yaml.j2", answers)
    files[".github/workflows/eduplan.yml"] = _render("workflow.yml.j2", answers)
    files[".pre-commit-config.yaml"] = _render("pre-commit-config.yaml.j2", answers)
    files["README.md"] = _render("README.md.j2", answers)
    return files


def schema_text(kind: str) -> str:
    """A plan file's schema as ``eduplan schema -o`` writes it (the repository's schema/ copies)."""
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
