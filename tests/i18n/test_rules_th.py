"""Every rule speaks Thai: the failing cases of ``tests/rules/cases`` and the documented examples, in Thai.

Each failing case (and each rule's *Fails:* example, ``eduplan explain``) is checked as
``tests/rules`` checks it, once in Thai and once in English. In Thai every finding's message and
hint has Thai letters and no English word outside what the plan's author wrote
(:func:`tests.i18n.leaks.leaks`); in English the findings are the same codes at the same places.
The language changes the words, nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tools import catalog

from eduplan import i18n
from eduplan.check.config import Settings
from eduplan.check.pipeline import check_path
from eduplan.check.settings import PlanSettings
from eduplan.findings import Finding
from tests.conftest import MINIMAL_PLAN, build_tree
from tests.i18n.leaks import leaks
from tests.rules.test_doc_examples import SKIP_WITHOUT, build, examples
from tests.rules.test_rule_cases import FRAGMENT, _options, load_cases

THAI = re.compile(r"[\u0e00-\u0e7f]")
FAILING = [param for param in load_cases() if param.values[1]["expect"]]
"""The cases that expect findings (a passing case says nothing, in any language)."""


def _case(code: str, case: dict[str, Any], root: Path) -> list[Finding]:
    """The findings of one case, checked as ``tests/rules/test_rule_cases.py`` checks it (LD03 aside)."""
    files: dict[str, str | bytes] = {"plan.yaml": case.get("plan", MINIMAL_PLAN)}
    if "policy" in case:
        files["policies/1.yaml"] = case["policy"]
    if "config" in case:
        files["eduplan.yaml"] = case["config"]
    build_tree(root, files)
    select = tuple(case.get("select", [code]))
    settings = Settings(select=select, **({"options": _options(case["options"])} if "options" in case else {}))
    if "config" in case:
        settings = PlanSettings(select=list(select)).of(root)
    findings = check_path(root, settings).findings
    return [f for f in findings if f.code == code or f.code != FRAGMENT]


def _place(finding: Finding) -> tuple[object, ...]:
    span = finding.span
    return (finding.code, finding.severity, *((span.line, span.col, span.end_line, span.end_col) if span else ()))


def _not_thai(findings: list[Finding]) -> list[str]:
    """What of the findings' messages and hints does not read as Thai."""
    wrong = []
    for finding in findings:
        for field, text in (("message", finding.message), ("hint", finding.hint)):
            if text is not None and (not THAI.search(text) or leaks(text)):
                wrong.append(f"{finding.code} {field}: {text!r} leaks {leaks(text)}")
    return wrong


def _both(run: Any) -> tuple[list[Finding], list[Finding]]:
    """The findings of ``run()`` in Thai, then in English."""
    with i18n.using("th"):
        thai = run()
    with i18n.using("en"):
        english = run()
    return thai, english


@pytest.mark.parametrize(("code", "case"), FAILING)
def test_a_failing_case_in_thai(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    if code in SKIP_WITHOUT:
        pytest.importorskip(SKIP_WITHOUT[code], reason=f"{code} needs the optional {SKIP_WITHOUT[code]}")
    thai, english = _both(lambda: _case(code, case, tmp_path))
    assert thai, "a failing case finds something"
    assert _not_thai(thai) == []
    assert [_place(f) for f in thai] == [_place(f) for f in english]
    assert [f.message for f in thai] != [f.message for f in english], "the Thai is not the English"


@pytest.mark.parametrize(("code", "kind", "fragment"), [p for p in examples() if p.values[1] == "Fails"])
def test_a_documented_failing_example_in_thai(code: str, kind: str, fragment: str, tmp_path: Path) -> None:
    if code in SKIP_WITHOUT:
        pytest.importorskip(SKIP_WITHOUT[code], reason=f"{code} needs the optional {SKIP_WITHOUT[code]}")
    (tmp_path / "plan.yaml").write_text(build(fragment), encoding="utf-8")
    thai, english = _both(
        lambda: [f for f in check_path(tmp_path, Settings(select=(code,))).findings if f.code == code]
    )
    assert thai, f"the {kind} example of {code} fails"
    assert _not_thai(thai) == []
    assert [_place(f) for f in thai] == [_place(f) for f in english]


def test_every_message_of_the_rules_is_in_thai() -> None:
    """The catalog of the rules is complete: every marked message has its Thai (see tools/catalog.py)."""
    assert catalog.problems({"rules"}) == []
