"""An incomplete plan fails the run: no policies, gaps in the policy files, stray copies, parts without
their plan.yaml, acceptances of what is gone; and plan discovery takes plans, not every YAML file.

Each case is a copy of the shipped plan (or a small tree) with one thing broken, and the exact
located finding and exit code it must give.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eduplan.load.completeness import copy_of, kind_of_keys
from eduplan.load.loader import find_plans, load_plan
from tests.conftest import MINIMAL_PLAN, REAL_PLAN
from tests.validate.helpers import REPO, cli

POLICY = 'id: p{n}\nnumber: "{n}"\ntitle: นโยบาย {n}\n'


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the shipped plan, to break."""
    return Path(shutil.copytree(REAL_PLAN, tmp_path / "plan"))


def findings(*paths: Path | str) -> tuple[int, list[str]]:
    """Exit code and the finding lines of ``validate -f concise`` (not the summary, nor accepted ones)."""
    run = cli("validate", *map(str, paths), "-f", "concise")
    lines = [line for line in run.out.splitlines() if line.startswith("/") and " accepted " not in line]
    return run.code, lines


def test_the_shipped_plan_and_the_example_are_whole() -> None:
    assert cli("validate", str(REAL_PLAN), str(REPO / "docs" / "examples" / "annual-cycle")).code == 0


# -- no policies -------------------------------------------------------------------------------

NO_POLICIES = "error LD03 the plan has no policies: "
NO_FOLDER = f"{NO_POLICIES}there is no policies/ folder and plan.yaml lists none (layout.no-policies)"
HINT_FOLDER = "    hint: a plan publishes its policies (กลยุทธ์): one file each in policies/ (1.yaml, 2.yaml, ...)"


def test_a_deleted_policies_folder_is_one_error_at_plan_yaml(plan: Path) -> None:
    shutil.rmtree(plan / "policies")
    assert findings(plan) == (
        1,
        [f"{plan}/plan.yaml:1:1: {NO_FOLDER}"],
    )  # not 13 AC01 warnings for the acceptances of the policies, and exit 1, not 0


def test_an_emptied_policies_folder(plan: Path) -> None:
    for file in (plan / "policies").iterdir():
        file.unlink()
    (plan / "policies" / ".gitkeep").write_text("", encoding="utf-8")
    assert findings(plan) == (
        1,
        [
            f"{plan}/plan.yaml:1:1: {NO_POLICIES}policies/ holds no policy file and plan.yaml lists none "
            "(layout.no-policies)"
        ],
    )


def test_a_misspelt_policies_folder(plan: Path) -> None:
    (plan / "policies").rename(plan / "policy")
    code, lines = findings(plan)
    assert code == 1
    assert lines[0] == (f"{plan}/plan.yaml:1:1: {NO_FOLDER}")
    assert [line.split(": ", 1)[1].split(" ")[:2] for line in lines[1:]] == [
        ["warning", "LD01"]
    ] * 5  # policy/1.yaml ... 5.yaml


def test_only_a_copy_left_in_policies(plan: Path) -> None:
    for n in range(2, 6):
        (plan / "policies" / f"{n}.yaml").unlink()
    (plan / "policies" / "1.yaml").rename(plan / "policies" / "1 - Copy.yaml")
    code, lines = findings(plan)
    assert code == 1
    assert [line.split(" error ")[1].split(":")[0] for line in lines] == [
        "LD03 the plan has no policies",
        "LD06 policies/1 - Copy.yaml looks like a copy of 1.yaml (there is no 1.yaml) and is not read (layout.copy)",
    ]


@pytest.mark.parametrize("name", ["plan.yaml", "plan.yml"])
def test_a_plan_directory_with_four_keys(tree, name: str) -> None:
    root = tree({name: MINIMAL_PLAN})
    assert findings(root) == (
        1,
        [f"{root}/{name}:1:1: {NO_POLICIES}there is no policies/ folder and {name} lists none (layout.no-policies)"],
    )


