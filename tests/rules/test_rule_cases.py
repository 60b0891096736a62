"""Every rule's pass and fail cases, as data: ``cases/<CODE>.yaml`` (like sqlfluff's YAML cases).

A case file names its rule and lists cases. Each case gives ``plan`` (the text of plan.yaml;
default: a minimal plan) and optionally ``policy`` (the text of policies/1.yaml), and
``expect``: the findings the rule must report, as ``{code, line, col}`` (and ``file`` when
the finding is not in the policy file, or not in plan.yaml when there is no policy).
``expect: []`` is a passing case. Only the case's rule runs (or the rules in ``select``), and
the case must load cleanly, so a case cannot pass by accident because its YAML is broken.
``files`` are other files of the folder (a logo), each its text or ``{base64: ...}``.
``config`` is the text of an ``eduplan.yaml`` put in the plan's folder: the plan is then checked
with the settings eduplan finds from there (as ``eduplan validate`` finds them from anywhere).

A case is a fragment of a plan: most give no policy, and a plan without policies is LD03
(layout.no-policies), an error of the plan as a whole. So LD03 is left out of what a case
compares, except in LD03's own cases (``cases/LD03.yaml``), where it is the finding checked.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
import yaml

from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.check.settings import PlanSettings
from eduplan.rules import RULES
from tests.conftest import MINIMAL_PLAN, build_tree

CASES = Path(__file__).parent / "cases"
FRAGMENT = "LD03"
"""What every case without a policy would report: the plan has no policies."""


def load_cases() -> list[Any]:
    params = []
    for file in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return params


def test_every_rule_has_pass_and_fail_cases() -> None:
    covered: dict[str, set[str]] = {}
    for param in load_cases():
        code, case = param.values
        covered.setdefault(code, set()).add("fail" if case["expect"] else "pass")
    missing = {code for code in [*RULES, "AC01", "AC02"] if covered.get(code) != {"pass", "fail"}}
    assert not missing, f"rules without both a passing and a failing case: {sorted(missing)}"


@pytest.mark.parametrize(("code", "case"), load_cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"plan.yaml": case.get("plan", MINIMAL_PLAN)}
    if "policy" in case:
        files["policies/1.yaml"] = case["policy"]
    if "config" in case:
        files["eduplan.yaml"] = case["config"]
    for name, content in case.get("files", {}).items():  # files beside plan.yaml: text, or {base64: ...}
        files[name] = base64.b64decode(content["base64"]) if isinstance(content, dict) else content
    root = build_tree(tmp_path, files)
    settings = Settings(
        select=tuple(case.get("select", [code])),
        **({"options": _options(case["options"])} if "options" in case else {}),
    )
    if "config" in case:
        settings = PlanSettings(select=case.get("select", [code])).of(root)
        assert settings.source == str(root / "eduplan.yaml"), "the plan's own configuration is found"
    result = check_path(root, settings)
    findings = [f for f in result.findings if f.code == code or f.code != FRAGMENT]
    reading = [f for f in findings if f.code[:2] in ("YA", "LD", "SC") and f.code != code]  # LD03's own cases: LD03
    assert [f"{f.span}: {f.code} {f.message}" for f in reading] == [], "the case itself does not load cleanly"
    default_file = "policies/1.yaml" if "policy" in case else "plan.yaml"
    found = [
        (
            f.code,
            Path(f.span.file).relative_to(root).as_posix() if f.span else None,
            f.span.line if f.span else 0,
            f.span.col if f.span else 0,
        )
        for f in findings
    ]
    expected = [(e["code"], e.get("file", default_file), e["line"], e["col"]) for e in case["expect"]]
    assert found == expected, "\n".join(f"{f.span}: {f.code} {f.message}" for f in findings)


def _options(raw: dict[str, Any]) -> Any:
    from eduplan.rules import Options

    return Options(**{key: frozenset(values) for key, values in raw.items()})
