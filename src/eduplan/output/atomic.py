"""Writing files atomically: a failed write leaves the previous file as it was.

A write that fails (a missing or read-only directory, a full disk, a path through a file)
raises :class:`WriteError`: an :class:`OSError`, so callers can still catch it as one, and an
:class:`~eduplan.errors.EduplanError`, so that an uncaught one is one clear line (exit 2),
never a traceback.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from eduplan.errors import EduplanError

__all__ = ["WriteError", "write_bytes", "write_text"]

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import: os.umask can only be read by setting it


class WriteError(EduplanError, OSError):
    """A file could not be written; ``filename`` is the file, ``strerror`` the reason."""

    def __str__(self) -> str:
        return f"{self.filename}: cannot write: {self.strerror}"


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory, then rename.

    Raises:
        WriteError: the file cannot be written; ``path`` is left as it was.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would have,
        # or keep the mode of the file it replaces.
        mode = path.stat().st_mode & 0o7777 if path.is_file() else 0o666 & ~_UMASK
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text with LF line ends atomically.

    Raises:
        WriteError: the file cannot be written; ``path`` is left as it was.
    """
    write_bytes(path, text.encode("utf-8"))


def _write_error(path: Path, exc: OSError) -> WriteError:
    reason = exc.strerror or type(exc).__name__
    blocked = Path(os.fsdecode(exc.filename)) if exc.filename is not None else None
    if blocked is not None and blocked in path.parents and blocked != path.parent:
        reason = f"{reason} ({blocked})"  # a directory on the way cannot be made
    return WriteError(exc.errno, reason, str(path))
