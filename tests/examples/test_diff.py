"""``eduplan diff`` of the office plan's two editions: the first and its revision of 2568.

The revision raises a cumulative target, adds an indicator from 2568, rewords กลยุทธ์ 2.2 and removes a
sub-indicator (with its project link and its 2567 result). The report names each item by the plan's
own levels (ประเด็นยุทธศาสตร์, กลยุทธ์), in the golden files human.th.txt and diff.json.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import REPO
from tests.diff.test_golden import THAI_RUN, run
from tests.examples.helpers import OFFICE, OFFICE_REVISED, check_golden

OLD, NEW = (str(p.relative_to(REPO)) for p in (OFFICE, OFFICE_REVISED))


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # relative paths in the output, so the goldens do not depend on the checkout


@pytest.mark.parametrize(("fmt", "name"), [("human", "diff.human.th.txt"), ("json", "diff.json")])
def test_the_editions_diff_matches_its_golden_file(fmt: str, name: str) -> None:
    code, out = run(OLD, NEW, "--format", fmt, env=THAI_RUN)  # a run that asks for no language: Thai
    assert code == 0
    check_golden(name, out)


def test_the_revisions_are_what_the_diff_reports() -> None:
    _, out = run(OLD, NEW, "--format", "json")
    body = json.loads(out)
    jsonschema.validate(body, json.loads((REPO / "schema" / "diff.schema.json").read_text(encoding="utf-8")))
    found = {(c["kind"], c["path"]) for c in body["changes"]}
    assert {("target-raised", f"p1-1-i2.targets.{year}") for year in (2568, 2569, 2570)} <= found
    assert ("removed", "p2-1-i1-3") in found and ("added", "p2-2-i3") in found
    assert any(kind in ("renamed", "text-changed") and path == "p2-2.title" for kind, path in found)
    assert body["counts"]["weakening"] >= 1  # a sub-indicator removed weakens the plan


def test_the_human_report_names_the_plans_levels() -> None:
    _, out = run(OLD, NEW, env=THAI_RUN)
    assert "กลยุทธ์ที่ 2.1 (p2-1)" in out and "กลยุทธ์ที่ 2.2 (p2-2)" in out
    assert "นโยบาย" not in out  # the plan has no level called นโยบาย
