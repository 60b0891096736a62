"""Loading a plan: files -> data + source map -> pydantic model, with every problem located.

A plan is either one YAML file holding everything, or a directory::

    plan.yaml              the plan (metadata, vision, missions, goals, ...)
    policies/*.yaml        one policy each (ordered by file name, 2.yaml before 10.yaml)
    action-plans/*.yaml    one annual action plan each
    reports/*.yaml         one annual performance report each

Schema errors become findings at the offending key or value. When parts of the plan are
invalid, the loader drops the smallest enclosing item (an indicator, a policy, ...) and
validates the rest, so that rules can still check everything that loaded.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .codes import LOAD_CODES
from .errors import UsageError
from .findings import Finding, Path, Span
from .model import ActionPlan, Plan, Policy, Report
from .source import SourceMap
from .yamlio import read_yaml

__all__ = ["PARTS", "LoadResult", "find_plans", "load_plan"]

PLAN_FILES = ("plan.yaml", "plan.yml")
PARTS: dict[str, tuple[str, type[BaseModel]]] = {
    "policies": ("policies", Policy),
    "action-plans": ("action_plans", ActionPlan),
    "reports": ("reports", Report),
}
"""Sub-directory of a plan directory -> (plan field, model of each file)."""


@dataclass
class LoadResult:
    """What loading one plan gave.

    Attributes:
        root: The plan directory or file, as the user named it.
        plan: The validated plan; when parts were invalid, the plan without them; ``None``
            when nothing usable loaded.
        findings: Problems found while reading and validating, in file order.
        source: Where each value of ``plan`` came from (paths as in ``plan``).
        files: Every file that was read.
        dropped: Paths, in the data as written, of items left out of ``plan`` because they
            were invalid.
    """

    root: FsPath
    plan: Plan | None
    findings: list[Finding]
    source: SourceMap
    files: list[str] = field(default_factory=list)
    dropped: list[Path] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        """True when invalid items were left out of the plan."""
        return bool(self.dropped)


def find_plans(paths: Iterable[str | FsPath]) -> list[FsPath]:
    """Expand command-line paths to plans.

    A path is a plan file, a directory with plan.yaml, or any directory holding such
    directories (searched recursively, in natural order).

    Raises:
        UsageError: a path does not exist, or holds no plan.
    """
    found: list[FsPath] = []
    for raw in paths:
        path = FsPath(raw)
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if path.is_file() or _is_plan_dir(path):
            found.append(path)
            continue
        inner = sorted(
            (p.parent for name in PLAN_FILES for p in path.rglob(name) if not _hidden(p, path)),
            key=lambda p: _natural(str(p)),
        )
        if not inner:
            raise UsageError(f"{path}: no plan found (a plan is a YAML file or a directory with plan.yaml)")
        found.extend(inner)
    return list(dict.fromkeys(found))


def load_plan(path: str | FsPath) -> LoadResult:
    """Load one plan (a file or a plan directory). Never raises for bad plan content.

    Raises:
        UsageError: the path does not exist.
    """
    root = FsPath(path)
    if not root.exists():
        raise UsageError(f"{root}: no such file or directory")
    source = SourceMap()
    findings: list[Finding] = []
    files: list[str] = []
    if root.is_dir():
        data = _read_directory(root, source, findings, files)
    else:
        data = _read_part(root, (), Plan, source, findings, files, required=True)
    if not isinstance(data, dict):
        return LoadResult(root, None, _sorted(findings), source, files)
    plan, schema_findings, dropped, partial_source = _validate(data, source)
    return LoadResult(root, plan, _sorted(findings + schema_findings), partial_source, files, dropped)


# -- reading -----------------------------------------------------------------------------------


def _read_directory(
    root: FsPath, source: SourceMap, findings: list[Finding], files: list[str]
) -> dict[str, Any] | None:
    plan_file = next((root / n for n in PLAN_FILES if (root / n).exists()), root / PLAN_FILES[0])
    if not plan_file.exists():
        raise UsageError(f"{root}: not a plan directory (it has no plan.yaml)")
    data = _read_part(plan_file, (), Plan, source, findings, files, required=True)
    if not isinstance(data, dict):
        return None
    for folder, (key, model) in PARTS.items():
        part_files = sorted(_yaml_files(root / folder), key=lambda p: _natural(p.name))
        if not part_files:
            continue
        items = data.get(key)
        if items is not None:
            span = source.keys.get((key,)) or Span(str(plan_file), 1, 1, 1, 1)
            findings.append(
                Finding(
                    "SC03",
                    LOAD_CODES["SC03"].name,
                    LOAD_CODES["SC03"].severity,
                    f"{key} are listed in {plan_file.name} and also given as files in {folder}/",
                    span,
                    (key,),
                    hint=f"keep them in one place: remove '{key}' from {plan_file.name} or the folder",
                )
            )
        listed = list(items) if isinstance(items, list) else []
        for file in part_files:
            index = len(listed)
            value = _read_part(file, (key, index), model, source, findings, files, required=False)
            if value is not None:
                listed.append(value)
        data[key] = listed
    findings.extend(_stray_files(root))
    return data


def _read_part(
    file: FsPath,
    prefix: Path,
    model: type[BaseModel],
    source: SourceMap,
    findings: list[Finding],
    files: list[str],
    *,
    required: bool,
) -> Any:
    label = str(file)
    files.append(label)
    start = Span(label, 1, 1, 1, 1)
    try:
        data = file.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        findings.append(_load_finding("LD02", f"cannot read the file: {reason}", start))
        return None
    value, part_source, part_findings = read_yaml(data, label)
    findings.extend(_prefixed(part_findings, prefix))
    source.graft(part_source, prefix)
    if value is None and not part_findings:
        findings.append(_load_finding("SC01", "the file is empty", start, hint=_expected_keys(model)))
        return None
    if value is not None and not isinstance(value, dict):
        span = part_source.values.get((), start)
        findings.append(
            _load_finding(
                "SC03",
                f"the file holds {_kind(value)}, but a {_model_word(model)} is a mapping",
                span,
                prefix,
            )
        )
        return None
    return value


def _yaml_files(folder: FsPath) -> Iterator[FsPath]:
    if folder.is_dir():
        for entry in folder.iterdir():
            if entry.suffix in (".yaml", ".yml") and not entry.name.startswith("."):
                yield entry


def _stray_files(root: FsPath) -> list[Finding]:
    expected = {root / n for n in PLAN_FILES}
    expected.update(f for folder in PARTS for f in _yaml_files(root / folder))
    stray = []
    for entry in sorted(root.rglob("*")):
        if entry.suffix in (".yaml", ".yml") and entry not in expected and not _hidden(entry, root):
            if any(parent != root and (parent / "plan.yaml").exists() for parent in entry.parents):
                continue  # belongs to a nested plan
            stray.append(
                _load_finding(
                    "LD01",
                    f"{entry.relative_to(root)} is not part of the plan and is not read",
                    Span(str(entry), 1, 1, 1, 1),
                    hint="plan files are plan.yaml, policies/*.yaml, action-plans/*.yaml and reports/*.yaml",
                )
            )
    return stray


# -- validation ------------------------------------------------------------------------------


def _validate(data: dict[str, Any], source: SourceMap) -> tuple[Plan | None, list[Finding], list[Path], SourceMap]:
    try:
        return Plan.model_validate(data), [], [], source
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    findings = _schema_findings(errors, data, source)
    working = copy.deepcopy(data)
    dropped: list[Path] = []
    for _ in range(8):
        removable = [_removable(e, working) for e in errors]
        if any(r is None for r in removable) or not removable:
            return None, findings, dropped, source
        for item in sorted({r for r in removable if r is not None}, key=_path_key, reverse=True):
            _delete(working, item)
            dropped.append(_original_path(item, dropped))
        try:
            plan = Plan.model_validate(working)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            continue
        return plan, findings, sorted(dropped, key=_path_key), _without(source, dropped)
    return None, findings, dropped, source  # pragma: no cover - every round removes something


def _removable(error: Any, data: Any) -> Path | None:
    """What to drop to get rid of an error, as a path in ``data``.

    An unknown key is dropped by itself; any other error drops the smallest list item (or
    optional top-level key) that encloses it.
    """
    loc: Path = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        return _data_path(loc, data)
    best: Path | None = None
    node = data
    for depth, seg in enumerate(loc):
        child = _step(node, seg)
        if child is _ABSENT:
            break
        if isinstance(node, list):
            best = loc[: depth + 1]
        node = child
    if best is not None:
        return best
    top = loc[0] if loc else None
    if isinstance(top, str) and top in Plan.model_fields and not Plan.model_fields[top].is_required():
        return (top,)
    return None


def _delete(data: Any, path: Path) -> None:
    node: Any = data
    for seg in path[:-1]:
        node = node[seg]
    del node[path[-1]]


def _original_path(path: Path, earlier: list[Path]) -> Path:
    """Map a path in the pruned data back to the data as written."""
    out = list(path)
    for i, seg in enumerate(path):
        if isinstance(seg, int):
            parent = tuple(out[:i])
            shift = 0
            while True:
                before = sum(1 for d in earlier if _is_sibling(d, parent) and _index(d) <= seg + shift)
                if before == shift:
                    break
                shift = before
            out[i] = seg + shift
    return tuple(out)


def _is_sibling(item: Path, parent: Path) -> bool:
    """Whether ``item`` is a list item directly under ``parent``."""
    return len(item) == len(parent) + 1 and item[:-1] == parent and isinstance(item[-1], int)


def _index(item: Path) -> int:
    last = item[-1]
    return last if isinstance(last, int) else -1


def _without(source: SourceMap, dropped: list[Path]) -> SourceMap:
    """The source map of the pruned plan: dropped items removed, later siblings renumbered."""

    def renumber(path: Path) -> Path | None:
        out: list[str | int] = []
        for i, seg in enumerate(path):
            prefix = path[: i + 1]
            if prefix in dropped_set:
                return None
            if isinstance(seg, int):
                parent = path[:i]
                seg -= sum(1 for d in dropped if _is_sibling(d, parent) and _index(d) < seg)
            out.append(seg)
        return tuple(out)

    dropped_set = set(dropped)
    result = SourceMap()
    for attr in ("values", "keys"):
        target = getattr(result, attr)
        for path, span in getattr(source, attr).items():
            new = renumber(path)
            if new is not None:
                target[new] = span
    for attr in ("thai_digits", "via_alias"):
        target_set = getattr(result, attr)
        for path in getattr(source, attr):
            new = renumber(path)
            if new is not None:
                target_set.add(new)
    return result


def _schema_findings(errors: list[Any], data: dict[str, Any], source: SourceMap) -> list[Finding]:
    seen: set[tuple[Span | None, str]] = set()
    findings = []
    for error in errors:
        finding = _schema_finding(error, data, source)
        key = (finding.span, finding.message)
        if key not in seen:
            seen.add(key)
            findings.append(finding)
    return findings


def _schema_finding(error: Any, data: dict[str, Any], source: SourceMap) -> Finding:
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    data_path = _data_path(loc, data)
    if kind == "missing":
        name = loc[-1]
        hint = None
        return _load_finding("SC01", f"missing required key '{name}'", source.span(data_path), data_path, hint)
    if kind == "extra_forbidden":
        name = loc[-1]
        allowed = _allowed_keys(loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else (f"allowed keys: {', '.join(allowed)}" if allowed else None)
        return _load_finding("SC02", f"unknown key '{name}'", source.span(data_path, key=True), data_path, hint)
    message = _message(error)
    at_key = "[key]" in loc
    span = source.span(data_path, key=at_key)
    return _load_finding("SC03", message, span, data_path, _hint(error))


_ABSENT = object()


def _step(node: Any, seg: str | int) -> Any:
    """``node[seg]`` when it exists in the data, else ``_ABSENT``."""
    if isinstance(node, dict) and seg in node:
        return node[seg]
    if isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
        return node[seg]
    return _ABSENT


def _data_path(loc: Path, data: Any) -> Path:
    """The part of a pydantic ``loc`` that exists in the data (drops union tags and '[key]')."""
    out: list[str | int] = []
    node = data
    for seg in loc:
        child = _step(node, seg)
        if child is not _ABSENT:
            node = child
        else:
            if seg == "[key]" or not isinstance(node, dict | list):
                continue
            if isinstance(node, dict) and loc[-1] == seg:
                out.append(seg)  # a missing or unknown key: its parent is located, the key named
            continue
        out.append(seg)
    return tuple(out)


def _message(error: Any) -> str:
    msg: str = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if msg.startswith(prefix):
            return msg[len(prefix) :]
    value = error.get("input")
    got = _describe(value)
    kind = error["type"]
    if kind in ("string_type", "int_type", "float_type", "bool_type", "dict_type", "list_type", "model_type"):
        expected = {
            "string_type": "text",
            "int_type": "a whole number",
            "float_type": "a number",
            "bool_type": "true or false",
            "dict_type": "a mapping",
            "list_type": "a list",
            "model_type": "a mapping",
        }[kind]
        return f"expected {expected}, got {got}"
    if kind in ("literal_error", "enum"):
        allowed = msg.removeprefix("Input should be ")
        return f"{got} is not allowed here: use {allowed}"
    if kind == "string_too_short":
        return "the text is empty"
    if kind == "string_pattern_mismatch":
        return f"{got} is not a valid id: use lowercase ASCII letters, digits, '.', '_' and '-'"
    return f"{msg} (got {got})"


def _hint(error: Any) -> str | None:
    kind = error["type"]
    value = error.get("input")
    if kind == "literal_error" and isinstance(value, str):
        expected = re.findall(r"'([^']*)'", error["msg"])
        close = difflib.get_close_matches(value, expected, n=1, cutoff=0.5)
        if close:
            return f"did you mean '{close[0]}'?"
    if kind in ("float_type", "int_type") and isinstance(value, str):
        return "write the number without quotes"
    if value is None and kind.endswith("_type"):
        return "an empty value is null in YAML; give a value or remove the key"
    return None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "only the text " + repr(value[:40])
    return _describe(value)


def _allowed_keys(loc: Path) -> list[str]:
    """Keys of the model at ``loc`` (walking model fields through lists and dicts)."""
    annotation: Any = Plan
    for seg in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if not isinstance(seg, str) or seg not in annotation.model_fields:
                return []
            annotation = annotation.model_fields[seg].annotation
        elif get_origin(annotation) in (list, dict):
            annotation = get_args(annotation)[-1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated wrappers down to a model, list or dict type."""
    for _ in range(5):
        args = [a for a in get_args(annotation) if a is not type(None)]
        origin = get_origin(annotation)
        if origin in (list, dict) or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return annotation
        if not args:
            return annotation
        annotation = args[0]
    return annotation


