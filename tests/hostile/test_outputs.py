"""Writes that could destroy: every command writes through one output layer (``eduplan.output.atomic``).

* It never writes over an input of the run: the plan file, a file inside the plan folder, a
  side of a diff, the templates, the configuration; by path, through a link, or by identity
  (a hard link).
* It writes only regular files: a device, FIFO, directory or socket is refused, never renamed
  over; a symbolic link is written through to the file it names, and the output says so.
* A write error (a full disk, a read-only folder) is one line, exit 2, and no temporary file.
* A command that writes several files writes all of them or none.

Each test checks the exit code, the one error line, the inputs untouched (bytes and mtime) and
the outputs whole or absent.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from eduplan.output import atomic
from tests.conftest import MINIMAL_PLAN, PLAN_WITH_POLICY, POLICY, REPO, build_tree
from tests.validate.helpers import cli

PLAN_FILES = {"plan/plan.yaml": MINIMAL_PLAN, "plan/policies/1.yaml": POLICY}


def state(root: Path) -> dict[str, tuple[str, bytes | str, int]]:
    """Every entry under ``root``: its kind, its bytes (or link target) and its mtime in ns.

    A folder's mtime is left out: a temporary file made and removed in it changes it.
    """
    out: dict[str, tuple[str, bytes | str, int]] = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            out[str(path.relative_to(root))] = ("link", str(path.readlink()), info.st_mtime_ns)
        elif stat.S_ISREG(info.st_mode):
            out[str(path.relative_to(root))] = ("file", path.read_bytes(), info.st_mtime_ns)
        else:
            out[str(path.relative_to(root))] = (oct(stat.S_IFMT(info.st_mode)), b"", 0)
    return out


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    build_tree(tmp_path, PLAN_FILES)
    return tmp_path / "plan"


def one_error(done: object, *parts: str) -> None:
    err = done.err  # type: ignore[attr-defined]
    assert done.code == 2, (done.code, err)  # type: ignore[attr-defined]
    assert err.count("\n") == 1 and err.startswith("eduplan: error: "), err
    for part in parts:
        assert part in err, err


# -- never over an input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["validate", "{plan}", "--report", "json={plan}/plan.yaml"], "it is a file of the plan this run reads"),
        (["validate", "{plan}", "--report", "sarif={plan}/policies/1.yaml"], "it is a file of the plan"),
        (["validate", "{plan}/plan.yaml", "--report", "json={plan}/plan.yaml"], "this run reads"),
        (["validate", "{plan}", "--report", "json={plan}/report.json"], "it is inside the plan this run reads"),
        (["render", "{plan}", "-o", "{plan}/plan.yaml"], "it is a file of the plan this run reads"),
        (["render", "{plan}", "-o", "{plan}/plan.html"], "it is inside the plan this run reads"),
        (["render", "{plan}", "-d", "plan", "-d", "action-plan", "--year", "2567", "-o", "{plan}/"], "inside the plan"),
        (["export", "{plan}", "-o", "{plan}/plan.yaml"], "it is a file of the plan this run reads"),
        (["export", "{plan}", "-f", "yaml", "-o", "{plan}/policies/1.yaml"], "it is a file of the plan"),
        (["export", "{plan}", "-f", "xlsx", "-o", "{plan}/plan.xlsx"], "it is inside the plan this run reads"),
        (["diff", "{plan}", "{plan}", "-o", "{plan}/plan.yaml"], "it is inside the old edition this run reads"),
        (["render", "{plan}", "--templates", "{tmp}/templates", "-o", "{tmp}/templates/x.html"], "the templates"),
    ],
)
def test_an_input_is_never_written_over(args: list[str], said: str, plan: Path, tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    before = state(tmp_path)
    done = cli(*(a.format(plan=plan, tmp=tmp_path) for a in args))
    one_error(done, "not written: ", said)
    assert state(tmp_path) == before  # inputs untouched to the nanosecond; nothing new, no temporary file


def test_a_single_file_plan_is_not_its_own_export(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan.yaml": PLAN_WITH_POLICY})
    before = state(tmp_path)
    for args in (["export", "-o"], ["export", "-f", "yaml", "-o"], ["render", "-f", "md", "-o"]):
        done = cli(*args[:-1], str(tmp_path / "plan.yaml"), args[-1], str(tmp_path / "plan.yaml"))
        one_error(done, f"{tmp_path}/plan.yaml: not written: it is the plan this run reads")
    assert state(tmp_path) == before


def test_a_hard_link_to_a_plan_file_is_the_plan_file(plan: Path, tmp_path: Path) -> None:
    os.link(plan / "policies" / "1.yaml", tmp_path / "report.json")
    before = state(tmp_path)
    done = cli("validate", str(plan), "--report", f"json={tmp_path}/report.json")
    one_error(done, "report.json: not written: it is the same file as", "through a hard or symbolic link")
    assert state(tmp_path) == before


def test_a_symbolic_link_into_the_plan_is_the_plan_file(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "out.html").symlink_to(plan / "plan.yaml")
    before = state(tmp_path)
    done = cli("render", str(plan), "-o", str(tmp_path / "out.html"))
    one_error(done, "out.html: not written: it is a file of the plan this run reads")
    assert state(tmp_path) == before


def test_the_job_summary_is_not_written_into_the_plan(plan: Path, tmp_path: Path) -> None:
    before = state(tmp_path)
    done = cli("validate", str(plan), env={"GITHUB_STEP_SUMMARY": str(plan / "plan.yaml")})
    one_error(done, "not written: it is a file of the plan this run reads")
    assert state(tmp_path) == before


def test_the_configuration_is_an_input(plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "eduplan.yaml").write_text("fail_on: error\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = state(tmp_path)
    done = cli("validate", "plan", "--report", "json=eduplan.yaml")
    one_error(done, "eduplan.yaml: not written: it is the configuration this run reads")
    assert state(tmp_path) == before


def test_one_file_named_twice_is_refused(plan: Path, tmp_path: Path) -> None:
    done = cli("validate", str(plan), "--report", f"json={tmp_path}/r", "--report", f"sarif={tmp_path}/./r")
    one_error(done, "not written: it is the same file as", "written in the same run")
    assert not (tmp_path / "r").exists()


def test_a_report_beside_the_plans_of_a_folder_is_written(plan: Path, tmp_path: Path) -> None:
    """A folder holding plans is not a plan: `validate . --report json=report.json` is what CI does."""
    done = cli("validate", str(tmp_path), "--report", f"json={tmp_path}/report.json")
    assert done.code == 0, done.err
    assert (tmp_path / "report.json").read_text(encoding="utf-8").startswith("{")


# -- only regular files --------------------------------------------------------------------------


def _special(kind: str, path: Path) -> Iterator[None]:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        try:
            yield
        finally:
            sock.close()
        return
    yield


@pytest.mark.parametrize(
    ("kind", "word"), [("fifo", "a FIFO (named pipe)"), ("directory", "a directory"), ("socket", "a socket")]
)
@pytest.mark.parametrize("command", ["validate", "render", "export", "diff"])
def test_a_target_that_is_no_regular_file_is_refused(
    kind: str, word: str, command: str, plan: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.txt"
    if len(str(target)) > 100 and kind == "socket":
        pytest.skip("a socket path this long cannot be bound")
    for _ in _special(kind, target):
        before = state(tmp_path)
        args = {
            "validate": ["validate", str(plan), "--report", f"json={target}"],
            "render": ["render", str(plan), "-f", "md", "-o", str(target) + ("/" if kind != "directory" else "")],
            "export": ["export", str(plan), "-o", str(target)],
            "diff": ["diff", str(plan), str(plan), "-o", str(target)],
        }[command]
        if command == "render":  # a directory is where render puts plan.md: the test's own case is the file
            args[-1] = str(target)
        done = cli(*args)
        if command == "render" and kind == "directory":
            assert done.code == 0 and [p.suffix for p in target.iterdir()] == [".md"]  # -o DIR means into it
            continue
        one_error(done, f"{target}: not written: it is {word}, not a regular file")
        assert state(tmp_path) == before


def test_a_device_is_never_renamed_over(plan: Path) -> None:
    before = Path("/dev/null").stat()
    done = cli("validate", str(plan), "--report", "json=/dev/null")
    one_error(done, "/dev/null: not written: it is a character device, not a regular file")
    after = Path("/dev/null").stat()
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_symbolic_link_is_written_through_and_said(plan: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "report.json").write_text("old\n", encoding="utf-8")
    (shared / "report.json").chmod(0o640)
    (tmp_path / "report.json").symlink_to(shared / "report.json")
    done = cli("export", str(plan), "-o", str(tmp_path / "report.json"))
    assert done.code == 0, done.err
    assert done.err == f"eduplan: wrote {tmp_path}/report.json (through the link to {shared}/report.json)\n"
    assert (tmp_path / "report.json").is_symlink()  # the link stays a link, its target has the new text
    assert (shared / "report.json").read_text(encoding="utf-8").startswith('{\n  "id": "demo"')
    assert stat.S_IMODE((shared / "report.json").stat().st_mode) == 0o640  # an existing file keeps its mode
    assert sorted(p.name for p in shared.iterdir()) == ["report.json"]


def test_render_says_when_it_wrote_through_a_link(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "site.html").write_text("old\n", encoding="utf-8")
    (tmp_path / "plan.html").symlink_to("site.html")
    done = cli("render", str(plan), "-o", str(tmp_path / "plan.html"))
    assert done.code == 0, done.err
    assert done.err == f"wrote {tmp_path}/plan.html (through the link to {tmp_path}/site.html)\n"
    assert (tmp_path / "site.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_link_loop_is_one_line(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to("b.json")
    (tmp_path / "b.json").symlink_to("a.json")
    done = cli("export", str(plan), "-o", str(tmp_path / "a.json"))
    one_error(done, "a.json: cannot write: Too many levels of symbolic links")


# -- write errors --------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs with 8 KiB left (root only; skipped where mount is not allowed)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        (disk / "old.html").write_text("the previous edition\n", encoding="utf-8")
        (disk / "filler").write_bytes(b"\0" * (52 * 1024))
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_is_one_line_and_the_old_file_stays(plan: Path, tmp_path: Path, small_disk: Path) -> None:
    before = state(tmp_path)
    done = cli("render", str(plan), "-o", str(small_disk / "old.html"))
    one_error(done, f"{small_disk}/old.html: cannot write: No space left on device")
    assert state(tmp_path) == before  # no temporary file: the space is given back


def test_a_full_disk_under_validate_reports(plan: Path, tmp_path: Path, small_disk: Path) -> None:
    rest = os.open(small_disk / "rest", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        with pytest.raises(OSError, match="No space left"):
            while True:  # fill the disk to the last block
                os.write(rest, b"\0" * 1024)
    finally:
        os.close(rest)
    before = state(tmp_path)
    done = cli("validate", str(plan), "--report", f"json={small_disk}/a.json", "--report", f"md={small_disk}/big.md")
    one_error(done, "cannot write the report: No space left on device")
    assert state(tmp_path) == before


NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as another user")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PYTHONPATH"] = str(REPO / "src")
    return subprocess.run(
        [*NOBODY, sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def test_permission_denied_is_one_line_as_a_user() -> None:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="eduplan-nobody-") as name:  # in /tmp: pytest's folder is root's only
        _permission_denied(Path(name))


def _permission_denied(tmp_path: Path) -> None:
    build_tree(tmp_path, {"plan/plan.yaml": MINIMAL_PLAN, "plan/policies/1.yaml": POLICY, "out/old.json": "old\n"})
    tmp_path.chmod(0o755)
    (tmp_path / "out").chmod(0o555)  # the folder is read-only for nobody: no temporary file can be made
    before = state(tmp_path)
    for args in (["export", "plan", "-o", "out/old.json"], ["validate", "plan", "--report", "json=out/old.json"]):
        done = as_nobody(*args, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "out/old.json: cannot write" in done.stderr, done.stderr
        assert "Permission denied" in done.stderr
    assert state(tmp_path) == before


# -- all files or none ---------------------------------------------------------------------------


@pytest.fixture
def fail_on_fsync(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The Nth fsync of the output layer fails with ENOSPC (set ``fail_on_fsync[0] = N``)."""
    when = [2]
    calls = [0]
    real = atomic.os.fsync

    def fsync(fd: int) -> None:
        calls[0] += 1
        if calls[0] == when[0]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    return when