def test_a_single_file_plan_with_four_keys(tree) -> None:
    root = tree({"school.yaml": MINIMAL_PLAN})
    assert findings(root / "school.yaml") == (
        1,
        [f"{root}/school.yaml:1:1: {NO_POLICIES}school.yaml lists none (layout.no-policies)"],
    )


@pytest.mark.parametrize("empty", ["[]", "[ ]", "\n  []"])
def test_an_empty_policies_list_is_the_error_at_the_key(tree, empty: str) -> None:
    root = tree({"school.yaml": MINIMAL_PLAN + f"policies: {empty}\n"})
    assert findings(root / "school.yaml") == (
        1,
        [f"{root}/school.yaml:5:1: {NO_POLICIES}school.yaml lists none (layout.no-policies)"],
    )


def test_policies_of_plan_yaml_or_its_folder_are_enough(tree) -> None:
    inline = MINIMAL_PLAN + "policies:\n  - {id: p1, number: '1', title: นโยบาย}\n"
    assert [f.code for f in load_plan(tree({"a/plan.yaml": inline}) / "a").findings] == []
    assert [
        f.code
        for f in load_plan(tree({"b/plan.yaml": MINIMAL_PLAN, "b/policies/1.yaml": POLICY.format(n=1)}) / "b").findings
    ] == []


def test_policy_files_that_do_not_load_give_their_own_findings(plan: Path) -> None:
    """Every policy file is broken: their findings say so, not a misleading 'the plan has no policies'."""
    (plan / "policies" / "1.yaml").write_text("", encoding="utf-8")
    (plan / "policies" / "2.yaml").write_text("- a list\n", encoding="utf-8")
    (plan / "policies" / "3.yaml").write_text("id: p3\n  title: bad indent\n", encoding="utf-8")
    (plan / "policies" / "4.yaml").write_bytes(b"\xff\xfe\x00")
    (plan / "policies" / "5.yaml").unlink()
    (plan / "policies" / "5.yaml").mkdir()
    code, lines = findings(plan)
    assert code == 1
    assert [line.removeprefix(f"{plan}/").split(" ")[0:3] for line in lines] == [
        ["policies/1.yaml:1:1:", "error", "SC01"],
        ["policies/2.yaml:1:1:", "error", "SC03"],
        ["policies/3.yaml:2:3:", "error", "YA01"],
        ["policies/4.yaml:1:1:", "error", "YA05"],
        ["policies/5.yaml:1:1:", "error", "LD02"],
    ]


def test_a_policies_file_instead_of_a_folder_is_not_also_no_policies(tree) -> None:
    root = tree({"plan.yaml": MINIMAL_PLAN, "policies": "id: p1\n"})
    assert [f.code for f in load_plan(root).findings] == ["LD02"]


def test_a_file_that_is_no_plan_is_not_told_it_has_no_policies(tree) -> None:
    root = tree({"notes.yaml": "site_name: x\n"})
    assert "LD03" not in {f.code for f in load_plan(root / "notes.yaml").findings}


@pytest.mark.parametrize(("command", "output"), [("render", "plan.html"), ("export", "plan.json")])
def test_render_and_export_refuse_a_plan_without_policies(plan: Path, command: str, output: str) -> None:
    shutil.rmtree(plan / "policies")
    out = plan.parent / output
    run = cli(command, str(plan), "-o", str(out))
    assert (run.code, run.out) == (2, "")
    assert run.err.splitlines() == [
        f"eduplan: error: {plan}: the plan does not load whole (1 error; first: {plan}/plan.yaml:1:1: LD03 "
        f"the plan has no policies: there is no policies/ folder and plan.yaml lists none); "
        f"see `eduplan validate {plan}`"
    ]
    assert not out.exists()


def test_gaps_refuses_a_plan_without_policies(tree) -> None:
    root = tree({"school.yaml": MINIMAL_PLAN})
    run = cli("gaps", str(root / "school.yaml"))
    assert (run.code, run.out) == (2, "")
    assert "LD03 the plan has no policies" in run.err and run.err.count("\n") == 1


# -- a gap in the policy files -----------------------------------------------------------------


