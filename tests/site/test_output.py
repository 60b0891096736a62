"""A site is written whole or not at all, and never over a folder that eduplan did not make (unless --force).

:func:`eduplan.output.tree.write_tree` builds the folder beside its target and swaps it in; these are the
cases a careful user meets: a new folder, a rebuild, a folder of other files, a file, a folder that holds
the plan itself, a write that fails half-way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from eduplan.output.guard import Inputs, OutputRefused
from eduplan.output.tree import TreeRefused, write_tree
from eduplan.site.build import MARKER
from tests.validate.helpers import cli

FILES = {MARKER: b"eduplan site\n", "index.html": b"<!DOCTYPE html>", "a/b/page.html": b"<p>"}


def test_a_new_folder_is_written_with_its_folders_readable(tmp_path: Path):
    target = tmp_path / "out" / "site"
    written = write_tree(target, FILES, Inputs(), marker=MARKER)
    assert written == target.resolve()
    assert (target / "a" / "b" / "page.html").read_bytes() == b"<p>"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o777 & ~umask  # a web server may read it
    assert sorted(p.name for p in tmp_path.joinpath("out").iterdir()) == ["site"]  # no staging folder left


def test_a_previous_site_is_replaced_whole(tmp_path: Path):
    target = tmp_path / "site"
    write_tree(target, {**FILES, "old.html": b"old"}, Inputs(), marker=MARKER)
    write_tree(target, FILES, Inputs(), marker=MARKER)
    assert not (target / "old.html").exists()  # a page the new site no longer has is gone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_of_other_files_is_refused_unless_forced(tmp_path: Path):
    target = tmp_path / "www"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(TreeRefused, match="did not make"):
        write_tree(target, FILES, Inputs(), marker=MARKER)
    assert (target / "notes.txt").read_text() == "mine"
    write_tree(target, FILES, Inputs(), marker=MARKER, force=True)
    assert not (target / "notes.txt").exists()


def test_an_empty_folder_is_taken(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    write_tree(tmp_path / "empty", FILES, Inputs(), marker=MARKER)
    assert (tmp_path / "empty" / MARKER).is_file()


def test_a_file_is_never_replaced_by_a_folder(tmp_path: Path):
    target = tmp_path / "site"
    target.write_text("a file")
    with pytest.raises(TreeRefused, match="not a folder"):
        write_tree(target, FILES, Inputs(), marker=MARKER, force=True)
    assert target.read_text() == "a file"


def test_a_folder_holding_an_input_is_refused_even_when_forced(tmp_path: Path):
    plan = tmp_path / "work" / "plan"
    plan.mkdir(parents=True)
    (plan / "plan.yaml").write_text("id: x\n")
    inputs = Inputs().add(plan, "the plan")
    with pytest.raises(TreeRefused, match="holds"):
        write_tree(tmp_path / "work", FILES, inputs, marker=MARKER, force=True)
    with pytest.raises(OutputRefused, match="inside"):
        write_tree(plan / "site", FILES, inputs, marker=MARKER)
    assert (plan / "plan.yaml").read_text() == "id: x\n"


def test_a_write_that_fails_leaves_the_old_site_as_it_was(tmp_path: Path):
    target = tmp_path / "site"
    write_tree(target, FILES, Inputs(), marker=MARKER)
    with pytest.raises(ValueError, match="not a relative path"):
        write_tree(target, {**FILES, "../escape.html": b"x"}, Inputs(), marker=MARKER)
    assert (target / "index.html").read_bytes() == b"<!DOCTYPE html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_command_refuses_a_folder_of_other_files_in_one_line(tmp_path: Path):
    target = tmp_path / "www"
    target.mkdir()
    (target / "index.html").write_text("the office's own page")
    run = cli("site", "docs/examples/annual-cycle", "-o", str(target), "--no-pdf", "--no-docx")
    assert run.code == 2
    assert run.err.count("\n") == 1 and "--force" in run.err
    assert (target / "index.html").read_text() == "the office's own page"


def test_the_command_refuses_to_write_into_the_plan(tmp_path: Path, tree):
    from tests.conftest import PLAN_WITH_POLICY

    plan = tree({"plan.yaml": PLAN_WITH_POLICY})
    run = cli("site", str(plan), "-o", str(plan / "site"), "--no-pdf", "--no-docx")
    assert run.code == 2 and "inside" in run.err
    assert not (plan / "site").exists()
