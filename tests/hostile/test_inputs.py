"""Every source eduplan reads has a limit: standard input, workbooks, git objects, alignment lists, configuration.

Each hostile input ends in one error line (exit 2) or a located finding (exit 1), within a few
seconds and a bounded peak memory (measured by :func:`tests.hostile.runner.run`), and leaves the
inputs as they were.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, POLICY, build_tree
from tests.hostile.runner import check_run, run

MEMORY_MB = 250
"""Peak memory any of these runs may reach (a bare run takes about 40 MB)."""


def _digest(root: Path) -> str:
    """A fingerprint of a folder's regular files, to show a run left them as they were."""
    hashes = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        hashes.update(str(file).encode() + file.read_bytes())
    return hashes.hexdigest()


def _plan_folder(root: Path) -> Path:
    build_tree(root, {"plan.yaml": MINIMAL_PLAN, "policies/1.yaml": POLICY})
    return root


# -- standard input ---------------------------------------------------------------------------


def test_stdin_without_end_is_refused_at_the_limit(tmp_path: Path) -> None:
    done = run("validate", "--stdin-filename", str(tmp_path / "plan.yaml"), stdin=Path("/dev/zero"))
    check_run(done, 2)
    assert done.err == "eduplan: error: standard input is larger than 100 MB; eduplan reads at most that much\n"
    assert done.seconds < 10 and done.peak_mb < MEMORY_MB  # 100 MB read in chunks, then refused


def test_stdin_checked_over_a_plan_that_holds_a_pipe_and_a_link_to_dev_zero(tmp_path: Path) -> None:
    """Nothing is copied: the plan's other files are read where they are, bounded (a pipe is never opened)."""
    plan = _plan_folder(tmp_path / "plan")
    (plan / "policies" / "2.yaml").symlink_to("/dev/zero")
    os.mkfifo(plan / "policies" / "3.yaml")
    before = _digest(plan)
    new = tmp_path / "new.yaml"
    new.write_text(MINIMAL_PLAN.replace("แผนพัฒนาการศึกษา", "แผนใหม่"), encoding="utf-8")
    done = run("validate", "--stdin-filename", str(plan / "plan.yaml"), "--format", "concise", stdin=new, timeout=10)
    check_run(done, 1)
    reason = "LD02 cannot read the file: it is not a regular file (a device, a pipe or a socket)"
    assert done.out.splitlines()[:2] == [
        f"{plan}/policies/2.yaml:1:1: error {reason} (layout.unreadable)",
        f"{plan}/policies/3.yaml:1:1: error {reason} (layout.unreadable)",
    ]
    assert done.peak_mb < MEMORY_MB and _digest(plan) == before
    assert "แผนใหม่" not in (plan / "plan.yaml").read_text(encoding="utf-8")


def test_code_frames_never_read_a_pipe_or_a_device(tmp_path: Path) -> None:
    """The human report shows code frames: a finding at a pipe must not open it (that waits forever)."""
    plan = _plan_folder(tmp_path)
    (plan / "policies" / "2.yaml").symlink_to("/dev/zero")
    os.mkfifo(plan / "policies" / "3.yaml")
    done = run("validate", str(plan), timeout=10)
    check_run(done, 1)
    assert done.out.count("LD02") == 2 and done.peak_mb < MEMORY_MB


# -- workbooks --------------------------------------------------------------------------------


def _import(tmp_path: Path, book: bytes) -> tuple[str, Path]:
    """Import a workbook into a clean plan; the one error line, after checking the plan is untouched."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_POLICY, encoding="utf-8")
    workbook = tmp_path / "book.xlsx"
    workbook.write_bytes(book)
    done = run("import", str(workbook), "--into", str(plan), timeout=15)
    check_run(done, 2)
    assert done.seconds < 10 and done.peak_mb < MEMORY_MB, (done.seconds, done.peak_mb)
    assert plan.read_text(encoding="utf-8") == PLAN_WITH_POLICY
    return done.err.removeprefix(f"eduplan: error: {workbook}: ").rstrip("\n"), workbook


def _book(rows: bytes = b"", extra: dict[str, bytes] | None = None) -> bytes:
    """A workbook with an indicators sheet whose sheetData holds ``rows`` (XML), and extra members."""
    wb = Workbook()
    wb.active.title = "indicators"
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData></sheetData>", b"<sheetData>" + rows + b"</sheetData>")
            target.writestr(member.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def test_workbook_with_one_value_in_its_last_cell(tmp_path: Path) -> None:
    """XFD1048576 makes the sheet's rectangle 17 billion cells: refused before it is iterated."""
    wb = Workbook()
    wb.active.title = "indicators"
    wb.active["A1"] = "id"
    wb.active["XFD1048576"] = 1
    data = io.BytesIO()
    wb.save(data)
    line, _ = _import(tmp_path, data.getvalue())
    assert line == (
        "indicators!XFD1048576: a cell beyond the last row and column eduplan reads (SF20000): "
        "clear the cells beyond them"
    )


def test_workbook_with_a_hundred_and_fifty_thousand_rows(tmp_path: Path) -> None:
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 150_001))
    line, _ = _import(tmp_path, _book(rows))
    assert line.startswith("the workbook holds more than 100,000 cells;")


def test_zip_bomb_named_xlsx(tmp_path: Path) -> None:
    line, _ = _import(tmp_path, _book(extra={"xl/media/pad.bin": b"\0" * 30_000_000}))
    assert line.startswith("xl/media/pad.bin is compressed 1,0") and line.endswith(
        "times (more than 100): a zip bomb, not a workbook eduplan reads"
    )


