"""eduplan's cache folder: what a run works out once and the next run reads back (compiled templates, Thai words).

A cache is never needed: losing it, or having none, only makes a run do the work again. The
folder is ``eduplan/<kind>`` in the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``;
``~/Library/Caches`` on macOS; ``%LOCALAPPDATA%`` on Windows); ``EDUPLAN_CACHE_DIR`` names
another parent folder (``$EDUPLAN_CACHE_DIR/<kind>``), and an empty ``EDUPLAN_CACHE_DIR`` turns
every cache off.

- The folder must be the user's own and closed to others (else it is not used: what is read from
  it is trusted, compiled code or data); a folder that cannot be made or written leaves the run
  as it was, without a word.
- :func:`keep` writes a file whole or not at all: runs at the same time each write a file of
  their own and rename it into place, the last one wins.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

__all__ = ["cache_folder", "keep"]


def cache_folder(kind: str) -> Path | None:
    """The folder of one kind of cache (``templates``, ``words``), made if need be; None where none is safe."""
    chosen = os.environ.get("EDUPLAN_CACHE_DIR")
    if chosen == "":
        return None  # turned off
    if chosen is not None:
        parent = Path(chosen)
    elif sys.platform == "win32":
        parent = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "eduplan"
    elif sys.platform == "darwin":
        parent = Path.home() / "Library" / "Caches" / "eduplan"
    else:
        parent = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "eduplan"
    folder = parent / kind
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        return folder if _private(folder) else None
    except (OSError, RuntimeError):  # no home, a read-only disk, a file in the way
        return None


def _private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this user's that no one else may write to (not checked on Windows)."""
    if not hasattr(os, "getuid"):
        return folder.is_dir()
    found = folder.lstat()
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
        return False
    if stat.S_IMODE(found.st_mode) & 0o077:
        folder.chmod(0o700)  # ours: close it
        found = folder.lstat()
    return not stat.S_IMODE(found.st_mode) & 0o077


def keep(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` in a cache folder, whole or not at all; whether it was kept (a full disk: not)."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        return False
    return True