def test_render_of_several_documents_writes_none_when_one_fails(
    plan: Path, tmp_path: Path, fail_on_fsync: list[int]
) -> None:
    fail_on_fsync[0] = 2  # the second of two documents
    out = tmp_path / "out"
    build_tree(out, {"action-plan-2566.html": "old\n"})
    before = state(tmp_path)
    done = cli("render", str(plan), "-d", "plan", "-d", "action-plan", "--year", "2566", "-o", f"{out}/")
    one_error(done, "cannot write: No space left on device")
    assert state(tmp_path) == before


def test_validate_writes_no_report_when_one_fails(plan: Path, tmp_path: Path, fail_on_fsync: list[int]) -> None:
    before = state(tmp_path)
    done = cli("validate", str(plan), "--report", f"json={tmp_path}/a.json", "--report", f"sarif={tmp_path}/b/c.sarif")
    one_error(done, f"{tmp_path}/b/c.sarif: cannot write the report: No space left on device")
    assert state(tmp_path) == before  # the folder b made for the second report is gone too


def test_schema_writes_every_schema_or_none(tmp_path: Path, fail_on_fsync: list[int]) -> None:
    fail_on_fsync[0] = 4
    done = cli("schema", "-o", str(tmp_path / "schemas"))
    one_error(done, "cannot write: No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_schema_onto_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "schemas").write_text("a file\n", encoding="utf-8")
    before = state(tmp_path)
    one_error(cli("schema", "-o", str(tmp_path / "schemas")), "schemas: not a directory")
    assert state(tmp_path) == before


def test_an_import_writes_every_file_or_none(tmp_path: Path, fail_on_fsync: list[int]) -> None:
    from tests.annual.xlsx import EXAMPLE, cell_of, edit, export

    plan = tmp_path / "plan"
    shutil.copytree(EXAMPLE, plan, ignore=shutil.ignore_patterns("*.md"))
    (tmp_path / "book").mkdir()
    workbook = export(plan, tmp_path / "book")
    edited = edit(
        workbook,
        {
            ("indicators", cell_of(workbook, "indicators", "p1-i1", "2567")): 77,  # policies/1.yaml
            ("actuals-2568", cell_of(workbook, "actuals-2568", "p1-i1", "value")): 91,  # a new reports/2568.yaml
        },
    )
    before = state(plan)
    fail_on_fsync[0] = 2  # the second file of the import
    done = cli("import", str(edited), "--into", str(plan))
    one_error(done, "cannot write: No space left on device")
    assert state(plan) == before  # neither the edited policy file nor the new report
    fail_on_fsync[0] = 0
    done = cli("import", str(edited), "--into", str(plan))
    assert done.code == 0 and done.out.endswith("into 2 files\n"), (done.out, done.err)


def test_new_files_get_the_usual_mode_and_old_ones_keep_theirs(plan: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text("old\n", encoding="utf-8")
    old.chmod(0o600)
    assert cli("export", str(plan), "-o", str(old)).code == 0
    assert cli("export", str(plan), "-o", str(tmp_path / "new.json")).code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask


def test_a_failed_job_summary_append_leaves_the_summary_as_it_was(
    plan: Path, tmp_path: Path, fail_on_fsync: list[int]
) -> None:
    fail_on_fsync[0] = 1
    summary = tmp_path / "summary.md"
    summary.write_text("# the steps before\n", encoding="utf-8")
    done = cli("validate", str(plan), env={"GITHUB_STEP_SUMMARY": str(summary)})
    one_error(done, f"GITHUB_STEP_SUMMARY={summary}: cannot write: No space left on device")
    assert summary.read_text(encoding="utf-8") == "# the steps before\n"  # no half a report at its end
