"""A command pays at start-up only for what it uses, and reads its options as Typer does.

``eduplan validate`` on one plan is mostly start-up (benchmarks/README.md). These tests pin what
was cut, by the modules a run imports (deterministic, unlike a time): no Rich when nothing is
framed, no Jinja, no pydantic plugin search (``importlib.metadata``), no Typer validator per
option (``typer._adapters``). The light option readers (``eduplan.cli.coercion``) give every value
Typer's would, and every refusal in Typer's words.
"""

from __future__ import annotations

import os
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest
import typer
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from eduplan.cli.app import app
from tests.conftest import REAL_PLAN

NOT_AT_START = ("rich", "jinja2", "importlib.metadata", "typer._adapters", "pythainlp", "openpyxl")


def imported(*args: str) -> set[str]:
    """The modules ``python -m eduplan ARGS`` imports, from ``-X importtime``."""
    env = {**os.environ, "EDUPLAN_LANG": "en"}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "eduplan", *args], capture_output=True, text=True, env=env
    )
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}


def test_validate_of_a_plan_imports_only_what_it_uses():
    modules = imported("validate", str(REAL_PLAN))
    assert "eduplan.check.pipeline" in modules and "pydantic" in modules  # it did run
    assert not [m for m in modules if m.split(".")[0] in NOT_AT_START or m in NOT_AT_START]
    assert not [m for m in modules if m.startswith(("eduplan.render", "eduplan.diff", "eduplan.sheet"))]


def test_version_imports_no_stage():
    modules = imported("--version")
    assert not [m for m in modules if m.startswith(("typer", "pydantic", "yaml", "eduplan."))]


def _commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    return {name: group.commands[name] for name in group.commands}  # type: ignore[attr-defined]


def test_a_run_builds_only_the_command_it_names():
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert "validate" in commands and commands.built() == []
    validate = commands["validate"]
    assert commands.built() == [validate] and "--lang" in {o for p in validate.params for o in p.opts}


VALUES: dict[object, list[object]] = {
    str: ["plan", "", "ปีงบประมาณ 2567", " padded "],
    int: ["3", "0", "-2", "007", "+4", " 5", "1_000", "3.0", "abc", ""],
    Path: ["plans/x", "-", "", "ไฟล์.yaml"],
}


def _params() -> list[tuple[str, object]]:
    found = []
    for name, command in _commands().items():
        for param in command.params:  # type: ignore[attr-defined]
            found.append((f"{name}:{param.name}", param))
    return found


@pytest.mark.parametrize(("where", "param"), _params(), ids=[w for w, _ in _params()])
def test_every_option_reads_every_value_as_typer_does(where: str, param: object):
    ctx = typer.main.get_command(app).make_context("eduplan", ["--help"], resilient_parsing=True)
    light = param.get_runtime_param()  # type: ignore[attr-defined]
    full = build_runtime_param(param.type_descriptor)  # type: ignore[attr-defined]
    annotation = param.type_descriptor.annotation  # type: ignore[attr-defined]
    item = typer.main.get_args(annotation)[0] if typer.main.get_origin(annotation) is list else annotation
    samples: list[object] = list(VALUES.get(item, []))
    if isinstance(item, type) and issubclass(item, Enum):
        samples += [m.value for m in item] + [str(m.value).upper() for m in item] + ["nonsense"]
    multiple = param.multiple or param.nargs == -1  # type: ignore[attr-defined]
    for sample in samples or ["x"]:
        value = (sample, sample) if multiple else sample
        assert _outcome(light, value, param, ctx) == _outcome(full, value, param, ctx), (where, value)


def _outcome(reader: object, value: object, param: object, ctx: object) -> object:
    try:
        return ("value", reader.coerce(value, param=param, ctx=ctx))  # type: ignore[attr-defined]
    except BadParameter as exc:
        return ("refused", exc.format_message())