def test_a_deleted_policy_file_is_one_error_naming_its_number(plan: Path) -> None:
    (plan / "policies" / "3.yaml").unlink()
    assert findings(plan) == (
        1,
        [
            f"{plan}/policies/4.yaml:1:1: error LD04 policies/3.yaml is missing: the policy files go 1, 2, 4, 5 "
            "and no policy is numbered 3 (layout.policy-gap)"
        ],
    )  # no MD04 'skips from 2', no AC01 for the acceptances of p3: the loss is the finding


def test_the_first_file_missing_and_two_missing(tree) -> None:
    root = tree({"plan.yaml": MINIMAL_PLAN, **{f"policies/{n}.yaml": POLICY.format(n=n) for n in (2, 4, 5, 6)}})
    (gap,) = [f for f in load_plan(root).findings if f.code == "LD04"]
    assert (
        gap.message
        == "policies/1.yaml, 3.yaml are missing: the policy files go 2, 4, 5, 6 and no policy is numbered 1, 3"
    )
    assert (Path(gap.span.file).name, gap.span.line) == ("2.yaml", 1)


@pytest.mark.parametrize(
    ("files", "numbers"),
    [
        pytest.param(("1", "2", "4"), ("1", "2", "3"), id="a file named otherwise than its policy"),
        pytest.param(("1", "2", "4", "extra"), ("1", "2", "4", "3"), id="the missing number in an unnumbered file"),
        pytest.param(("10", "20", "30"), ("1", "2", "3"), id="files numbered by tens"),
        pytest.param(("safety", "quality"), ("1", "3"), id="unnumbered files (MD04 judges the numbers)"),
        pytest.param(("๑", "๒", "๓"), ("1", "2", "3"), id="Thai digits"),
        pytest.param(("p1", "p2", "p3"), ("1", "2", "3"), id="a prefix"),
    ],
)
def test_no_gap_when_no_policy_is_missing(tree, files: tuple[str, ...], numbers: tuple[str, ...]) -> None:
    parts = {
        f"policies/{f}.yaml": POLICY.format(n=n).replace(f"id: p{n}", f"id: p{i}")
        for i, (f, n) in enumerate(zip(files, numbers, strict=True))
    }
    root = tree({"plan.yaml": MINIMAL_PLAN, **parts})
    assert [f.code for f in load_plan(root).findings if f.code.startswith("LD")] == []


def test_a_policy_file_that_does_not_load_is_not_a_gap(plan: Path) -> None:
    (plan / "policies" / "3.yaml").write_text("id: p3\n  title: bad indent\n", encoding="utf-8")
    code, lines = findings(plan)
    assert code == 1
    assert [line.split(" ")[2] for line in lines] == ["YA01"]


# -- stray copies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "original"),
    [
        ("1 - Copy.yaml", "1.yaml"),
        ("1 - Copy (2).yaml", "1.yaml"),
        ("1 - สำเนา.yaml", "1.yaml"),
        ("1 (1).yaml", "1.yaml"),
        ("1 copy.yaml", "1.yaml"),
        ("1 copy 2.yaml", "1.yaml"),
        ("1 (copy).yaml", "1.yaml"),
        ("1 (another copy).yaml", "1.yaml"),
        ("Copy of 1.yaml", "1.yaml"),
        ("สำเนาของ 1.yaml", "1.yaml"),
        ("1.yaml.bak", "1.yaml"),
        ("1.yaml~", "1.yaml"),
        ("1.bak.yaml", "1.yaml"),
        ("plan - Copy.yaml", "plan.yaml"),
        ("plan.yml.orig", "plan.yml"),
    ],
)
def test_copy_names(name: str, original: str) -> None:
    assert copy_of(name) == original


@pytest.mark.parametrize("name", ["1.yaml", "10.yaml", "2566.yaml", "copy.yaml", "notes - Copy.txt", "plan.yaml"])
def test_names_that_are_not_copies(name: str) -> None:
    assert copy_of(name) is None


