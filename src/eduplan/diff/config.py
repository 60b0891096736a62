"""Diff settings from the project's configuration: ``[tool.eduplan.diff]`` or ``diff:``.

The file is the one ``eduplan validate`` reads (:func:`eduplan.config.find_config`: the nearest
``eduplan.yaml``, ``.eduplan.yaml`` or ``pyproject.toml`` with eduplan settings, from the
working directory upwards); only its ``diff`` table is read here. Command-line options override it::

    [tool.eduplan.diff]
    fail-on = "weakening"                 # major, warning, minor, info, weakening or any
    tolerance = 0.5                       # numeric differences up to this are not changes
    ignore-fields = ["owner", "notes"]    # as --ignore-field
    report-order = false                  # as --report-order
    severity = {removed = "warning", text-changed = "minor", weakening = "major"}

``warn`` is accepted for ``warning``, as on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eduplan.diff.change import Level
from eduplan.diff.select import check_severity
from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.load.configfile import find_config, read_config
from eduplan.load.schema_errors import plain_error

__all__ = ["DiffSettings", "find_config", "load_diff_settings"]


class _DiffTable(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)

    fail_on: Literal["major", "warning", "warn", "minor", "info", "weakening", "any"] | None = Field(
        None, alias="fail-on"
    )
    tolerance: float | None = Field(None, ge=0)
    ignore_fields: list[str] = Field([], alias="ignore-fields")
    report_order: bool = Field(False, alias="report-order")
    severity: dict[str, str] = {}


@dataclass(frozen=True)
class DiffSettings:
    """What the configuration file says about diffs.

    Attributes:
        fail_on: Threshold for exit code 1, when set.
        tolerance: Numeric tolerance, when set.
        ignore_fields: Fields (or path globs) whose changes are not reported.
        report_order: Whether to report items that moved within their list.
        severity: Level overrides by kind.
        source: The file read, when there was one.
    """

    fail_on: str | None = None
    tolerance: float | None = None
    ignore_fields: tuple[str, ...] = ()
    report_order: bool = False
    severity: dict[str, Level] = field(default_factory=dict)
    source: str | None = None


def load_diff_settings(path: Path | None) -> DiffSettings:
    """The ``diff`` settings of a configuration file (defaults when ``path`` is None or has none).

    Raises:
        UsageError: the file cannot be read, or its ``diff`` table holds unknown keys or values.
    """
    if path is None:
        return DiffSettings()
    raw = read_config(path).get("diff", {})
    where = f"{path}: diff"
    if not isinstance(raw, dict):
        raise UsageError(_("{file}: diff: expected a table of settings").format(file=path))
    try:
        table = _DiffTable.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        key = ".".join(str(p) for p in first["loc"])
        message, hint = plain_error(first)
        if first["type"] == "extra_forbidden":
            message = _("unknown key {key}").format(key=f"'{first['loc'][-1]}'")
        line = f"{where}.{key}: {message}"
        raise UsageError(f"{line} ({hint})" if hint else line) from None
    return DiffSettings(
        fail_on=table.fail_on,
        tolerance=table.tolerance,
        ignore_fields=tuple(table.ignore_fields),
        report_order=table.report_order,
        severity=check_severity(table.severity, f"{where}.severity"),
        source=str(path),
    )
