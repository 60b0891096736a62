"""The one way eduplan reads input bytes: bounded, and through an in-memory overlay when asked.

Every source has a limit, so that no input can hang a run or exhaust memory:

- a file is read only when it is a regular file of at most :data:`MAX_FILE_BYTES` (a link to
  ``/dev/zero``, a named pipe or a huge file is refused with the reason);
- standard input is read up to :data:`MAX_FILE_BYTES` (``< /dev/zero`` stops there, refused);
- a stream (``git show``, ``git archive``) is read in chunks up to a caller's limit.

An *overlay* (:func:`overlay`) gives new contents for some paths, and files that do not exist on
disk: while it is active, :func:`read_bounded` and the loader's listing of a plan's folders see
the overlay's bytes. ``validate --stdin-filename`` and an import's trial load check a plan's new
text this way, reading the real plan's other files where they are, without copying the plan.
"""

from __future__ import annotations

import errno
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import IO

from eduplan.errors import UsageError
from eduplan.i18n import N_, _, language, ngettext

__all__ = [
    "MAX_FILE_BYTES",
    "added_files",
    "os_reason",
    "exists",
    "is_dir",
    "is_file",
    "overlay",
    "read_bounded",
    "read_head",
    "read_stdin",
    "read_stream",
]

MAX_FILE_BYTES = 100_000_000
"""Largest file read (100 MB); a 50 MB plan file takes about 2 s and 200 MB."""
_CHUNK = 1 << 20

_OVERLAY: ContextVar[Mapping[Path, bytes | str] | None] = ContextVar("eduplan_overlay", default=None)


def _key(path: Path) -> Path:
    """An overlay key: the absolute path, links not followed (the loader names files as it finds them)."""
    return path.absolute()


def _files() -> Mapping[Path, bytes | str]:
    return _OVERLAY.get() or {}


@contextmanager
def overlay(files: Mapping[Path, bytes | str]) -> Iterator[None]:
    """Read ``files`` instead of what the disk holds, while the context lasts.

    Args:
        files: Path -> its bytes, or the reason it cannot be read (a symbolic link in a commit).
    """
    token = _OVERLAY.set({**_files(), **{_key(p): data for p, data in files.items()}})
    try:
        yield
    finally:
        _OVERLAY.reset(token)


def exists(path: Path) -> bool:
    """Whether a path exists on disk (a dangling link counts) or in the overlay (a file or a folder of one)."""
    return path.exists() or path.is_symlink() or is_dir(path) or _key(path) in _files()


def is_dir(path: Path) -> bool:
    """Whether a path is a folder on disk, or a folder holding a file of the overlay."""
    if path.is_dir():
        return True
    inside = _key(path)
    return any(inside in k.parents for k in _files())


def is_file(path: Path) -> bool:
    """Whether a path is a regular file on disk (links followed) or a file of the overlay."""
    return _key(path) in _files() or path.is_file()


def added_files(folder: Path) -> list[Path]:
    """Files the overlay adds directly in ``folder`` that the disk does not have."""
    base = _key(folder)
    return [folder / k.name for k in _files() if k.parent == base and not k.is_symlink() and not k.exists()]


def read_bounded(file: Path, limit: int | None = None) -> tuple[bytes | None, str]:
    """The file's bytes (the overlay's when it has them), or None and why not.

    Only regular files up to ``limit`` bytes (default MAX_FILE_BYTES) are read: a link to
    /dev/zero, a named pipe or a huge file in a plan must not hang the run or exhaust memory.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    given = _files().get(_key(file))
    if isinstance(given, str):
        return None, given
    if given is not None:
        return given, ""
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, _(_REASONS[errno.EISDIR])
        if not stat.S_ISREG(info.st_mode):
            return None, _("it is not a regular file (a device, a pipe or a socket)")
        if info.st_size > limit:
            return None, _("it is larger than {limit} ({size})").format(limit=_size(limit), size=_size(info.st_size))
        with file.open("rb") as handle:  # read(n) allocates n bytes at once: ask for the size
            data = handle.read(info.st_size + 1)
        if len(data) > limit:  # it grew while being read
            return None, _("it is larger than {limit}").format(limit=_size(limit))
        return data, ""
    except OSError as exc:
        return None, os_reason(exc)
    except ValueError:  # a name the file system cannot take (a NUL byte)
        return None, _("the name holds a character no file name can hold (a NUL byte)")


def read_head(file: Path, size: int) -> bytes | None:
    """The first ``size`` bytes of a regular file (the overlay's when it has them); ``None`` when it is none.

    A pipe or a device is never opened: opening a pipe waits for a writer.
    """
    given = _files().get(_key(file))
    if given is not None:
        return given[:size] if isinstance(given, bytes) else None
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return None
        with file.open("rb") as handle:
            return handle.read(size)
    except (OSError, ValueError):
        return None


def read_stream(stream: IO[bytes], limit: int, what: str) -> bytes:
    """All of a stream, in chunks, up to ``limit`` bytes.

    Raises:
        UsageError: the stream holds more than ``limit`` bytes (``what`` names it).
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise UsageError(
                _("{what} is larger than {limit}; eduplan reads at most that much").format(
                    what=what, limit=_size(limit)
                )
            )
    return b"".join(chunks)


def read_stdin(stream: IO[bytes]) -> bytes:
    """Standard input, up to MAX_FILE_BYTES.

    Raises:
        UsageError: standard input holds more (``< /dev/zero``).
    """
    return read_stream(stream, MAX_FILE_BYTES, _("standard input"))


def _size(n: int) -> str:
    if n >= 10**6:
        return f"{n / 10**6:,.0f} MB"
    return ngettext("{count} byte", "{count} bytes", n).format(count=f"{n:,}")


_REASONS = {
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.ENOENT: N_("No such file or directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EISDIR: N_("Is a directory"),
    errno.ELOOP: N_("Too many levels of symbolic links"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EIO: N_("Input/output error"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
    errno.EEXIST: N_("File exists"),
    errno.EBUSY: N_("Device or resource busy"),
    errno.ENXIO: N_("No such device or address"),
    errno.EMFILE: N_("Too many open files"),
    errno.EXDEV: N_("Invalid cross-device link"),
    errno.ENOTEMPTY: N_("Directory not empty"),
    errno.EINVAL: N_("Invalid argument"),
}
"""The operating system's reasons, in its own English words (as Linux says them), translated into Thai."""


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in the run's language (its own words, quoted in Thai, when not known)."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return _(reason)
    text = exc.strerror or type(exc).__name__
    if language() == "en":
        return text
    return _("the system says {reason}").format(reason=f"`{text}`")
