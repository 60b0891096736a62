"""Writing changes back into a plan's YAML files: surgical text edits, then a trial load.

:func:`prepare` turns values at paths in the plan data (an import's changes) into
new texts for the files that hold them, through :mod:`eduplan.yamledit`, and new reports for years
that have none: a file ``reports/<year>.yaml`` in a plan directory, an item of ``reports:`` in a
single-file plan (the key itself when the file has none). :func:`trial_load` loads the plan as if
the new texts were written (an overlay of its files in memory, nothing copied), so that an import
never writes a plan that no longer loads. Nothing here writes into the plan itself: the command
does, atomically, only when everything passed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from pydantic import ValidationError

from eduplan.edit.yamledit import Edit, EditError, edit_text
from eduplan.errors import UsageError
from eduplan.findings import Finding, Path, Severity
from eduplan.i18n import _
from eduplan.load.encoding import readable, utf8_text
from eduplan.load.files import read_bounded
from eduplan.load.loader import LoadResult, load_plan
from eduplan.load.source import SourceMap
from eduplan.model import Actual, Baseline, Indicator, Output, Plan, Policy, Project, ProjectResult, Quarter, Report

__all__ = ["FileText", "prepare", "trial_load"]

_MODELS: dict[tuple[str, ...], type[Any]] = {
    ("policies", "#"): Policy,
    ("indicators", "#"): Indicator,
    ("standards", "#"): Indicator,
    ("reports", "#"): Report,
    ("actuals", "#"): Actual,
    ("projects", "#"): ProjectResult,
    ("outputs", "#"): Output,
    ("quarters", "#"): Quarter,
}
"""The model of a mapping by the last two steps of its path (a policy of any level, an indicator at any depth)."""
_MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S*/)[a-z-]+\.schema\.json$", re.MULTILINE)
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class FileText:
    """The new text of one file (``old`` is ``None`` for a file to create)."""

    path: FsPath
    old: str | None
    new: str

    def data(self) -> bytes:
        """The bytes to write: UTF-8, keeping a byte-order mark the file had."""
        bom = _BOM if self.old is not None and self.old.startswith(_BOM) else ""
        return (bom + self.new.removeprefix(_BOM)).encode("utf-8")


def prepare(
    loaded: LoadResult, values: Iterable[tuple[Path, Any]], new_reports: Mapping[int, dict[str, Any]]
) -> list[FileText]:
    """The new texts of every file the edits touch, plus new report files.

    Args:
        loaded: The plan as loaded (its source map says where each value is written).
        values: ``(path in the plan data, new value or DELETE)`` to set.
        new_reports: Reports to add, by year (fiscal or academic), as plain data.

    Raises:
        UsageError: a file cannot be edited (not UTF-8, an alias, an unusual layout) or a new
            report file cannot be created (the file name is taken).
    """
    groups: dict[str, tuple[Path, list[Edit]]] = {}
    located = list(values)
    if not loaded.root.is_dir():  # a single-file plan: new reports go under its reports: key
        first = len(loaded.plan.reports) if loaded.plan else 0
        located += [(("reports", first + k), r) for k, (_ignored, r) in enumerate(sorted(new_reports.items()))]
    for where, value in located:
        file, prefix = _locate(loaded.source, where)
        groups.setdefault(file, (prefix, []))[1].append(Edit(where[len(prefix) :], value))
    out = []
    for file, (prefix, edits) in groups.items():
        path = FsPath(file)
        text = _read(path)
        try:
            new = edit_text(text.removeprefix(_BOM), edits, file=file, order=_ranker(prefix), expand=_shorthand)
        except EditError as exc:
            raise UsageError(str(exc)) from None
        out.append(FileText(path, text, new))
    if loaded.root.is_dir():
        out += [_new_report(loaded.root, year, report) for year, report in sorted(new_reports.items())]
    return out


def trial_load(root: FsPath, texts: list[FileText]) -> list[Finding]:
    """Load the plan as if the new texts were written (nothing is written or copied); the errors found."""
    result = load_plan(root, overlay={text.path: text.data() for text in texts})
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if result.plan is None and not errors:
        errors = [Finding("LD02", "load.failed", Severity.ERROR, _("the edited plan does not load"))]
    return errors


def _locate(source: SourceMap, path: Path) -> tuple[str, Path]:
    """The file that holds a path and the path of that file's document in the plan data."""
    span = source.span(path)
    if span is None:
        raise UsageError(_("cannot tell which file holds {path}").format(path=".".join(map(str, path))))
    for end in range(len(path) + 1):
        found = source.values.get(path[:end])
        if found is not None and found.file == span.file:
            return span.file, path[:end]
    return span.file, ()  # pragma: no cover - the span itself is in the map


