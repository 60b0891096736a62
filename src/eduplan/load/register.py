"""Reading a plan folder's register of units: ``register.yaml``, or the files of a folder ``register/``.

A short register is one file beside plan.yaml. A long one (a national register of 30,000 schools would pass
the limit of values one file may hold) is a folder of such files, one per office or district, read in
natural order; their units are listed one after the other, as if they were one file, and every value keeps its
own file and line. Each file is a mapping ``{as_of, units}``; the files of a folder give the same ``as_of``, or
only one of them gives it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel

from eduplan.findings import Finding, Path, Span, natural_key
from eduplan.i18n import _
from eduplan.load import files as disk
from eduplan.load.codes import finding
from eduplan.load.completeness import copy_of
from eduplan.load.layout import REGISTER_FILES, REGISTER_FOLDER, YAML_SUFFIXES
from eduplan.load.source import SourceMap
from eduplan.model.common import describe
from eduplan.model.register import Register

__all__ = ["is_register_file", "read_register"]

KEY = "register"
"""The plan's key the register is read into."""

ReadPart = Callable[[FsPath, Path, type[BaseModel], SourceMap, list[Finding], list[str]], Any]
"""The loader's reader of one part file (:func:`eduplan.load.loader._read_part`)."""


def read_register(
    root: FsPath,
    data: dict[str, Any],
    source: SourceMap,
    findings: list[Finding],
    files: list[str],
    read_part: ReadPart,
    yaml_files: Callable[[FsPath], Iterable[FsPath]],
) -> None:
    """Read the register of the plan folder ``root`` into ``data["register"]``, its spans into ``source``.

    Nothing happens when the folder has no register. A register given twice (in plan.yaml and as a file, or as a
    file and a folder) is reported and the first one kept.
    """
    file = next((root / name for name in REGISTER_FILES if disk.is_file(root / name)), None)
    folder = root / REGISTER_FOLDER
    parts = sorted(yaml_files(folder), key=lambda f: natural_key(f.name)) if disk.is_dir(folder) else []
    given = [str(s) for s in ([file] if file else []) + ([folder] if parts else [])]
    if not given:
        return
    if KEY in data:
        findings.append(_twice(source.keys.get((KEY,)) or Span(str(root / "plan.yaml"), 1, 1, 1, 1), given[0]))
        return
    if file is not None:
        value = read_part(file, (KEY,), Register, source, findings, files)
        if parts:
            findings.append(_twice(Span(str(parts[0]), 1, 1, 1, 1), str(file)))
        if value is not None:
            data[KEY] = value
        return
    data[KEY] = _read_folder(parts, source, findings, files, read_part)


def _read_folder(
    parts: list[FsPath], source: SourceMap, findings: list[Finding], files: list[str], read_part: ReadPart
) -> dict[str, Any]:
    units: list[Any] = []
    merged: dict[str, Any] = {"units": units}
    as_of: tuple[Any, FsPath] | None = None
    for part in parts:
        own = SourceMap()
        read: list[Finding] = []
        value = read_part(part, (), Register, own, read, files)
        offset = len(units)
        findings.extend(_moved_finding(f, offset) for f in read)
        if not isinstance(value, dict):
            continue
        for path in list(own.values):
            source.values[_moved(path, offset)] = own.values[path]
        for path in list(own.keys):
            source.keys[_moved(path, offset)] = own.keys[path]
        source.thai_digits.update(_moved(p, offset) for p in own.thai_digits)
        source.via_alias.update(_moved(p, offset) for p in own.via_alias)
        listed = value.get("units")
        if isinstance(listed, list):
            units.extend(listed)
        elif listed is not None:
            span = own.values.get(("units",)) or Span(str(part), 1, 1, 1, 1)
            message = _("`units` holds {value}, but it is a list of units").format(value=describe(listed))
            findings.append(finding("SC03", message, span, (KEY, "units")))
        for key, item in value.items():
            if key == "as_of" and item is not None:
                if as_of is None:
                    as_of = (item, part)
                    merged["as_of"] = item
                elif item != as_of[0]:
                    span = own.values.get(("as_of",)) or Span(str(part), 1, 1, 1, 1)
                    findings.append(
                        finding(
                            "SC03",
                            _("the register's files give two dates: {this} here, {first} in {file}").format(
                                this=item, first=as_of[0], file=as_of[1].name
                            ),
                            span,
                            (KEY, "as_of"),
                            hint=_("give the register's date (`as_of`) in one file, or the same date in each"),
                        )
                    )
            elif key not in ("units", "as_of"):
                merged.setdefault(key, item)  # an unknown key: the schema says so, at its place
    source.values.setdefault((KEY,), Span(str(parts[0]), 1, 1, 1, 1))
    return merged


def _moved(path: Path, offset: int) -> Path:
    """A path of one register file as a path of the plan.

    ``("units", 3, "code")`` -> ``("register", "units", 3 + offset, "code")``.
    """
    if len(path) >= 2 and path[0] == "units" and isinstance(path[1], int):
        return (KEY, "units", path[1] + offset, *path[2:])
    return (KEY, *path)


def _moved_finding(item: Finding, offset: int) -> Finding:
    return replace(item, path=_moved(item.path, offset) if item.path else (KEY,))


def _twice(span: Span, other: str) -> Finding:
    return finding(
        "SC03",
        _("the register is given twice: here and in {other}; only this one is read").format(other=other),
        span,
        (KEY,),
        hint=_("keep the register in one place: register.yaml, or the files of register/"),
    )


def is_register_file(root: FsPath, entry: FsPath) -> bool:
    """Whether ``entry`` (under the plan folder ``root``) is read as the register."""
    if entry.parent == root:
        return entry.name in REGISTER_FILES or entry.name == REGISTER_FOLDER
    return entry.parent == root / REGISTER_FOLDER and entry.suffix in YAML_SUFFIXES and copy_of(entry.name) is None
