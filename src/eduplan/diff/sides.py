"""The two sides of a diff: a plan directory, a plan file, or ``REV:path`` read from git.

A ``REV:path`` side is materialised into a temporary directory (``git show`` for a file,
``git archive`` for a directory), loaded from there, and its spans are relabelled so that
messages name ``REV:path/policies/3.yaml`` rather than the temporary copy. ``path`` is read
as git reads it: relative to the repository root, or to the working directory with ``./``.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass, replace
from pathlib import Path

from eduplan.diff.change import Change
from eduplan.errors import UsageError
from eduplan.findings import Span

__all__ = ["Side", "open_side"]


@dataclass(frozen=True)
class Side:
    """One edition to compare.

    Attributes:
        spec: The side as given on the command line.
        path: The file or directory to load.
        rev: The git revision, for a ``REV:path`` side.
        copy: The temporary copy whose file names are relabelled as ``spec``.
    """

    spec: str
    path: Path
    rev: str | None = None
    copy: str | None = None

    def relabel(self, span: Span | None) -> Span | None:
        """A span of the temporary copy, named as the user named the side."""
        if span is None or self.copy is None or not span.file.startswith(self.copy):
            return span
        return span._replace(file=self.spec.rstrip("/") + span.file[len(self.copy) :])

    def relabel_change(self, change: Change, *, old: bool) -> Change:
        """A change with this side's span relabelled (``old`` tells which span is this side's)."""
        if old:
            return replace(change, old_span=self.relabel(change.old_span))
        return replace(change, new_span=self.relabel(change.new_span))


def open_side(spec: str, scratch: Path) -> Side:
    """Find what to load for a command-line side, materialising ``REV:path`` into ``scratch``.

    Raises:
        UsageError: the path does not exist, or git cannot give ``REV:path``.
    """
    path = Path(spec)
    if path.exists():
        return Side(spec, path)
    rev, sep, inner = spec.partition(":")
    if not sep or not rev:
        raise UsageError(f"{spec}: no such file or directory (a git side is written REV:path, such as main:plans/x)")
    kind = _git(["cat-file", "-t", f"{rev}:{inner}"], spec).decode().strip()
    target = scratch / f"side-{len(list(scratch.iterdir()))}"
    target.mkdir(parents=True)
    if kind == "blob":
        name = Path(inner).name or "plan.yaml"
        file = target / name
        file.write_bytes(_git(["show", f"{rev}:{inner}"], spec))
        return Side(spec, file, rev, str(file))
    if kind != "tree":
        raise UsageError(f"{spec}: git has a {kind} there, not a file or a directory")
    archive = _git(["archive", "--format=tar", f"{rev}:{inner}"], spec)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return Side(spec, target, rev, str(target))


def _git(args: list[str], spec: str) -> bytes:
    try:
        run = subprocess.run(["git", *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(f"{spec}: reading REV:path needs git, which is not installed") from None
    if run.returncode != 0:
        message = run.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"git {args[0]} failed"
        raise UsageError(f"{spec}: not found in git ({reason.removeprefix('fatal: ')})")
    return run.stdout
