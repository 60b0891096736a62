"""The committed JSON Schemas are current, and peer tools accept every shipped plan file with them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.model.schema import KINDS, schema_for
from tests.conftest import REPO

SCHEMA_DIR = REPO / "schema"
PLAN_FILES = sorted((REPO / "plans").rglob("*.yaml"))


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schema_is_current(kind):
    committed = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == schema_for(kind), f"run: eduplan schema -o schema  (schema/{kind}.schema.json is stale)"


def _kind_of(path: Path) -> str:
    folder = path.parent.name
    return {"policies": "policy", "action-plans": "action-plan", "reports": "report"}.get(folder, "plan")


def test_every_plan_file_names_its_schema_in_a_modeline():
    assert PLAN_FILES, "no plan files shipped"
    for path in PLAN_FILES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first.startswith(prefix), f"{path}: first line must be the yaml-language-server modeline"
        target = (path.parent / first[len(prefix) :]).resolve()
        assert target == (SCHEMA_DIR / f"{_kind_of(path)}.schema.json").resolve(), path


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_check_jsonschema_accepts_shipped_plan_files(path):
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[dev]')")
    schema = SCHEMA_DIR / f"{_kind_of(path)}.schema.json"
    run = subprocess.run([exe, "--schemafile", str(schema), str(path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_check_jsonschema_refuses_a_broken_policy(tmp_path):
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[dev]')")
    bad = tmp_path / "1.yaml"
    bad.write_text('id: p1\nnumber: "1"\ntitle: t\nindicators:\n  - {id: x, number: "1", name: n, kind: percentage}\n')
    run = subprocess.run(
        [exe, "--schemafile", str(SCHEMA_DIR / "policy.schema.json"), str(bad)], capture_output=True, check=False
    )
    assert run.returncode == 1
