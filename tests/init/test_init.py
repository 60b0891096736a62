"""``eduplan init`` for an office and for a school: the result validates with no finding and renders."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.init.helpers import OFFICE, OFFICE_PLAN, SCHOOL, SCHOOL_PLAN, eduplan, files_under

BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths in messages; no configuration from above


def _validate_json(path: str) -> dict[str, object]:
    result = eduplan("validate", path, "--format", "json", "--select", "ALL")
    assert result.exit_code == 0, result.stdout + result.stderr
    body: dict[str, object] = json.loads(result.stdout)
    return body


@pytest.mark.parametrize(("flags", "plan"), [(OFFICE, OFFICE_PLAN), (SCHOOL, SCHOOL_PLAN)], ids=["office", "school"])
def test_the_new_plan_validates_with_no_finding_and_renders(flags: list[str], plan: str, tmp_path: Path) -> None:
    result = eduplan("init", "repo", *flags)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    body = _validate_json("repo/plans/")
    assert body["findings"] == []
    summary = body["summary"]
    assert isinstance(summary, dict) and summary["plans"] == 1
    for fmt, suffix in (("markdown", "md"), ("html", "html")):
        out = tmp_path / f"plan.{suffix}"
        rendered = eduplan("render", f"repo/{plan}", "-f", fmt, "-o", str(out))
        assert rendered.exit_code == 0, rendered.stderr
        assert "ร้อยละ" in out.read_text(encoding="utf-8")


def test_validate_at_the_repository_root_checks_the_plan_and_nothing_else(tmp_path: Path) -> None:
    # eduplan.yaml, the workflow, .pre-commit-config.yaml and .eduplan-init.yaml are not plans
    assert eduplan("init", "repo", *SCHOOL).exit_code == 0
    result = eduplan("validate", "repo")
    assert result.exit_code == 0
    assert result.stdout.startswith("All checks passed: 1 plan, 2 files")


def test_a_school_plan_counts_academic_years_and_lists_the_three_standards() -> None:
    assert eduplan("init", ".", *SCHOOL).exit_code == 0
    plan = yaml.safe_load(Path(SCHOOL_PLAN, "plan.yaml").read_text(encoding="utf-8"))
    assert plan["office"] == {
        "name": "โรงเรียนบ้านหนองบัว",
        "kind": "school",
        "code": "1050130001",
        "parent": "สพป.เชียงใหม่ เขต 1",
    }  # identity fields are left as comments: nothing half-filled renders
    assert plan["period"] == {"start": 2567, "end": 2569, "year": "academic"}
    standards = plan["standards"]
    assert [(s["number"], s["name"]) for s in standards] == [
        ("1", "คุณภาพของผู้เรียน"),
        ("2", "กระบวนการบริหารและการจัดการ"),
        ("3", "กระบวนการจัดการเรียนการสอนที่เน้นผู้เรียนเป็นสำคัญ"),
    ]
    assert [len(s["indicators"]) for s in standards] == [2, 6, 5]
    assert [len(i["indicators"]) for i in standards[0]["indicators"]] == [6, 4]
    assert all(s["targets"] == {2567: "ดี", 2568: "ดี", 2569: "ดี"} for s in standards)
    text = Path(SCHOOL_PLAN, "plan.yaml").read_text(encoding="utf-8")
    for key in ("philosophy", "identity", "distinction", "motto"):
        assert re.search(rf"^  # {key}: ", text, re.MULTILINE), key


@pytest.mark.parametrize(
    ("levels", "ids"),
    [
        ("ประเด็นยุทธศาสตร์,กลยุทธ์", ["p1", "p1-1"]),
        ("ประเด็นยุทธศาสตร์,กลยุทธ์,กลยุทธ์ย่อย", ["p1", "p1-1", "p1-1-1"]),
        ("นโยบาย", ["p1"]),
    ],
)
def test_every_level_of_the_hierarchy_gets_a_policy_and_the_last_one_the_indicator(levels: str, ids: list[str]) -> None:
    assert eduplan("init", ".", *OFFICE, "--hierarchy", levels).exit_code == 0
    plan = yaml.safe_load(Path(OFFICE_PLAN, "plan.yaml").read_text(encoding="utf-8"))
    assert plan["hierarchy"] == levels.split(",")
    policy = yaml.safe_load(Path(OFFICE_PLAN, "policies", "1.yaml").read_text(encoding="utf-8"))
    chain = [policy]
    while chain[-1].get("policies"):
        chain.append(chain[-1]["policies"][0])
    assert [p["id"] for p in chain] == ids
    assert [i["id"] for i in chain[-1]["indicators"]] == [f"{ids[-1]}-i1"]
    assert chain[-1]["indicators"][0]["targets"] == {2567: 70, 2568: 72, 2569: 74, 2570: 76, 2571: 78}
    assert _validate_json("plans")["findings"] == []


def test_the_modelines_name_the_schemas_init_wrote_and_the_files_pass_them(tmp_path: Path) -> None:
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    written = eduplan("schema", "-o", "expected")
    assert written.exit_code == 0
    for name in ("plan.yaml", "policies/1.yaml"):
        file = tmp_path / "repo" / OFFICE_PLAN / name
        first = file.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, first
        schema = (file.parent / match.group(1)).resolve()
        assert schema.is_file()
        assert schema.parent == (tmp_path / "repo" / "schema").resolve()
        assert schema.read_text(encoding="utf-8") == (tmp_path / "expected" / schema.name).read_text(encoding="utf-8")
        run = subprocess.run(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), str(file)], capture_output=True, text=True
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_the_workflow_and_the_pre_commit_configuration_are_valid(tmp_path: Path) -> None:
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    workflow = tmp_path / "repo" / ".github" / "workflows" / "eduplan.yml"
    run = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["validate"]["steps"]
    assert steps[-1] == {"run": "eduplan validate plans/ --format github"}
    config = tmp_path / "repo" / ".pre-commit-config.yaml"
    run = subprocess.run([str(BIN / "pre-commit"), "validate-config", str(config)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    hook = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    ours = yaml.safe_load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    for key in ("id", "entry", "types_or", "pass_filenames", "require_serial"):
        assert hook[key] == ours[key], key  # the same hook as eduplan's own, run from the installed eduplan


def test_the_configuration_it_writes_is_read_by_validate(tmp_path: Path) -> None:
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    config = tmp_path / "repo" / "eduplan.yaml"
    text = config.read_text(encoding="utf-8")
    for setting in ("fail-on", "required", "numbering", "select", "ignore", "extra-units", "known-words", "severity"):
        assert re.search(rf"^#? ?{setting}:", text, re.MULTILINE), setting
    # every commented setting, switched on, is a setting validate accepts
    keys = "required|numbering|select|ignore|extra-units|known-words|severity"
    on = re.sub(rf"^# ((?:{keys}):.*)$", r"\1", text, flags=re.M)
    on = re.sub(r"^#   prefix: auto$", "  prefix: auto", on, flags=re.M)
    config.write_text(on, encoding="utf-8")
    result = eduplan("validate", "repo/plans", "--config", str(config))
    assert result.exit_code == 0, result.stdout + result.stderr


def test_an_existing_plan_is_never_written_over(tmp_path: Path) -> None:
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    before = files_under(tmp_path / "repo")
    again = eduplan("init", "repo", *OFFICE)
    assert again.exit_code == 2
    assert again.stderr == (
        f"eduplan: error: repo/{OFFICE_PLAN}: the plan exists already; init never writes over a plan"
        " (give another --period or --id, or edit that plan)\n"
    )
    assert files_under(tmp_path / "repo") == before


def test_an_empty_plan_folder_is_a_plan_folder_that_exists(tmp_path: Path) -> None:
    (tmp_path / "repo" / OFFICE_PLAN).mkdir(parents=True)
    result = eduplan("init", "repo", *OFFICE)
    assert result.exit_code == 2 and "the plan exists already" in result.stderr
    assert files_under(tmp_path / "repo") == {}


def test_a_second_plan_in_a_repository_keeps_every_file_that_is_there(tmp_path: Path) -> None:
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    readme = tmp_path / "repo" / "README.md"
    readme.write_text("# our own README\n", encoding="utf-8")
    before = files_under(tmp_path / "repo")
    result = eduplan("init", "repo", *OFFICE[:-1], "2572-2576")
    assert result.exit_code == 0, result.stderr
    after = files_under(tmp_path / "repo")
    assert {k: v for k, v in after.items() if k in before} == before  # nothing that was there changed
    assert sorted(set(after) - set(before)) == [
        "plans/pesa-chiang-mai-1/2572-2576/.eduplan-init.yaml",
        "plans/pesa-chiang-mai-1/2572-2576/plan.yaml",
        "plans/pesa-chiang-mai-1/2572-2576/policies/1.yaml",
    ]
    assert "  kept repo/README.md (it exists; not changed)\n" in result.stdout
    assert "  kept repo/eduplan.yaml (it exists; not changed)\n" in result.stdout
    assert _validate_json("repo")["findings"] == []


def test_the_repository_s_own_stricter_configuration_is_named_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "eduplan.yaml").write_text("required: [owner, unit, baseline]\n", encoding="utf-8")
    result = eduplan("init", "repo", *OFFICE)
    assert result.exit_code == 0, result.stderr
    assert "note: with the repository's own configuration, the new plan has 1 finding:" in result.stdout
    assert "MD01" in result.stdout and "baseline" in result.stdout


@pytest.mark.parametrize(
    ("config", "where"),
    [
        ("repo/pyproject.toml", "[tool.eduplan]\nrequired = ['owner', 'unit']\n"),
        ("repo/.eduplan.yaml", "required: [owner, unit]\n"),
        ("eduplan.yaml", "required: [owner, unit]\n"),  # in the folder above: it applies to the new plan
    ],
)
def test_no_eduplan_yaml_hides_a_configuration_that_applies(config: str, where: str, tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / config).write_text(where, encoding="utf-8")
    result = eduplan("init", "repo", *OFFICE)
    assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "repo" / "eduplan.yaml").exists()
    assert f"  kept {tmp_path / config if config == 'eduplan.yaml' else config} (it exists; not changed)\n" in (
        result.stdout
    )
    assert "note:" not in result.stdout  # the skeleton fills owner and unit


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            "2023-2027",
            "--period: 2023 looks like a Christian-Era year; plans use Buddhist-Era years"
            " (พ.ศ. = ค.ศ. + 543): 2566-2570",
        ),
        ("2571-2567", "--period: 2571-2567 ends before it starts; write the first year first, 2567-2571"),
        ("2567", "--period: '2567' is not a period; write the first and last year, such as 2567-2571"),
        (
            "2567-2590",
            "--period: 2567-2590 covers 24 years; a plan covers at most 10 (offices' and schools' plans cover 3 to 5)",
        ),
        ("1234-1240", "--period: 1234 is not a Buddhist-Era year (2400..2800)"),
    ],
)
def test_a_bad_period_is_one_line_and_nothing_is_written(period: str, message: str, tmp_path: Path) -> None:
    result = eduplan("init", "repo", *OFFICE[:-1], period)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"eduplan: error: {message}\n")
    assert not (tmp_path / "repo").exists()


@pytest.mark.parametrize(
    ("period", "years"), [("๒๕๖๗-๒๕๗๑", (2567, 2571)), ("2567-71", (2567, 2571)), ("2567 – 2571", (2567, 2571))]
)
def test_a_period_may_be_written_as_offices_write_it(period: str, years: tuple[int, int]) -> None:
    assert eduplan("init", ".", *OFFICE[:-1], period).exit_code == 0
    assert Path(f"plans/pesa-chiang-mai-1/{years[0]}-{years[1]}/plan.yaml").is_file()


def test_without_a_terminal_a_missing_flag_is_one_line(tmp_path: Path) -> None:
    result = eduplan("init", "repo", "--name", "โรงเรียนบ้านหนองบัว", stdin="")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "eduplan: error: init: --kind, --period are missing and there is no terminal to ask on;"
        " give them as options (see eduplan init --help)\n"
    )
    assert not (tmp_path / "repo").exists()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--name", "โรงเรียน  บ้านหนองบัว"], "has two spaces in a row"),
        (["--name", "โรงเรียน\nบ้านหนองบัว"], "holds a line break (U+000A)"),
        (["--name", "โรงเรียน\u200bบ้านหนองบัว"], "holds an invisible character (U+200B)"),
        (["--name", "   "], "--name is empty"),
        (["--code", "10501 30001"], "the code '10501 30001' is not digits"),
        (["--id", "บ้านหนองบัว"], "--id: 'บ้านหนองบัว' is not an id"),
        (["--id", "School-1"], "--id: 'School-1' is not an id"),
        (["--hierarchy", "กลยุทธ์,,"], "has an empty level"),
        (["--hierarchy", "กลยุทธ์,กลยุทธ์"], "names a level twice"),
        (["--name", "โรงเรียน(บ้านหนองบัว"], "not validate, nothing written: --title (or the name it is made from): TX08"),
        (["--short-name", "ร.ร.บ้านหนองบํา"], "--short-name: TX02 sara am written as two characters"),
    ],
)
def test_an_answer_that_cannot_be_used_names_its_flag(flags: list[str], message: str, tmp_path: Path) -> None:
    options = dict(zip(SCHOOL[::2], SCHOOL[1::2], strict=True)) | dict(zip(flags[::2], flags[1::2], strict=True))
    args = [word for pair in options.items() for word in pair]
    result = eduplan("init", "repo", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("eduplan: error: ") and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "repo").exists()


def test_a_name_with_yaml_characters_stays_text() -> None:
    name = 'โรงเรียน "บ้าน: หนองบัว" # 1'
    result = eduplan("init", ".", *SCHOOL[:3], name, *SCHOOL[4:])
    assert result.exit_code == 0, result.stderr
    plan = yaml.safe_load(Path(SCHOOL_PLAN, "plan.yaml").read_text(encoding="utf-8"))
    assert plan["office"]["name"] == name
    assert _validate_json("plans")["findings"] == []


def test_nothing_is_written_when_one_file_cannot_be(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".github").write_text("a file where the workflow's folder goes\n", encoding="utf-8")
    result = eduplan("init", "repo", *OFFICE)
    assert result.exit_code == 2
    assert result.stderr.startswith("eduplan: error: repo/.github/workflows/eduplan.yml: cannot write: ")
    assert sorted(p.name for p in (tmp_path / "repo").iterdir()) == [".github"]  # all or nothing


def test_init_refuses_a_file_and_a_plan_folder(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x\n", encoding="utf-8")
    result = eduplan("init", "afile", *OFFICE)
    assert (result.exit_code, result.stderr) == (
        2,
        "eduplan: error: afile: not a directory; init makes a repository of plans in a directory\n",
    )
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    inside = eduplan("init", f"repo/{OFFICE_PLAN}/policies", *SCHOOL)
    assert inside.exit_code == 2
    assert "it is inside the plan" in inside.stderr and "run init at the root of the repository" in inside.stderr


def test_the_answers_are_recorded_for_a_later_update() -> None:
    assert eduplan("init", ".", *OFFICE).exit_code == 0
    record = yaml.safe_load(Path(OFFICE_PLAN, ".eduplan-init.yaml").read_text(encoding="utf-8"))
    assert record == {
        "template": "eduplan-init",
        "eduplan": record["eduplan"],
        "kind": "office",
        "name": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1",
        "short_name": "สพป.เชียงใหม่ เขต 1",
        "code": None,
        "parent": None,
        "start": 2567,
        "end": 2571,
        "hierarchy": ["ประเด็นยุทธศาสตร์"],
        "office_id": "pesa-chiang-mai-1",
        "id_from": "from the short name",
        "title": "แผนพัฒนาการศึกษา พ.ศ. 2567-2571 ของ สพป.เชียงใหม่ เขต 1",
    }


def test_the_command_says_what_it_made_and_how_the_id_was_chosen() -> None:
    result = eduplan("init", "repo", *OFFICE)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"created the plan pesa-chiang-mai-1-2567-2571 in repo/{OFFICE_PLAN}"
        " (id pesa-chiang-mai-1, from the short name)"
    )
    assert f"  wrote repo/{OFFICE_PLAN}/plan.yaml" in lines
    assert lines[-1] == (
        f"next: fill in repo/{OFFICE_PLAN}/plan.yaml and repo/{OFFICE_PLAN}/policies/1.yaml,"
        f" then eduplan validate repo/plans/ and eduplan render repo/{OFFICE_PLAN}"
    )


def test_init_is_listed_in_the_help() -> None:
    assert re.search(r"^│ init ", eduplan("--help").stdout, re.MULTILINE)


def test_the_readme_s_three_commands_run_on_the_new_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert eduplan("init", "repo", *OFFICE).exit_code == 0
    monkeypatch.chdir(tmp_path / "repo")
    readme = Path("README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^eduplan (.+)$", readme, re.MULTILINE)
    assert [c.split()[0] for c in commands] == ["validate", "render", "diff"]
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    steps = (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "1"], ["commit", "-q", "--allow-empty", "-m", "2"])
    for step in steps:
        subprocess.run([*git, *step], check=True, capture_output=True)
    for command in commands:
        # as the office runs them (diff's REV:path reads git through pipes: a process of its own)
        run = subprocess.run([str(BIN / "eduplan"), *command.split()], capture_output=True, text=True)
        assert run.returncode == 0, (command, run.stdout, run.stderr)
    assert Path("out", "pesa-chiang-mai-1-2567-2571.plan.html").is_file()
