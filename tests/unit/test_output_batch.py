"""The output layer's promise, as a property: a batch writes every file with its exact bytes, or changes nothing.

Whatever the targets (new files, old files, files in folders still to make, symbolic links,
inputs, FIFOs, folders, two names for one file, a place under a file, a write that runs out of
space), :meth:`eduplan.output.atomic.Batch.commit` either returns and every target holds its
bytes, or raises and the tree is as it was: no target changed, no temporary file, no folder left.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.errors import EduplanError
from eduplan.output import atomic
from eduplan.output.atomic import Batch
from eduplan.output.guard import Inputs

REAL_FSYNC = os.fsync  # the test patches os.fsync once per example; each patch calls this one
KINDS = ["new", "old", "deep", "link", "input", "fifo", "folder", "under-a-file", "no-space"]


def _tree(root: Path) -> dict[str, tuple[str, bytes]]:
    out: dict[str, tuple[str, bytes]] = {}
    for path in sorted(root.rglob("*")):
        mode = path.lstat().st_mode
        key = str(path.relative_to(root))
        if stat.S_ISLNK(mode):
            out[key] = ("link", str(path.readlink()).encode())
        elif stat.S_ISREG(mode):
            out[key] = ("file", path.read_bytes())
        else:
            out[key] = (oct(stat.S_IFMT(mode)), b"")
    return out


def _target(root: Path, index: int, kind: str) -> Path:
    """Make the place of one target of ``kind``; the path to write."""
    if kind == "old":
        (root / f"old{index}").write_bytes(b"old\n")
        return root / f"old{index}"
    if kind == "deep":
        return root / f"made{index}" / "deeper" / "file"
    if kind == "link":
        (root / f"shared{index}").write_bytes(b"shared\n")
        (root / f"link{index}").symlink_to(f"shared{index}")
        return root / f"link{index}"
    if kind == "input":
        return root / "plan" / "plan.yaml"
    if kind == "fifo":
        os.mkfifo(root / f"fifo{index}")
        return root / f"fifo{index}"
    if kind == "folder":
        (root / f"folder{index}").mkdir()
        return root / f"folder{index}"
    if kind == "under-a-file":
        (root / f"plain{index}").write_bytes(b"plain\n")
        return root / f"plain{index}" / "file"
    return root / f"new{index}"  # new, no-space


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    targets=st.lists(st.tuples(st.sampled_from(KINDS), st.binary(max_size=64)), min_size=1, max_size=6),
    twice=st.booleans(),
)
def test_all_written_exactly_or_nothing_changed(
    targets: list[tuple[str, bytes]], twice: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory(prefix="eduplan-batch-") as name:
        root = Path(name)
        (root / "plan").mkdir()
        (root / "plan" / "plan.yaml").write_bytes(b"id: demo\n")
        paths = [_target(root, i, kind) for i, (kind, _) in enumerate(targets)]
        if twice:  # the first target named again, through another spelling
            paths.append(paths[0].parent / "." / paths[0].name)
            targets = [*targets, targets[0]]
        full = {p for p, (kind, _) in zip(paths, targets, strict=True) if kind == "no-space"}

        def fsync(fd: int) -> None:
            if Path(f"/proc/self/fd/{fd}").readlink().name.startswith(tuple(f".{p.name}." for p in full)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            REAL_FSYNC(fd)

        monkeypatch.setattr(atomic.os, "fsync", fsync)
        before = _tree(root)
        batch = Batch(Inputs().add(root / "plan", "the plan"))
        for path, (_, data) in zip(paths, targets, strict=True):
            batch.add(path, data)
        expect_failure = twice or any(kind not in ("new", "old", "deep", "link") for kind, _ in targets)
        try:
            written = batch.commit()
        except EduplanError:
            assert expect_failure
            assert _tree(root) == before
            return
        assert not expect_failure
        assert [w.path for w in written] == paths
        for path, (kind, data) in zip(paths, targets, strict=True):
            assert path.read_bytes() == data
            assert path.is_symlink() is (kind == "link")
        assert not [p for p in root.rglob("*.tmp")]
