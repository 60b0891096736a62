"""Values no command may trip on: control characters bound for a workbook, a period that runs backwards.

A control character (``"\\x01"`` in a quoted YAML text) is a TX01 error at the text, and
``export -f xlsx`` (a workbook cannot hold it) refuses with one line naming the cell; nothing
is written. A period whose start is after its end is MD06 for validate, and every other
command still runs on it without a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PLAN_WITH_POLICY
from tests.hostile.runner import check_run, located, run

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "annual-cycle"


def test_a_control_character_is_tx01_and_no_workbook(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_POLICY.replace("owner: สพฐ.", 'owner: "สพฐ.\\x01"'), encoding="utf-8")
    done = run("validate", str(plan), "--format", "json")
    check_run(done, 1)
    found = [(f["code"], f["line"], f["message"]) for f in located(json.loads(done.out))]
    assert found == [("TX01", 15, "invisible character U+0001 control character")]
    book = tmp_path / "plan.xlsx"
    done = run("export", str(plan), "--format", "xlsx", "-o", str(book))
    check_run(done, 2)
    assert done.err == (
        "eduplan: error: indicators!M2: the text 'สพฐ.\ufffd' holds the control character U+0001, which a workbook "
        "cannot hold; remove it from the plan (it is invisible in most editors)\n"
    )
    assert not book.exists() and not list(tmp_path.glob(".*"))  # nothing half-written


@pytest.fixture
def backwards(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    plan.mkdir()
    for source in EXAMPLE.rglob("*.yaml"):
        target = plan / source.relative_to(EXAMPLE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert "period:\n  start: 2566\n  end: 2570\n" in text
    (plan / "plan.yaml").write_text(text.replace("start: 2566\n  end: 2570", "start: 2570\n  end: 2566"), "utf-8")
    return plan


def test_a_backwards_period_is_md06(backwards: Path) -> None:
    done = run("validate", str(backwards), "--format", "json")
    check_run(done, 1)
    md06 = [f for f in located(json.loads(done.out)) if f["code"] == "MD06"]
    assert [(Path(f["file"]).name, f["line"]) for f in md06] == [("plan.yaml", 11)]  # at the end year
    assert md06[0]["message"] == "the period ends (2566) before it starts (2570)"


@pytest.mark.parametrize(
    ("command", "code"),
    [
        (("render", "{plan}", "-f", "html", "-o", "{out}"), 0),
        (("render", "{plan}", "-f", "markdown", "-o", "{out}"), 0),
        (("export", "{plan}", "-f", "yaml"), 0),
        (("export", "{plan}", "-f", "xlsx", "-o", "{out}.xlsx"), 0),
        (("gaps", "{plan}", "-f", "markdown"), 0),
        (("diff", str(EXAMPLE), "{plan}"), 0),
    ],
    ids=["render-html", "render-markdown", "export-yaml", "export-xlsx-then-import", "gaps", "diff"],
)
def test_every_command_runs_on_a_backwards_period(
    backwards: Path, tmp_path: Path, command: tuple[str, ...], code: int
) -> None:
    args = [a.format(plan=backwards, out=tmp_path / "out") for a in command]
    done = run(*args, timeout=60)
    check_run(done, code)
    if command[0] == "export" and command[3] == "xlsx":
        book = tmp_path / "out.xlsx"
        done = run("import", str(book), "--into", str(backwards))
        check_run(done, 0)
        assert "nothing to import" in done.out + done.err


def test_schema_onto_an_existing_file_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_text("keep\n", encoding="utf-8")
    done = run("schema", "-o", str(target))
    check_run(done, 2)
    assert done.err == f"eduplan: error: {target}: not a directory; -o names the directory to write the schemas into\n"
    assert target.read_text(encoding="utf-8") == "keep\n"
