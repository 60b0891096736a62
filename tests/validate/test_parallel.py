"""Many plans: worker processes give the serial output byte for byte; streaming keeps nothing.

The folder mixes plan directories and single-file plans, clean and faulty ones, and one that
does not parse, so that every kind of result crosses the process boundary.
"""

from __future__ import annotations

import textwrap

import pytest

from eduplan.check.batch import MIN_PARALLEL
from eduplan.check.config import Settings
from eduplan.check.pipeline import PlanCheck, check_path, plan_targets
from eduplan.check.result import RunResult
from eduplan.reporters import summary
from tests.conftest import MINIMAL_PLAN, build_tree
from tests.validate.helpers import RAN, cli, subprocess_cli
from tests.validate.test_cli import POLICY


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory):
    """3 * MIN_PARALLEL plans: every third one lowers a target, one does not parse."""
    files: dict[str, str | bytes] = {}
    for n in range(3 * MIN_PARALLEL):
        policy = POLICY if n % 3 == 0 else POLICY.replace("2567: 84", "2567: 88")  # 84 lowers the target
        if n % 2:
            files[f"office-{n}/plan.yaml"] = MINIMAL_PLAN
            files[f"office-{n}/policies/1.yaml"] = policy
        else:
            item = textwrap.indent(policy, "    ").replace("    id:", "  - id:", 1)
            files[f"school-{n}.yaml"] = MINIMAL_PLAN + "policies:\n" + item
    files["school-broken.yaml"] = MINIMAL_PLAN + "policies: [\n"
    return build_tree(tmp_path_factory.mktemp("many"), files)


@pytest.mark.parametrize("fmt", ["concise", "human", "github", "json", "sarif", "junit", "markdown"])
def test_workers_print_what_one_process_prints(plans, fmt):
    serial = cli("validate", str(plans), "-f", fmt, "-j", "1")
    parallel = cli("validate", str(plans), "-f", fmt, "-j", "2")
    assert serial.code == parallel.code == 1
    assert parallel.out == serial.out
    assert "TG02" in serial.out and "YA01" in serial.out


def test_the_run_counts_every_plan(plans):
    run = cli("validate", str(plans), "-f", "concise", "-j", "2")
    offices = schools = 3 * MIN_PARALLEL // 2
    assert run.out.endswith(f"in {offices + schools + 1} plans, {2 * offices + schools + 1} files {RAN}.\n")


def test_max_findings_counts_the_rest_of_a_streamed_run(plans):
    full = cli("validate", str(plans), "-f", "concise", "-j", "2").out.splitlines()
    short = cli("validate", str(plans), "-f", "concise", "-j", "2", "--max-findings", "2").out.splitlines()
    findings = len(full) - 1
    assert short == [*full[:2], f"+{findings - 2} more findings not shown (raise --max-findings to see them)", full[-1]]


def test_a_streamed_run_reports_like_a_listed_one(plans):
    settings = Settings()
    checks = [check_path(p, settings) for p in plan_targets([plans])]
    listed = RunResult(checks, settings.fail_on)
    streamed = RunResult(iter(checks), settings.fail_on)
    assert streamed.tally.plans == 0  # nothing is read before the stream
    seen: list[PlanCheck] = list(streamed.stream())
    assert seen == checks
    assert (summary(streamed), streamed.failing) == (summary(listed), listed.failing)
    with pytest.raises(TypeError, match="streamed"):
        _ = streamed.findings


def test_progress_bar_only_where_asked_or_on_a_terminal(plans):
    quiet = subprocess_cli("validate", str(plans), "-f", "concise")  # stderr is a pipe
    assert quiet.err == ""
    forced = subprocess_cli("validate", str(plans), "-f", "concise", "--progress")
    assert "Checking plans" in forced.err
    assert forced.out == quiet.out  # the bar never reaches standard output