def test_workbook_that_says_it_decompresses_past_the_limit(tmp_path: Path) -> None:
    """The sizes a zip declares are checked before anything is decompressed (and zipfile holds a member to them)."""
    lying = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_book())) as book, zipfile.ZipFile(lying, "w", zipfile.ZIP_DEFLATED) as out:
        for member in book.infolist():
            out.writestr(member.filename, book.read(member))
        out.writestr("xl/media/big.bin", b"x" * 1000)
        out.getinfo("xl/media/big.bin").file_size = 60_000_000  # the central directory, written on close, says so
    line, _ = _import(tmp_path, lying.getvalue())
    assert line == "the workbook decompresses to 60 MB, more than eduplan reads (50 MB)"


def test_huge_file_named_xlsx_is_not_read(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_POLICY, encoding="utf-8")
    workbook = tmp_path / "huge.xlsx"
    with workbook.open("wb") as sparse:
        sparse.truncate(3_000_000_000)  # 3 GB that take no disk
    done = run("import", str(workbook), "--into", str(plan))
    check_run(done, 2)
    assert done.err == f"eduplan: error: {workbook}: cannot read the workbook: it is larger than 20 MB (3,000 MB)\n"
    assert done.peak_mb < MEMORY_MB


def test_file_named_xlsx_that_is_no_zip(tmp_path: Path) -> None:
    line, _ = _import(tmp_path, b"id,title\n1,2\n")
    assert line == "not an XLSX workbook (it is not a zip archive)"


# -- git objects ------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    command = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args]
    subprocess.run(command, cwd=repo, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_links_in_a_commit_are_not_followed(tmp_path: Path) -> None:
    """A commit may hold links to /etc/passwd or /dev/zero: each is a located LD02, nothing is followed."""
    plan = _plan_folder(tmp_path / "plan")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "one")
    (plan / "policies" / "2.yaml").symlink_to("/dev/zero")
    (plan / "policies" / "3.yaml").symlink_to("/etc/passwd")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "two")
    done = run("diff", "HEAD~1:plan", "HEAD:plan", cwd=tmp_path)
    check_run(done, 2)
    assert done.err == (
        "eduplan: error: NEW HEAD:plan: the plan does not load whole (2 errors; first: HEAD:plan/policies/2.yaml:1:1: "
        "LD02 cannot read the file: it is a symbolic link in git; links in a commit are not followed); "
        "see `eduplan validate HEAD:plan`\n"
    )
    assert done.peak_mb < MEMORY_MB


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_side_reads_names_that_are_not_ascii(tmp_path: Path) -> None:
    plan = _plan_folder(tmp_path / "plan")
    (plan / "policies" / "²2.yaml").write_text(POLICY.replace("p1", "p2").replace("'1'", "'2'"), encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "one")
    done = run("diff", "HEAD:plan", "plan", "--format", "json", cwd=tmp_path)
    check_run(done, 0)


# -- alignment lists and configuration ---------------------------------------------------------

_LAUGHS = "a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n" + "".join(
    f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
    for i in range(1, 10)
)


def _gaps(tmp_path: Path, alignment: str) -> str:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_POLICY, encoding="utf-8")
    (tmp_path / "alignment.yaml").write_text(alignment, encoding="utf-8")
    done = run("gaps", str(plan), "--alignment", str(tmp_path / "alignment.yaml"), cwd=tmp_path)
    check_run(done, 2)
    assert done.seconds < 10 and done.peak_mb < MEMORY_MB
    return done.err


def test_alignment_list_with_a_billion_laughs(tmp_path: Path) -> None:
    err = _gaps(tmp_path, _LAUGHS + "schemes:\n  s:\n    title: *a9\n    codes: {'1': x}\n")
    assert err.startswith(f"eduplan: error: {tmp_path / 'alignment.yaml'}:")
    assert "aliases expand to more than 10,000 values" in err


def test_deeply_nested_alignment_list(tmp_path: Path) -> None:
    err = _gaps(tmp_path, "schemes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert f"{tmp_path / 'alignment.yaml'}:1:" in err and "nested deeper than 100 levels" in err


def test_deeply_nested_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.eduplan]\nselect = " + "[" * 5000 + "]" * 5000 + "\n")
    (tmp_path / "plan.yaml").write_text(PLAN_WITH_POLICY, encoding="utf-8")
    done = run("validate", "plan.yaml", cwd=tmp_path)
    check_run(done, 2)
    assert "not valid TOML" in done.err


# -- the import's trial load --------------------------------------------------------------------


def test_the_trial_load_of_an_import_copies_nothing(tmp_path: Path) -> None:
    """A plan folder holding a link to /usr, a link to /dev/zero and a pipe: the trial load reads none of them."""
    from tests.annual.xlsx import EXAMPLE, cell_of, edit, export

    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan)
    workbook = export(plan, tmp_path)
    edited = edit(workbook, {("actuals-2566", cell_of(workbook, "actuals-2566", "p1-i1", "value")): 10})
    (plan / "usr").symlink_to("/usr")
    (plan / "zero.bin").symlink_to("/dev/zero")
    os.mkfifo(plan / "notes.fifo")
    done = run("import", str(edited), "--into", str(plan), timeout=15)
    check_run(done, 0)
    assert done.out.endswith("imported 1 change into 1 file\n") and done.peak_mb < MEMORY_MB
    assert "value: 10" in (plan / "reports" / "2566.yaml").read_text(encoding="utf-8")


def test_a_pyproject_that_names_the_table_only_in_a_comment_is_no_configuration(tmp_path: Path) -> None:
    from eduplan.load.configfile import find_config

    (tmp_path / "pyproject.toml").write_text('# [tool.eduplan] comes later\n[project]\nname = "x"\n')
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.eduplan]\nselect = ["TG"]\n')
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
