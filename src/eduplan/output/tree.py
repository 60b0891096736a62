"""Writing a whole folder at once: a built site appears complete, or not at all.

``eduplan site`` makes hundreds of files. :func:`write_tree` builds them in a new folder beside
the target, and only when every file is written moves it into place:

1. the target is checked first: it may not be an input of the run, lie inside an input folder,
   or *hold* an input (replacing it would delete a plan); it must be missing, an empty folder, or
   a folder that an earlier run of the same command made (it holds the ``marker`` file). Any other
   folder is refused unless ``force`` is given, and a file or anything else that is not a folder
   is always refused;
2. every file is written into a temporary folder beside the target (same file system), with the
   permissions a plain ``mkdir`` and ``open`` give (readable by a web server when the umask says so);
3. the old folder, if any, is renamed aside, the new one renamed to the target, and the old one
   removed. If the second rename fails the old folder is put back.

Readers of the target (a web server) see the old site or the new one, never half of each; the one
moment without either is between the two renames. A failure in 1 or 2 leaves the target as it was
and removes the temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from eduplan.i18n import _
from eduplan.load.files import os_reason
from eduplan.output.atomic import WriteError
from eduplan.output.guard import Inputs, OutputRefused, kind_of

__all__ = ["TreeRefused", "write_tree"]

_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import: os.umask can only be read by setting it


class TreeRefused(OutputRefused):
    """The target folder is not one this command may replace."""


def _check(target: Path, inputs: Inputs, marker: str, force: bool) -> None:
    """Step 1 (see the module's docstring).

    Raises:
        TreeRefused: the target may not be replaced.
        OutputRefused: the target is an input or inside one.
    """
    inputs.check(target)
    real = Path(os.path.realpath(target))
    for named, held in inputs.paths():
        if real == held or real in held.parents:
            raise TreeRefused(
                _("{folder}: not replaced: it holds {input}, which this run reads; choose another folder").format(
                    folder=target, input=named
                )
            )
    try:
        info = real.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _error(target, exc) from None
    if not stat.S_ISDIR(info.st_mode):
        kind = kind_of(info.st_mode) or _("a file")
        raise TreeRefused(
            _("{folder}: not written: it is {kind}, not a folder; choose a folder").format(folder=target, kind=kind)
        )
    try:
        entries = [entry.name for entry in real.iterdir()]
    except OSError as exc:
        raise _error(target, exc) from None
    if entries and marker not in entries and not force:
        raise TreeRefused(
            _(
                "{folder}: not replaced: the folder holds files that eduplan did not make; choose an empty or new "
                "folder, or give --force to replace it and everything in it"
            ).format(folder=target)
        )


def _error(path: Path, exc: OSError) -> WriteError:
    return WriteError(exc.errno, os_reason(exc), str(path))


def write_tree(target: Path, files: Mapping[str, bytes], inputs: Inputs, *, marker: str, force: bool = False) -> Path:
    """Write ``files`` (relative POSIX path -> bytes) as the folder ``target``, replacing it whole.

    ``marker`` is the name of a file among ``files`` that says the folder is this command's (a later
    run may replace such a folder without ``force``).

    Returns:
        The folder written (``target`` followed through a symbolic link).

    Raises:
        TreeRefused: the target may not be replaced (see :func:`_check`); nothing written.
        OutputRefused: the target is an input of the run or inside one; nothing written.
        WriteError: a file cannot be written, or the folder cannot be moved into place; the target
            is as it was.
    """
    if marker not in files:
        raise ValueError(f"the marker {marker!r} is not among the files")
    _check(target, inputs, marker, force)
    real = Path(os.path.realpath(target))
    parent = real.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{real.name}.", suffix=".new", dir=parent))
    except OSError as exc:
        raise _error(target, exc) from None
    try:
        _fill(staging, files)
        _swap(staging, real, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return real


def _fill(folder: Path, files: Mapping[str, bytes]) -> None:
    """Step 2: every file under ``folder``, folders made as ``mkdir`` makes them."""
    folder.chmod(0o777 & ~_UMASK)  # mkdtemp makes it private (0700): a web server could not read the site
    made: set[Path] = {folder}
    for name, data in files.items():
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            raise ValueError(f"not a relative path inside the folder: {name!r}")
        path = folder.joinpath(*relative.parts)
        try:
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(data)
        except OSError as exc:
            raise _error(path, exc) from None


def _swap(staging: Path, real: Path, target: Path) -> None:
    """Step 3: the new folder in place of the old one (put back if the move fails)."""
    old: Path | None = None
    if real.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{real.name}.", suffix=".old", dir=real.parent))
        old.rmdir()  # only its unique name is wanted
        try:
            real.rename(old)
        except OSError as exc:
            raise _error(target, exc) from None
    try:
        staging.rename(real)
    except OSError as exc:
        if old is not None:
            with contextlib.suppress(OSError):
                old.rename(real)
        raise _error(target, exc) from None
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