def test_a_windows_copy_is_one_error_and_is_not_read(plan: Path) -> None:
    shutil.copy(plan / "policies" / "1.yaml", plan / "policies" / "1 - Copy.yaml")
    assert findings(plan) == (
        1,
        [
            f"{plan}/policies/1 - Copy.yaml:1:1: error LD06 policies/1 - Copy.yaml looks like a copy of 1.yaml "
            "and is not read (layout.copy)"
        ],
    )  # not 16 MD02 duplicate ids
    assert f"{plan}/policies/1 - Copy.yaml" not in load_plan(plan).files


def test_copies_of_the_plan_file_and_backups(plan: Path) -> None:
    shutil.copy(plan / "plan.yaml", plan / "plan - Copy.yaml")
    shutil.copy(plan / "policies" / "2.yaml", plan / "policies" / "2.yaml.bak")
    code, lines = findings(plan)
    assert code == 1
    assert [line.split(": error ")[1] for line in lines] == [
        "LD06 plan - Copy.yaml looks like a copy of plan.yaml and is not read (layout.copy)",
        "LD06 policies/2.yaml.bak looks like a copy of 2.yaml and is not read (layout.copy)",
    ]


def test_a_copy_whose_original_is_gone_says_so(plan: Path) -> None:
    (plan / "policies" / "3.yaml").rename(plan / "policies" / "3 (1).yaml")
    code, lines = findings(plan)
    assert code == 1
    assert [line.split(": error ")[1].split(":")[0] for line in lines] == [
        "LD06 policies/3 (1).yaml looks like a copy of 3.yaml (there is no 3.yaml) and is not read (layout.copy)",
        "LD04 policies/3.yaml is missing",
    ]


# -- parts of a plan without its plan.yaml -----------------------------------------------------


def test_a_plan_folder_without_plan_yaml_is_one_finding(plan: Path) -> None:
    (plan / "plan.yaml").unlink()
    assert findings(plan) == (
        1,
        [
            f"{plan}/policies/1.yaml:1:1: error LD05 plan/ holds 5 policy files in policies/, but {plan} has no "
            "plan.yaml: these are parts of a plan without the plan (layout.no-plan-file)"
        ],
    )  # not "30 errors in 5 plans"


def test_the_policies_folder_without_its_plan(plan: Path) -> None:
    (plan / "plan.yaml").unlink()
    assert findings(plan / "policies") == (
        1,
        [
            f"{plan}/policies/1.yaml:1:1: error LD05 policies/ holds 5 policy files, but {plan} has no plan.yaml: "
            "these are parts of a plan without the plan (layout.no-plan-file)"
        ],
    )


def test_one_policy_file_named_without_its_plan(plan: Path) -> None:
    (plan / "plan.yaml").unlink()
    assert findings(plan / "policies" / "2.yaml") == (
        1,
        [
            f"{plan}/policies/2.yaml:1:1: error LD05 the file holds a policy, not a plan: a policy is read as part "
            "of a plan folder, next to its plan.yaml (layout.no-plan-file)"
        ],
    )


def test_the_policies_folder_of_a_plan_means_the_plan(plan: Path) -> None:
    assert find_plans([plan]) == [plan]
    assert cli("validate", str(plan / "policies")).code == 0
    assert cli("validate", str(plan / "policies" / "2.yaml")).code == 0


def test_loose_policy_files_in_a_folder_of_plans(tree) -> None:
    root = tree(
        {"a.yaml": MINIMAL_PLAN, "strategies/1.yaml": POLICY.format(n=1), "strategies/2.yaml": POLICY.format(n=2)}
    )
    assert [p.relative_to(root).as_posix() for p in find_plans([root])] == ["a.yaml", "strategies"]
    (only,) = load_plan(root / "strategies").findings
    assert only.message.startswith("strategies/ holds 2 policy files, but")


# -- discovery: plans, not every YAML file -----------------------------------------------------

WORKFLOW = "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
MKDOCS = "site_name: แผน\nnav:\n  - index.md\ntheme: material\n"


