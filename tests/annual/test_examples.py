"""The annual-cycle example (docs/examples/annual-cycle): loads clean, marked as an example, statuses.

The seed plan has no projects, budgets or actuals, so this fictional plan is where they are shown.
Other tests (spreadsheets, later the budget rules and the documents) build on it.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from eduplan.analysis.status import Counts, Status, year_status
from eduplan.load.loader import load_plan
from eduplan.load.yamlio import read_yaml
from tests.conftest import REPO

EXAMPLE = REPO / "docs" / "examples" / "annual-cycle"
FILES = sorted(EXAMPLE.rglob("*.yaml"))
KIND = {"policies": "policy", "action-plans": "action-plan", "reports": "report"}


@pytest.fixture(scope="module")
def plan():
    result = load_plan(EXAMPLE)
    assert result.findings == []
    assert result.plan is not None and not result.partial
    return result.plan


def test_the_example_loads_without_findings(plan):
    assert [len(p.indicators) for p in plan.policies] == [2, 3, 2]
    assert [a.fiscal_year for a in plan.action_plans] == [2567]
    assert [r.fiscal_year for r in plan.reports] == [2566, 2567]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(EXAMPLE)))
def test_every_file_is_marked_as_an_example_and_names_its_schema(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    kind = KIND.get(path.parent.name, "plan")
    modeline = "# yaml-language-server: $schema="
    assert lines[0].startswith(modeline)
    assert (path.parent / lines[0][len(modeline) :]).resolve() == REPO / "schema" / f"{kind}.schema.json"
    assert lines[1].startswith("# EXAMPLE ONLY:")
    schema = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    data, _, findings = read_yaml(path.read_bytes(), str(path))
    assert findings == []
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_the_example_is_not_under_plans():
    assert not any("example" in str(p).lower() for p in (REPO / "plans").rglob("*.yaml"))


def test_budgets_add_up(plan):
    (action_plan,) = plan.action_plans
    budgets = [p.budget for p in action_plan.projects]
    assert sum(b for b in budgets if b is not None) == action_plan.total_budget == 500_000
    for project in action_plan.projects:
        assert sum(q.budget or 0 for q in project.quarters.values()) == project.budget, project.id
        assert sorted(project.quarters) == [1, 2, 3, 4]


def test_projects_link_to_existing_policies_and_indicators(plan):
    indicators = {i.id: p.id for p in plan.policies for i in p.indicators}
    (action_plan,) = plan.action_plans
    for project in action_plan.projects:
        assert project.indicators and all(indicators[i] == project.policy for i in project.indicators)
    assert {p.policy for p in action_plan.projects} == {p.id for p in plan.policies}
    served = {i for p in action_plan.projects for i in p.indicators}
    assert set(indicators) - served == {"p2-i3"}  # the deliberate gap the README names
    schemes = {ref.scheme for p in action_plan.projects for ref in p.alignment}
    assert schemes == {"national-strategy-20y", "master-plan", "ndp13", "moe-policy", "obec-policy", "sdg"}


def test_status_of_the_example_years(plan):
    y2566, y2567 = year_status(plan, 2566), year_status(plan, 2567)
    assert y2566.counts == Counts(achieved=6, no_data=1)
    assert y2567.counts == Counts(achieved=3, not_achieved=3, no_data=1)
    assert y2567.counts.share_achieved == 0.5
    missed = {s.indicator: s.reason for s in y2567.indicators if s.status is Status.NOT_ACHIEVED}
    assert missed == {
        "p1-i2": "1.4 > 1.2 (lower is better)",
        "p2-i1": "31.25 < 32 (higher is better)",
        "p2-i3": "41 misses the range 30..40 (maintain)",
    }
    assert [p.counts.share_achieved for p in y2567.policies] == [0.5, 1 / 3, 1.0]


def test_range_targets_export_without_serializer_warnings(plan):
    from eduplan.model.export import plan_data

    targets = plan_data(plan)["policies"][1]["indicators"][2]["targets"]  # p2-i3, warnings are errors here
    assert targets["2567"] == {"min": 30, "max": 40}


def test_the_readme_status_example_is_real(plan):
    year = year_status(plan, 2567)
    lines = [f"{year.counts} {year.counts.share_achieved:.0%}"]
    lines += [f"{s.indicator} {s.status.value} | {s.reason}" for s in year.indicators]
    assert "```text\n" + "\n".join(lines) + "\n```" in (REPO / "README.md").read_text(encoding="utf-8")
