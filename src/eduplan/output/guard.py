"""What a run may not write over: the files and folders it reads, and anything that is not a regular file.

Every command that writes names its inputs in an :class:`Inputs` (the plan folder or file and
every file it read, the templates, the configuration, the workbook, both sides of a diff). A
target is refused, before anything is written, when

* its resolved path is an input, or lies inside an input folder (a plan folder: ``render -o
  plan/out.html`` would add a stray file to the plan);
* it is the same file as an input by identity (``st_dev`` and ``st_ino``): a hard link, or a
  symbolic link from elsewhere to a file of the plan;
* it exists and is not a regular file: a directory, a device node, a FIFO or a socket is never
  renamed over or written into.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from eduplan.errors import UsageError
from eduplan.i18n import N_, _

__all__ = ["Inputs", "OutputRefused", "kind_of"]


class OutputRefused(UsageError):
    """A target the output layer will not write: an input of the run, or not a regular file."""


_KINDS = (
    (stat.S_ISDIR, N_("a directory")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISSOCK, N_("a socket")),
)


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is (``a FIFO (named pipe)``), in the run's language; None for a file."""
    if stat.S_ISREG(mode):
        return None
    return _(next((word for test, word in _KINDS if test(mode)), N_("not a regular file")))


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


class Inputs:
    """The files and folders one run reads, so that none of them is written over.

    ``role`` names what an input is, for the message: ``the plan``, ``the templates``, ``the
    workbook``, ``the old edition``; the caller marks it with ``N_()``, and it is translated when
    a message names it.
    """

    def __init__(self) -> None:
        """No inputs yet; :meth:`add` them as the command learns them."""
        self._named: list[tuple[Path, Path, bool, str]] = []  # as named, resolved, is a folder, role
        self._ids: dict[tuple[int, int], tuple[Path, str]] = {}

    def add(self, path: str | os.PathLike[str] | None, role: str) -> Inputs:
        """Protect ``path`` (a file, or a folder and everything in it); a missing path is kept by name."""
        if path is None:
            return self
        named = Path(path)
        try:
            info = named.stat()
        except (OSError, ValueError):
            self._named.append((named, _resolved(named), False, role))
            return self
        self._named.append((named, _resolved(named), stat.S_ISDIR(info.st_mode), role))
        if stat.S_ISREG(info.st_mode):
            self._ids.setdefault((info.st_dev, info.st_ino), (named, role))
        return self

    def add_files(self, files: Iterable[str | os.PathLike[str]], role: str) -> Inputs:
        """Protect every file in ``files`` (the files a plan was read from)."""
        for file in files:
            self.add(file, role)
        return self

    def paths(self) -> list[tuple[Path, Path]]:
        """Every input as named and resolved (a folder that replaces a whole tree may hold none of them)."""
        return [(named, resolved) for named, resolved, _folder, _role in self._named]

    def check(self, target: Path) -> None:
        """Refuse ``target`` when it is an input, inside an input folder, or the same file as an input.

        Raises:
            OutputRefused: with one line naming the input.
        """
        real = _resolved(target)
        for named, resolved, _folder, role in self._named:
            if real == resolved:
                raise OutputRefused(
                    _("{target}: not written: it is {role} this run reads ({named}); choose another file").format(
                        target=target, role=_(role), named=named
                    )
                )
        try:
            info = target.stat()
        except (OSError, ValueError):
            info = None
        hit = self._ids.get((info.st_dev, info.st_ino)) if info is not None else None
        if hit is not None:
            raise OutputRefused(
                _(
                    "{target}: not written: it is the same file as {named} ({role} this run reads, "
                    "through a hard or symbolic link); choose another file"
                ).format(target=target, named=hit[0], role=_(hit[1]))
            )
        for named, resolved, folder, role in self._named:
            if folder and resolved in real.parents:
                raise OutputRefused(
                    _(
                        "{target}: not written: it is inside {role} this run reads ({named}); choose a place outside it"
                    ).format(target=target, role=_(role), named=named)
                )
