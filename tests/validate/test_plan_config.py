"""Each plan's configuration comes from its own folder: validate, gaps and diff find it from anywhere.

An office keeps its ``eduplan.yaml`` beside (or inside) its plan folder; a run from the repository
root, from CI or from another folder checks the plan with those settings. ``--config`` names one file
for every plan; without any file near the plan, the working directory's applies.
"""

from __future__ import annotations

from pathlib import Path

from eduplan.check.settings import PlanSettings
from eduplan.load.configfile import config_file
from tests.conftest import MINIMAL_PLAN, build_tree
from tests.validate.helpers import cli, subprocess_cli

NO_OWNERS = """\
id: p1
number: "1"
title: คุณภาพผู้เรียน
indicators:
  - id: p1-i1
    number: "1"
    name: ร้อยละของนักเรียนที่อ่านออก
    unit: ร้อยละ
    kind: percent
    targets: {2566: 80, 2567: 85, 2568: 90, 2569: 95, 2570: 100}
"""
"""A plan published without an owner column: clean by default, MD01 when the configuration requires owners."""

REQUIRE_OWNERS = "required: [owner, unit]\n"


def office(root: Path, name: str, config: str | None, where: str = "inside") -> Path:
    """A plan folder ``root/name`` with its configuration inside it, beside it (in ``root``), or none."""
    files: dict[str, str | bytes] = {f"{name}/plan.yaml": MINIMAL_PLAN, f"{name}/policies/1.yaml": NO_OWNERS}
    if config is not None:
        files[f"{name}/eduplan.yaml" if where == "inside" else "eduplan.yaml"] = config
    build_tree(root, files)
    return root / name


def test_the_plan_folder_configuration_applies_from_anywhere(tmp_path: Path) -> None:
    plan = office(tmp_path / "offices", "lampang", REQUIRE_OWNERS)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess_cli("validate", str(plan), "--format", "concise", cwd=elsewhere)
    assert run.code == 1, run.err
    assert "error MD01 indicator p1-i1 has no owner" in run.out
    assert "LD01" not in run.out  # the configuration in the plan folder is no stray file


def test_a_configuration_above_the_plan_folder(tmp_path: Path) -> None:
    plan = office(tmp_path / "offices", "lampang", REQUIRE_OWNERS, where="above")
    assert config_file(None, plan) == tmp_path / "offices" / "eduplan.yaml"
    assert config_file(None, plan / "policies" / "1.yaml") == tmp_path / "offices" / "eduplan.yaml"
    run = cli("validate", str(plan), "--format", "concise")
    assert run.code == 1 and "MD01" in run.out


def test_config_option_wins(tmp_path: Path) -> None:
    plan = office(tmp_path, "lampang", REQUIRE_OWNERS)
    other = build_tree(tmp_path / "conf", {"eduplan.yaml": "ignore: [TX07]\n"}) / "eduplan.yaml"
    run = cli("validate", str(plan), "--config", str(other), "--format", "concise")
    assert (run.code, run.err) == (0, ""), run.out


def test_several_plans_each_with_its_own_configuration(tmp_path: Path) -> None:
    strict = [office(tmp_path / "strict", f"s{n}", REQUIRE_OWNERS) for n in range(5)]
    free = [office(tmp_path / "free", f"f{n}", None) for n in range(5)]
    for jobs in ("1", "2"):  # in process, and on workers (10 plans start the pool)
        run = cli("validate", *map(str, strict + free), "--format", "concise", "--jobs", jobs)
        flagged = {line.split("/")[-3] for line in run.out.splitlines() if " MD01 " in line}
        assert flagged == {f"s{n}" for n in range(5)}, run.out
        assert run.code == 1


def test_settings_are_read_once_per_file_before_any_plan(tmp_path: Path) -> None:
    plans = [office(tmp_path / "strict", f"s{n}", REQUIRE_OWNERS, where="above") for n in range(3)]
    settings = PlanSettings()
    run_settings = settings.prepare(plans)
    assert settings.files() == [tmp_path / "strict" / "eduplan.yaml"]
    assert run_settings.source == str(tmp_path / "strict" / "eduplan.yaml")  # the file every plan used
    assert all(settings.of(plan) is run_settings for plan in plans)


def test_a_broken_plan_configuration_stops_the_run_before_any_output(tmp_path: Path) -> None:
    good = office(tmp_path, "good", None)
    bad = office(tmp_path, "bad", "required: [owner, colour]\n")
    run = subprocess_cli("validate", str(good), str(bad), cwd=tmp_path)
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("eduplan: error: ") and "bad/eduplan.yaml: required" in run.err
    assert len(run.err.splitlines()) == 1


def test_stdin_content_uses_the_configuration_of_its_plan(tmp_path: Path) -> None:
    plan = office(tmp_path, "lampang", REQUIRE_OWNERS)
    name = str(plan / "policies" / "1.yaml")
    run = cli("validate", "--stdin-filename", name, "--format", "concise", stdin=NO_OWNERS)
    assert run.code == 1 and "MD01" in run.out


def test_numbering_setting(tmp_path: Path) -> None:
    policy = NO_OWNERS + 'approaches:\n  - {id: p1-a1, number: "2.1", text: พัฒนาครู}\n'
    build_tree(tmp_path / "p", {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": policy})
    assert cli("validate", str(tmp_path / "p"), "--select", "MD04").code == 0  # auto: a list on its own
    (tmp_path / "p" / "eduplan.yaml").write_text("numbering: {prefix: {approaches: parent}}\n", encoding="utf-8")
    run = cli("validate", str(tmp_path / "p"), "--select", "MD04", "--format", "concise")
    assert run.code == 0 and "does not start with the number of its policy (1)" in run.out  # a warning
    (tmp_path / "p" / "eduplan.yaml").write_text("numbering: {prefix: {approach: parent}}\n", encoding="utf-8")
    run = cli("validate", str(tmp_path / "p"))
    assert run.code == 2 and "numbering.prefix" in run.err


def test_a_plan_folder_configuration_is_an_input(tmp_path: Path) -> None:
    plan = office(tmp_path, "lampang", REQUIRE_OWNERS)
    config = plan / "eduplan.yaml"
    run = cli("validate", str(plan), "--report", f"json={config}")
    assert run.code == 2 and "not written: it is the configuration this run reads" in run.err
    assert config.read_text(encoding="utf-8") == REQUIRE_OWNERS
