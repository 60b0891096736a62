"""Finding and reading eduplan's configuration file: one reader for validate, gaps and diff.

``eduplan.yaml`` or ``.eduplan.yaml`` (YAML, read with eduplan's own bounded reader), or the
``[tool.eduplan]`` table of a ``pyproject.toml``: the file ``--config`` names, or the nearest from
the plan's own folder up (a plan folder carries its office's settings wherever the command runs),
then the nearest from the working directory up. What the settings mean is checked by their users
(:mod:`eduplan.check.config` for validate and gaps, :mod:`eduplan.diff.config` for diff).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from eduplan.errors import EduplanError, UsageError
from eduplan.findings import Severity
from eduplan.i18n import _
from eduplan.load.encoding import utf8_text
from eduplan.load.files import read_bounded
from eduplan.load.yamlio import read_yaml

__all__ = ["CONFIG_FILES", "config_file", "config_in", "configured_lang", "find_config", "read_config"]

CONFIG_FILES = ("eduplan.yaml", ".eduplan.yaml", "pyproject.toml")
"""Configuration files, nearest first in each folder (``pyproject.toml`` only with ``[tool.eduplan]``)."""


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` upwards."""
    for folder in [start, *start.parents]:
        found = config_in(folder)
        if found is not None:
            return found
    return None


def config_in(folder: Path) -> Path | None:
    """The configuration file of a folder itself (eduplan.yaml before pyproject.toml), if it has one."""
    for name in CONFIG_FILES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    return None


def config_file(explicit: Path | None, plan: Path | str | None = None) -> Path | None:
    """The configuration file of a plan: ``--config``, or the nearest one from the plan's folder up, else from here.

    "Here" is the working directory: a plan outside any configured folder uses the run's.

    Args:
        explicit: The file ``--config`` names, if any.
        plan: The plan (its directory, or a plan file or a file of it); a path that does not exist
            (a git revision, standard input) is not looked from.

    Raises:
        UsageError: ``--config`` names no file.
    """
    if explicit is not None and not explicit.is_file():
        raise UsageError(_("{path}: no such configuration file").format(path=explicit))
    if explicit is not None:
        return explicit
    if plan is not None:
        start = Path(plan).absolute()
        if start.exists():
            found = find_config(start if start.is_dir() else start.parent)
            if found is not None:
                return found
    return find_config(Path.cwd())


def read_config(path: Path) -> dict[str, Any]:
    """The eduplan settings of a configuration file as data (``[tool.eduplan]`` of a pyproject.toml).

    Raises:
        UsageError: the file cannot be read or parsed.
    """
    return _read(path)


def _read(path: Path) -> dict[str, Any]:
    data, reason = read_bounded(path)
    if data is None:
        raise UsageError(_("{path}: cannot read the configuration: {reason}").format(path=path, reason=reason))
    if path.suffix == ".toml":
        text = utf8_text(data)
        if text is None:
            raise UsageError(_("{path}: not valid TOML: it is not UTF-8").format(path=path))
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(_toml_error(path, exc)) from None
        except RecursionError:  # tomllib nests arrays and tables by recursion
            raise UsageError(_("{path}: not valid TOML: values are nested too deeply").format(path=path)) from None
        tool = table.get("tool")
        own = tool.get("eduplan") if isinstance(tool, dict) else None
        return own if isinstance(own, dict) else {}

    value, _source, findings = read_yaml(data, str(path))
    errors = [f for f in findings if f.severity == Severity.ERROR]
    if errors:
        raise UsageError(f"{errors[0].span}: {errors[0].message}")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise UsageError(_("{path}: the configuration must be a mapping of settings").format(path=path))
    return value


_TOML_AT = re.compile(r"^(?P<reason>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """A TOML syntax error as one line: the file's position first, tomllib's own (English) words quoted."""
    text = str(exc)
    at = _TOML_AT.match(text)
    if at is None:
        return _("{path}: not valid TOML ({reason})").format(path=path, reason=f"`{text}`")
    return _("{path}:{line}:{col}: not valid TOML ({reason})").format(
        path=path, line=at["line"], col=at["col"], reason=f"`{at['reason']}`"
    )


def configured_lang(start: Path | None = None) -> str | None:
    """The ``lang:`` of the configuration found from ``start`` (default: the working directory) up.

    The same discovery as the commands' (:func:`find_config`), for choosing the run's language
    before any command runs: cheap (one small file read) and never raising. A file that cannot be
    read, is broken, or has no ``lang:`` gives ``None``; so does a ``lang:`` other than ``th`` or
    ``en`` (the command then reports it, with the other settings).
    """
    try:
        found = find_config(Path.cwd() if start is None else start)
        if found is None:
            return None
        lang = read_config(found).get("lang")
    except (EduplanError, OSError, ValueError, RecursionError):
        return None
    return lang if lang in ("th", "en") else None  # anything else is reported by the command, with the settings


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml has a ``[tool.eduplan]`` table (one named in a comment does not count)."""
    data, _ignored = read_bounded(path)
    text = utf8_text(data) if data is not None else None
    if text is None or "tool" not in text or "eduplan" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except (tomllib.TOMLDecodeError, RecursionError):
        return True  # an unreadable file that mentions eduplan: reading it says what is wrong
    return isinstance(tool, dict) and "eduplan" in tool
