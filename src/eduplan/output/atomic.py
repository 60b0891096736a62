"""Writing files: all of a command's files together or none, never over an input, only regular files.

A :class:`Batch` collects every file one command writes (the reports of ``validate``, the
documents of ``render``, the files an ``import`` edits or creates, the schemas). :meth:`Batch.commit`

1. checks every target: not an input of the run (:class:`~eduplan.output.guard.Inputs`), not
   the same file twice, a regular file or nothing (a directory, device, FIFO or socket is
   refused), a symbolic link followed to the file it names (that file gets the new content, and
   :class:`Written` says so);
2. writes every file to a temporary file beside its target, flushed to disk (``fsync``), with
   the mode of the file it replaces (a new file gets 0666 less the umask, as ``open`` gives);
3. only when all of them are written, renames them over their targets, one after another.

A failure in 1 or 2 (an input, a full disk, a read-only or missing place, no permission)
raises before any rename: no target changed, every temporary file and every folder the batch
made are removed. A failure during 3 (a rename failing after the ones before it succeeded:
not seen in practice, since a rename within a folder needs no space) leaves the earlier files
new and the later ones old, and the error says which were written. Renames are quick; a crash
between them is the one window in which a batch can be half in.

A write that fails raises :class:`WriteError`: an :class:`OSError`, so callers can still catch
it as one, and an :class:`~eduplan.errors.EduplanError`, so that an uncaught one is one clear
line (exit 2), never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from eduplan.errors import EduplanError
from eduplan.i18n import _
from eduplan.load.files import os_reason
from eduplan.output.guard import Inputs, OutputRefused, kind_of

__all__ = ["Batch", "WriteError", "Written", "append_text", "check_targets", "write_bytes", "write_text"]

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import: os.umask can only be read by setting it


class WriteError(EduplanError, OSError):
    """A file could not be written; ``filename`` is the file, ``strerror`` the reason."""

    def __str__(self) -> str:
        return _("{file}: cannot write: {reason}").format(file=self.filename, reason=self.strerror)


@dataclass(frozen=True, slots=True)
class Written:
    """A file written: ``path`` as the command named it, ``link`` the file written when ``path`` is a link."""

    path: Path
    link: Path | None = None

    def __str__(self) -> str:
        """``wrote out.html``, or ``wrote out.html (through the link to /srv/site/out.html)``."""
        if self.link is not None:
            return _("wrote {file} (through the link to {link})").format(file=self.path, link=self.link)
        return _("wrote {file}").format(file=self.path)

    def note(self) -> str:
        """`` (through the link to ...)`` when ``path`` is a symbolic link, else empty."""
        return " " + _("(through the link to {link})").format(link=self.link) if self.link is not None else ""


@dataclass(frozen=True, slots=True)
class _Place:
    path: Path  # as named
    real: Path  # the file to replace: path, or the file its symbolic link names
    link: Path | None
    info: os.stat_result | None  # of real, when it exists


def _place(path: Path, inputs: Inputs | None) -> _Place:
    """Where ``path`` is written, after the checks of step 1.

    Raises:
        OutputRefused: an input of the run, or not a regular file.
        WriteError: the place cannot be looked at (a file on the way, a link loop, no permission).
    """
    link = None
    real = path
    try:
        if path.is_symlink():
            real = link = Path(os.path.realpath(path))
        info: os.stat_result | None = real.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _write_error(path, exc) from None
    if info is not None:
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise OutputRefused(_not_a_file().format(path=path, kind=kind))
    if inputs is not None:
        inputs.check(path)
    return _Place(path, real, link, info)


def check_targets(paths: list[Path], inputs: Inputs | None = None) -> None:
    """Step 1 of :meth:`Batch.commit` alone, for a command to refuse its targets before long work.

    Raises:
        OutputRefused: a target is an input of the run, not a regular file, or named twice.
        WriteError: a target's place cannot be looked at.
    """
    seen: dict[Path, Path] = {}
    for path in paths:
        place = _place(path, inputs)
        key = Path(os.path.realpath(place.real))
        if key in seen:
            raise OutputRefused(
                _("{path}: not written: it is the same file as {other}, written in the same run").format(
                    path=path, other=seen[key]
                )
            )
        seen[key] = path


class Batch:
    """The files one command writes, committed together (see the module's docstring)."""

    def __init__(self, inputs: Inputs | None = None) -> None:
        """An empty batch whose targets may not be any of ``inputs``."""
        self.inputs = inputs
        self._items: list[tuple[Path, bytes]] = []

    def add(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` when the batch commits."""
        self._items.append((Path(path), data))

    def add_text(self, path: Path, text: str) -> None:
        """Write ``text`` as UTF-8 to ``path`` when the batch commits."""
        self.add(path, text.encode("utf-8"))

    def __len__(self) -> int:
        """How many files the batch holds."""
        return len(self._items)

    def commit(self) -> list[Written]:
        """Write every file, all of them or none (see the module's docstring).

        Raises:
            OutputRefused: a target is an input, not a regular file, or named twice; nothing written.
            WriteError: a file cannot be written; nothing renamed (or, during the renames, the
                message names those already written).
        """
        check_targets([path for path, _ignored in self._items], self.inputs)
        places = [_place(path, self.inputs) for path, _ignored in self._items]
        staged: list[tuple[Path, _Place]] = []
        made: list[Path] = []
        try:
            for place, (_path, data) in zip(places, self._items, strict=True):
                if place.link is None:
                    made += _make_parents(place)
                staged.append((_stage(place, data), place))
        except BaseException:
            for tmp, _place_of in staged:
                tmp.unlink(missing_ok=True)
            for folder in reversed(made):
                with contextlib.suppress(OSError):
                    folder.rmdir()
            raise
        written: list[Written] = []
        for index, (tmp, place) in enumerate(staged):
            try:
                tmp.replace(place.real)
            except OSError as exc:
                for later, _place_of in staged[index:]:
                    later.unlink(missing_ok=True)
                error = _write_error(place.path, exc)
                if written:
                    names = ", ".join(str(w.path) for w in written)
                    reason = _("{reason} (already written: {names})").format(reason=error.strerror, names=names)
                    error = WriteError(exc.errno, reason, str(place.path))
                raise error from None
            written.append(Written(place.path, place.link))
        return written


def _make_parents(place: _Place) -> list[Path]:
    """Make the missing folders above ``place`` (an output folder the user named), outermost first."""
    missing = []
    folder = place.real.parent
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made = []
    try:
        for folder in reversed(missing):
            folder.mkdir()
            made.append(folder)
    except OSError as exc:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise _write_error(place.path, exc) from None
    return made


def _stage(place: _Place, data: bytes) -> Path:
    """Write ``data`` to a new temporary file beside ``place.real``, on disk; its path."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{place.real.name}.", suffix=".tmp", dir=place.real.parent)
    except OSError as exc:
        raise _write_error(place.path, exc) from None
    tmp = Path(name)
    try:
        # mkstemp makes the file private (0600): give it the mode a plain open() would have,
        # or keep the mode (and, where allowed, the owner) of the file it replaces.
        info = place.info
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_UMASK
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            if info is not None and (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), info.st_uid, info.st_gid)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(place.path, exc) from None
        raise
    return tmp


def write_bytes(path: Path, data: bytes, inputs: Inputs | None = None) -> Written:
    """Write one file as a batch of one: ``path`` is left as it was when anything fails.

    Raises:
        OutputRefused: ``path`` is one of ``inputs`` or not a regular file.
        WriteError: the file cannot be written.
    """
    batch = Batch(inputs)
    batch.add(path, data)
    return batch.commit()[0]


def write_text(path: Path, text: str, inputs: Inputs | None = None) -> Written:
    """Write UTF-8 text with LF line ends, as :func:`write_bytes`.

    Raises:
        OutputRefused: ``path`` is one of ``inputs`` or not a regular file.
        WriteError: the file cannot be written.
    """
    return write_bytes(path, text.encode("utf-8"), inputs)


def append_text(path: Path, text: str, inputs: Inputs | None = None) -> Written:
    """Append UTF-8 text to ``path`` (made when missing), whole or not at all.

    A failed append (a full disk) cuts the file back to the size it had, so no half a report
    is left at its end.

    Raises:
        OutputRefused: ``path`` is one of ``inputs`` or not a regular file.
        WriteError: the text cannot be appended; the file is as it was.
    """
    place = _place(path, inputs)
    data = text.encode("utf-8")
    try:
        fd = os.open(place.real, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC | os.O_NONBLOCK, 0o666)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:  # it changed since it was looked at
            raise OutputRefused(_not_a_file().format(path=path, kind=kind))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, info.st_size)
            raise _write_error(path, exc) from None
    finally:
        os.close(fd)
    return Written(place.path, place.link)


def _not_a_file() -> str:
    return _("{path}: not written: it is {kind}, not a regular file; eduplan writes only files")


def _write_error(path: Path, exc: OSError) -> WriteError:
    reason = os_reason(exc)
    blocked = Path(os.fsdecode(exc.filename)) if exc.filename is not None else None
    if blocked is not None and blocked in path.parents and blocked != path.parent:
        reason = f"{reason} ({blocked})"  # a directory on the way cannot be made
    return WriteError(exc.errno, reason, str(path))