def _model_word(model: type[BaseModel]) -> str:
    return {Plan: "plan", Policy: "policy", ActionPlan: "action plan", Report: "report"}.get(model, "file")


def _expected_keys(model: type[BaseModel]) -> str:
    required = [name for name, f in model.model_fields.items() if f.is_required()]
    return f"a {_model_word(model)} file needs at least: {', '.join(required)}"


# -- helpers ---------------------------------------------------------------------------------


def _load_finding(code: str, message: str, span: Span | None, path: Path = (), hint: str | None = None) -> Finding:
    info = LOAD_CODES[code]
    return Finding(code, info.name, info.severity, message, span, path, hint)


def _prefixed(findings: list[Finding], prefix: Path) -> list[Finding]:
    if not prefix:
        return findings
    from dataclasses import replace

    return [replace(f, path=prefix + f.path) for f in findings]


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_natural(f.sort_key[0]), f.sort_key[1:]))


def _path_key(path: Path) -> tuple[tuple[int, str], ...]:
    return tuple((seg, "") if isinstance(seg, int) else (-1, str(seg)) for seg in path)


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def _is_plan_dir(path: FsPath) -> bool:
    return path.is_dir() and any((path / n).is_file() for n in PLAN_FILES)


def _hidden(path: FsPath, root: FsPath) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
