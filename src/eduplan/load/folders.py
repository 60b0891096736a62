"""What a plan's folders hold that cannot be read: unlistable folders, names not in UTF-8, links to nothing.

Each is a located LD02 finding, so that a run reports it and goes on; a name that is not UTF-8
is shown with backslash escapes (the byte FF as backslash, x, f, f), so that no report holds
bytes it cannot encode.
"""

from __future__ import annotations

import os
from pathlib import Path as FsPath

from eduplan.findings import Finding, Span
from eduplan.i18n import N_, _
from eduplan.load.codes import finding
from eduplan.load.files import os_reason
from eduplan.load.layout import PARTS, YAML_SUFFIXES

__all__ = ["dangling", "listable", "shown", "unreadable_entries", "utf8_name"]


def listable(folder: FsPath) -> bool:
    """Whether a folder can be listed (true when it is no folder: there is nothing to list)."""
    if not folder.is_dir():
        return True
    try:
        with os.scandir(folder):
            return True
    except OSError:
        return False


def utf8_name(path: FsPath) -> bool:
    """Whether a path's name is text (a name that is not UTF-8 holds surrogates once decoded)."""
    return shown(path) == str(path)


def shown(path: FsPath) -> str:
    """A path as text a report can hold: bytes that are not UTF-8 written as backslash escapes (xff)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def unreadable_entries(folder: FsPath) -> list[Finding]:
    """LD02 for a part folder that cannot be listed, and for each YAML file in it whose name is not UTF-8."""
    if not folder.is_dir():
        return []
    try:
        names = [entry for entry in folder.iterdir() if entry.suffix in YAML_SUFFIXES and not utf8_name(entry)]
    except OSError as exc:
        where = Span(shown(folder), 1, 1, 1, 1)
        message = _("cannot list the folder {folder}: {reason}").format(folder=f"{folder.name}/", reason=os_reason(exc))
        return [finding("LD02", message, where, _items(folder), hint=_(_ACCESS_HINT))]
    return [
        finding(
            "LD02",
            _("the file name {name} is not UTF-8: the file is not read").format(name=shown(FsPath(entry.name))),
            Span(shown(entry), 1, 1, 1, 1),
            _items(folder),
            hint=_("rename the file (a plan's file names are UTF-8, as Windows, macOS and Linux write them)"),
        )
        for entry in sorted(names)
    ]


_ACCESS_HINT = N_("let the user who runs eduplan read it (chmod a+rx), or move it out of the plan")


def dangling(folder: FsPath) -> Finding:
    """LD02 for a part folder that is a symbolic link to nothing."""
    return finding(
        "LD02",
        _("{folder} is a symbolic link to {target}, which does not exist: the plan's {files} cannot be read").format(
            folder=folder.name, target=shown(folder.readlink()), files=f"{folder.name}/*.yaml"
        ),
        Span(str(folder), 1, 1, 1, 1),
        _items(folder),
        hint=_("make {folder} a folder, or point the link at one").format(folder=f"{folder.name}/"),
    )


def _items(folder: FsPath) -> tuple[str, ...]:
    """The plan's list a part folder holds (("policies",)): its items are lost, so checks that judge it wait."""
    return (PARTS[folder.name][0],) if folder.name in PARTS else ()