def test_a_repository_root_holds_only_its_plans(tree) -> None:
    root = tree(
        {
            "mkdocs.yml": MKDOCS,
            ".pre-commit-config.yaml": "repos: []\n",
            ".github/workflows/ci.yml": WORKFLOW,
            "eduplan.yaml": "fail_on: warning\n",
            "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
            "data/alignment.yaml": "schemes: {}\n",
            "plans/office/plan.yaml": MINIMAL_PLAN,
            "plans/office/policies/1.yaml": POLICY.format(n=1),
            "plans/school.yaml": MINIMAL_PLAN,
            "plans/broken.yaml": "id: x\n  title: bad indent\n",
        }
    )
    found = [p.relative_to(root).as_posix() for p in find_plans([root])]
    assert found == ["plans/broken.yaml", "plans/office", "plans/school.yaml"]  # broken: its keys cannot be seen


def test_a_file_named_on_the_command_line_is_checked_as_a_plan(tree) -> None:
    root = tree({"mkdocs.yml": MKDOCS})
    assert find_plans([root / "mkdocs.yml"]) == [root / "mkdocs.yml"]
    assert {f.code for f in load_plan(root / "mkdocs.yml").findings} == {"SC01", "SC02"}


@pytest.mark.parametrize(
    ("keys", "kind"),
    [
        (["id", "title", "office", "period"], "plan"),
        (["id", "title", "missions"], "plan"),
        (["period"], "plan"),
        (["id", "number", "title", "indicators"], "policy"),
        (["fiscal_year", "projects", "total_budget"], "action plan"),
        (["fiscal_year", "actuals"], "report"),
        (["site_name", "nav", "theme"], "other"),
        (["name", "on", "jobs"], "other"),
        (["name", "description", "title", "labels", "body"], "other"),
    ],
)
def test_what_a_file_holds_by_its_keys(keys: list[str], kind: str) -> None:
    assert kind_of_keys(keys) == kind


# -- acceptances of what is no longer there ----------------------------------------------------


def test_an_acceptance_of_a_removed_item_fails_the_run(plan: Path) -> None:
    text = (plan / "policies" / "3.yaml").read_text(encoding="utf-8")
    (plan / "policies" / "3.yaml").write_text(text.replace("id: p3-i19\n", "id: p3-i99\n"), encoding="utf-8")
    code, lines = findings(plan)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines] == [
        "error AC02 the plan has no 'p3-i19.targets.2567': the acceptance of TG02 names something no longer there "
        "(accepted.gone)",
        'error TG02 target for 2567 (84) is lower than for 2566 (85); the indicator is declared "higher is better" '
        "(targets.against-direction)",  # the renamed item's finding is no longer accepted
    ]


# -- gaps on a plan that does not load whole -----------------------------------------------------


def test_gaps_refuses_a_plan_that_does_not_load_whole(plan: Path) -> None:
    (plan / "policies" / "3.yaml").unlink()
    run = cli("gaps", str(plan))
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        f"eduplan: error: {plan}: the plan does not load whole (1 error; first: {plan}/policies/4.yaml:1:1: LD04 "
        "policies/3.yaml is missing: the policy files go 1, 2, 4, 5 and no policy is numbered 3); "
        f"see `eduplan validate {plan}`\n"
    )


def test_gaps_refuses_a_plan_with_dropped_items(plan: Path) -> None:
    policy = plan / "policies" / "1.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("kind: percent", "kind: percnt", 1), encoding="utf-8")
    run = cli("gaps", str(plan))
    assert run.code == 2
    assert run.err.startswith(f"eduplan: error: {plan}: the plan does not load whole (1 error; first: ")
    assert run.err.count("\n") == 1


def test_gaps_formats_human_and_its_old_name_text() -> None:
    human = cli("gaps", str(REAL_PLAN), "-f", "human")
    assert human.code == 0
    assert cli("gaps", str(REAL_PLAN)).out == human.out == cli("gaps", str(REAL_PLAN), "-f", "text").out
    assert cli("gaps", str(REAL_PLAN), "-f", "md").out == cli("gaps", str(REAL_PLAN), "-f", "markdown").out
    bad = cli("gaps", str(REAL_PLAN), "-f", "txt")
    assert (bad.code, bad.err) == (
        2,
        "eduplan: error: --format: unknown format 'txt'; use one of human, markdown, json\n",
    )