def _ranker(prefix: Path) -> Callable[[Path, Any], tuple[int, int, str]]:
    """The ``order`` of one file's edits: its local paths sit under ``prefix`` in the plan data."""
    return lambda parent, key: _rank(prefix + parent, key)


def _rank(parent: Path, key: Any) -> tuple[int, int, str]:
    """Where a new key goes among its siblings: years and list items by number, fields in model order."""
    if isinstance(key, int):
        return (0, key, "")
    model = _model_at(parent)
    fields = list(model.model_fields) if model is not None else []
    if key in fields:
        return (1, fields.index(key), "")
    return (2, 0, str(key))


def _model_at(parent: Path) -> type[Any] | None:
    """The model of the mapping at a path: the plan at the top, then by the list it is an item of."""
    if not parent:
        return Plan
    if parent[-1] == "baseline":
        return Baseline
    shape = tuple("#" if isinstance(seg, int) else seg for seg in parent[-2:])
    if shape == ("projects", "#") and parent[:1] != ("reports",):
        return Project  # a project of an action plan
    return _MODELS.get(shape)


def _shorthand(path: Path, value: Any) -> dict[Any, Any] | None:
    """The mapping a scalar stands for: ``baseline: 45`` is ``{value: 45}``, ``baseline: n/a`` is ``{no_data: n/a}``."""
    if not path or path[-1] != "baseline" or isinstance(value, bool):
        return None
    try:
        read = Baseline.model_validate(value)
    except ValidationError:
        return None
    return {"no_data": value} if read.no_data is not None else {"value": value}


def _read(path: FsPath) -> str:
    data, reason = read_bounded(path)
    if data is None:
        raise UsageError(_("{path}: cannot read the file: {reason}").format(path=path, reason=reason))
    text = utf8_text(data)
    if text is None:
        raise UsageError(_("{path}: not UTF-8; save it as UTF-8 before importing").format(path=path))
    return text


def _new_report(root: FsPath, year: int, report: dict[str, Any]) -> FileText:
    path = root / "reports" / f"{year}.yaml"
    key = "academic_year" if "academic_year" in report else "fiscal_year"
    if path.exists():
        raise UsageError(
            _("{path} exists but is not the report of {year}; rename it or fix its {key}").format(
                path=path, year=year, key=key
            )
        )
    edits = [Edit((k,), value) for k, value in report.items() if k != key]
    try:
        body = edit_text(f"{key}: {year}\n", edits, order=_ranker(("reports", 0)))
    except EditError as exc:  # pragma: no cover - a fresh document always takes the edits
        raise UsageError(str(exc)) from None
    return FileText(path, None, _modeline(root) + body)


def _modeline(root: FsPath) -> str:
    """The modeline of a new report file, copied from a sibling file at the same depth."""
    for folder in ("reports", "action-plans", "policies"):
        for file in sorted((root / folder).glob("*.yaml")):
            data, _ignored = read_bounded(file)  # a pipe or a link to /dev/zero among them is not read
            match = _MODELINE.search(readable(data)[:500]) if data is not None else None
            if match:
                return f"# yaml-language-server: $schema={match.group(1)}report.schema.json\n"
    return ""
