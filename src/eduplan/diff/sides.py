"""The two sides of a diff: a plan directory, a plan file, or ``REV:path`` read from git.

A ``REV:path`` side is read from git into memory, nothing written to disk: ``git ls-tree`` lists
the files and their sizes first, ``git cat-file --batch`` streams their contents, and the loader
reads them through an overlay (:mod:`eduplan.load.files`) at the path ``REV:path`` itself, so
that messages name ``REV:path/policies/3.yaml``. A file larger than the loader reads, or a
symbolic link or submodule in the commit, is a located LD02 of that file (a link is never
followed out of the commit); more than :data:`MAX_TREE_FILES` files or :data:`MAX_TREE_BYTES` of
YAML is one error line. ``path`` is read as git reads it: relative to the repository root, or to
the working directory with ``./``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.load.files import MAX_FILE_BYTES, read_stream
from eduplan.load.images import IMAGE_SUFFIXES, MAX_IMAGE_BYTES
from eduplan.load.layout import YAML_SUFFIXES

__all__ = ["MAX_TREE_BYTES", "MAX_TREE_FILES", "Side", "open_side"]

MAX_TREE_FILES = 10_000
"""Most files in a ``REV:path`` directory."""
MAX_TREE_BYTES = 200_000_000
"""Most bytes of YAML read from a ``REV:path`` directory (200 MB)."""


@dataclass(frozen=True)
class Side:
    """One edition to compare.

    Attributes:
        spec: The side as given on the command line.
        path: The file or directory to load (for a git side, ``REV:path`` itself: it exists in ``files``).
        rev: The git revision, for a ``REV:path`` side.
        files: What the loader reads from memory for a git side: path -> bytes, or why it cannot.
    """

    spec: str
    path: Path
    rev: str | None = None
    files: dict[Path, bytes | str] = field(default_factory=dict)


def open_side(spec: str) -> Side:
    """Find what to load for a command-line side, reading ``REV:path`` from git into memory.

    Raises:
        UsageError: the path does not exist, git cannot give ``REV:path``, or it is too large.
    """
    path = Path(spec)
    if path.exists():
        return Side(spec, path)
    rev, sep, inner = spec.partition(":")
    if not sep or not rev:
        message = _("{side}: no such file or directory (a git side is written REV:path, such as main:plans/x)")
        raise UsageError(message.format(side=spec))
    kind = _git(["cat-file", "-t", f"{rev}:{inner}"], spec).decode().strip()
    if kind == "blob":
        size = int(_git(["cat-file", "-s", f"{rev}:{inner}"], spec))
        if size > MAX_FILE_BYTES:
            message = _("{side}: the file is larger than {limit} MB ({size} MB)")
            raise UsageError(message.format(side=spec, limit=MAX_FILE_BYTES // 10**6, size=f"{size / 10**6:,.0f}"))
        return Side(spec, path, rev, files={path: _git(["cat-file", "blob", f"{rev}:{inner}"], spec)})
    if kind != "tree":
        raise UsageError(_("{side}: git has a {kind} there, not a file or a directory").format(side=spec, kind=kind))
    root = Path(spec.rstrip("/") or spec)
    return Side(spec, root, rev, files=_tree(rev, inner, spec, root))


def _tree(rev: str, inner: str, spec: str, root: Path) -> dict[Path, bytes | str]:
    """The YAML files (and images, a logo) of a git tree, in memory: bytes, or why a file is not read."""
    listing = _git(["ls-tree", "-r", "-l", "-z", "--full-name", f"{rev}:{inner}"], spec).split(b"\0")
    entries = [e for e in listing if e]
    if len(entries) > MAX_TREE_FILES:
        message = _("{side}: the directory holds more than {limit:,} files")
        raise UsageError(message.format(side=spec, limit=MAX_TREE_FILES))
    files: dict[Path, bytes | str] = {}
    wanted: list[tuple[Path, str]] = []
    total = 0
    for entry in entries:
        meta, _tab, raw_name = entry.partition(b"\t")
        mode, kind, sha, size = meta.split()
        name = raw_name.decode("utf-8", "surrogateescape")
        parts = PurePosixPath(name).parts
        image = name.lower().endswith(IMAGE_SUFFIXES)  # a logo the plan names, checked by the loader as on disk
        if not (name.endswith(YAML_SUFFIXES) or image) or any(p.startswith(".") for p in parts):
            continue  # the loader reads only YAML files and images, and none hidden
        file = root.joinpath(*parts)
        if mode == b"120000":
            files[file] = _("it is a symbolic link in git; links in a commit are not followed")
        elif kind != b"blob":
            files[file] = _("git has a {kind} there, not a file").format(kind=kind.decode())
        elif image and int(size) > MAX_IMAGE_BYTES:
            files[file] = _("it is larger than {limit} MB ({size} MB)").format(
                limit=MAX_IMAGE_BYTES // 10**6, size=f"{int(size) / 10**6:,.0f}"
            )
        elif int(size) > MAX_FILE_BYTES:
            message = _("it is larger than {limit} MB ({size} MB)")
            files[file] = message.format(limit=MAX_FILE_BYTES // 10**6, size=f"{int(size) / 10**6:,.0f}")
        else:
            total += int(size)
            wanted.append((file, sha.decode()))
    if total > MAX_TREE_BYTES:
        message = _("{side}: the directory holds more than {limit} MB of YAML")
        raise UsageError(message.format(side=spec, limit=MAX_TREE_BYTES // 10**6))
    files.update(_blobs(wanted, spec))
    if not files:
        files[root / ".empty"] = b""  # a directory with no YAML file still exists
    return files


def _blobs(wanted: list[tuple[Path, str]], spec: str) -> dict[Path, bytes]:
    """The contents of blobs, streamed from one ``git cat-file --batch``."""
    if not wanted:
        return {}
    request = "".join(f"{sha}\n" for _file, sha in wanted).encode()
    data = _git(["cat-file", "--batch"], spec, request, MAX_TREE_BYTES + 100 * len(wanted))
    out: dict[Path, bytes] = {}
    at = 0
    for file, _sha in wanted:
        header_end = data.index(b"\n", at)
        size = int(data[at:header_end].split()[2])
        out[file] = data[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
    return out


def _git(args: list[str], spec: str, given: bytes | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """What git writes to standard output, read in chunks up to ``limit`` bytes.

    Raises:
        UsageError: git is missing, fails, or writes more than ``limit``.
    """
    try:
        process = subprocess.Popen(
            ["git", *args],
            stdin=subprocess.PIPE if given is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError:
        raise UsageError(_("{side}: reading REV:path needs git, which is not installed").format(side=spec)) from None
    assert process.stdout is not None and process.stderr is not None
    with process:  # closes git's pipes and waits for it, whatever happens
        try:
            if given is not None and process.stdin is not None:
                _feed(process.stdin, given)
            # TRANSLATORS: the stream named in "... is larger than 10 MB" (load/files.py read_stream)
            out = read_stream(process.stdout, limit, _("{side}: what git gives").format(side=spec))
        except UsageError:
            process.kill()
            raise
        errors = process.stderr.read(100_000)
        code = process.wait()
    if code != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        if message:
            said = _("{side}: not found in git ({reason})")
        else:
            said = _("{side}: not found in git (git {command} failed)")
        reason = message[-1].removeprefix("fatal: ") if message else ""
        raise UsageError(said.format(side=spec, reason=reason, command=args[0]))
    return out


def _feed(stdin: Any, data: bytes) -> None:
    """Write a request to git from a thread, so that a large answer cannot block both sides."""
    import threading

    def write() -> None:
        try:
            stdin.write(data)
        except (BrokenPipeError, ValueError):  # git stopped reading, or its pipe is already closed
            pass
        finally:
            stdin.close()

    threading.Thread(target=write, daemon=True).start()
