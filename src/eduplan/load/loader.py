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

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel

from eduplan.errors import UsageError
from eduplan.findings import Finding, Path, Span, natural_key
from eduplan.i18n import N_, _
from eduplan.load import files as disk
from eduplan.load.codes import finding
from eduplan.load.completeness import copy_finding, copy_of, kind_of, kind_of_keys, no_policies, part_word, policy_gap
from eduplan.load.files import MAX_FILE_BYTES, read_bounded
from eduplan.load.folders import dangling, listable, shown, unreadable_entries, utf8_name
from eduplan.load.images import image_findings
from eduplan.load.layout import BESIDE_PLAN, CONFIG_FILES, PART_KINDS, PARTS, PLAN_FILES, YAML_SUFFIXES
from eduplan.load.register import is_register_file, read_register
from eduplan.load.source import SourceMap
from eduplan.load.validation import validate_plan
from eduplan.load.yamlio import read_yaml
from eduplan.model import ActionPlan, Plan, Policy, Report
from eduplan.model.common import describe

__all__ = ["MAX_FILE_BYTES", "PARTS", "LoadResult", "find_plans", "load_plan", "read_bounded"]


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

    A path is a plan file, a directory with plan.yaml, or any other directory: then every plan
    directory and every loose YAML file whose content is a plan (:func:`~eduplan.completeness.kind_of`)
    in it is a plan, searched recursively in one walk, in natural order. Hidden entries,
    ``eduplan.yaml`` configuration files and other YAML files (``mkdocs.yml``) are skipped. A
    folder holding parts of a plan without its plan.yaml (``policies/``, or a plan folder whose
    plan.yaml was deleted) is taken as one target, which loads as one LD05 finding.

    Raises:
        UsageError: a path does not exist, or holds no plan.
    """
    found: list[FsPath] = []
    for raw in paths:
        path = FsPath(raw)
        if not path.exists() and not path.is_symlink():
            raise UsageError(_("{path}: no such file or directory").format(path=path))
        if path.is_file() or path.is_symlink() and not path.exists() or _is_plan_dir(path):
            found.append(path)
            continue
        inner = sorted(_walk(path), key=lambda p: natural_key(str(p)))
        if not inner:
            raise UsageError(
                _("{path}: no plan found (a plan is a YAML file or a directory with plan.yaml)").format(path=path)
            )
        found.extend(inner)
    return list(dict.fromkeys(found))


def _walk(folder: FsPath) -> Iterator[FsPath]:
    """Plans under a folder that is not itself a plan: plan directories and loose YAML files."""
    for directory, subdirs, names in os.walk(folder):
        here = FsPath(directory)
        if any(name in names for name in PLAN_FILES):
            subdirs.clear()  # a plan directory: its YAML files are parts of the plan
            yield here
            continue
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        orphan = any(d in PARTS and next(_yaml_files(here / d), None) for d in subdirs)
        if orphan:  # a plan directory without its plan.yaml: one target, its parts not walked
            subdirs[:] = [d for d in subdirs if d not in PARTS]
            yield here
        for name in names:
            if name.endswith(YAML_SUFFIXES) and not name.startswith(".") and name not in CONFIG_FILES:
                kind = kind_of(here / name)
                if kind == "plan":
                    yield here / name
                elif kind != "other" and not orphan:
                    orphan = True
                    yield here  # policy files and the like without their plan.yaml


def load_plan(path: str | FsPath, overlay: Mapping[FsPath, bytes | str] | None = None) -> LoadResult:
    """Load one plan (a file or a plan directory). Never raises for bad plan content.

    Args:
        path: The plan file or directory.
        overlay: New contents of some of its files, and files to add (path -> bytes, or the
            reason a file cannot be read): the plan is loaded as if they were written, without
            writing or copying anything; the path itself may exist only in the overlay.

    Raises:
        UsageError: the path does not exist.
    """
    with disk.overlay(overlay or {}):
        return _load(FsPath(path))


def _load(root: FsPath) -> LoadResult:
    if not utf8_name(root):
        raise UsageError(
            _("{path}: the path is not UTF-8; rename it (eduplan names files in UTF-8 reports)").format(
                path=shown(root)
            )
        )
    if not disk.exists(root):  # a dangling link or a link loop is LD02
        raise UsageError(_("{path}: no such file or directory").format(path=root))
    source = SourceMap()
    findings: list[Finding] = []
    files: list[str] = []
    if disk.is_dir(root):
        if not _is_plan_dir(root):
            return LoadResult(root, None, [_orphan(root)], source, files)
        data = _read_directory(root, source, findings, files)
    else:
        data = _read_part(root, (), Plan, source, findings, files)
        if isinstance(data, dict):
            kind = kind_of_keys(data)
            if kind not in ("plan", "other"):
                return LoadResult(root, None, [_part_alone(root, kind)], source, files)
            if kind == "plan":  # a file that is no plan at all (mkdocs.yml) gets its schema errors alone
                findings.extend(_no_policies(data, root, source, folder=None))
    if not isinstance(data, dict):
        return LoadResult(root, None, _sorted(findings), source, files)
    plan, schema_findings, dropped, partial_source = validate_plan(data, source)
    # a value refused while reading (a tag, a runaway alias, a huge number) was replaced by null:
    # its schema error ("expected text, got nothing") would say the same thing again
    refused = {f.path for f in findings if f.code in _REPLACED_BY_NULL}
    if any(f.code == "YA04" for f in findings):
        refused |= source.via_alias  # past the alias budget every alias is null
    schema_findings = [f for f in schema_findings if f.path not in refused]
    if plan is not None:
        schema_findings += image_findings(plan, root, partial_source)
    return LoadResult(root, plan, _sorted(findings + schema_findings), partial_source, files, dropped)


_REPLACED_BY_NULL = frozenset({"YA03", "YA04", "YA06", "SC03"})
"""Codes of reading findings whose value the data holds as null (SC03 here: a number not read)."""


# -- reading -----------------------------------------------------------------------------------


def _read_directory(
    root: FsPath, source: SourceMap, findings: list[Finding], files: list[str]
) -> dict[str, Any] | None:
    plan_file = next((root / n for n in PLAN_FILES if disk.exists(root / n)), root / PLAN_FILES[0])
    if not disk.exists(plan_file):
        raise UsageError(_("{path}: not a plan directory (it has no plan.yaml)").format(path=root))
    data = _read_part(plan_file, (), Plan, source, findings, files)
    if not isinstance(data, dict):
        return None
    for folder, (key, model) in PARTS.items():
        if (root / folder).is_symlink() and not (root / folder).exists():
            findings.append(dangling(root / folder))
            continue
        if disk.exists(root / folder) and not disk.is_dir(root / folder):
            findings.append(
                finding(
                    "LD02",
                    _("{folder} is a file, not a folder: the plan's {files} cannot be read").format(
                        folder=folder, files=f"{folder}/*.yaml"
                    ),
                    Span(str(root / folder), 1, 1, 1, 1),
                    hint=_("make {folder} a folder holding one YAML file per item").format(folder=f"{folder}/"),
                )
            )
            continue
        findings.extend(unreadable_entries(root / folder))
        part_files = sorted(_yaml_files(root / folder), key=_file_order)
        if not part_files:
            continue
        items = data.get(key)
        if items is not None:
            span = source.keys.get((key,)) or Span(str(plan_file), 1, 1, 1, 1)
            findings.append(
                finding(
                    "SC03",
                    _("{key} are listed in {file} and also given as files in {folder}").format(
                        key=f"`{key}`", file=plan_file.name, folder=f"{folder}/"
                    ),
                    span,
                    (key,),
                    hint=_("keep them in one place: remove {key} from {file} or the folder").format(
                        key=f"'{key}'", file=plan_file.name
                    ),
                )
            )
        listed = list(items) if isinstance(items, list) else []
        for file in part_files:
            index = len(listed)
            value = _read_part(file, (key, index), model, source, findings, files)
            if value is not None:
                listed.append(value)
        data[key] = listed
        gap = policy_gap(part_files, listed) if folder == "policies" else None
        if gap is not None:
            findings.append(gap)
    policies = root / "policies"
    # policy files that did not load say so themselves, and so does a policies/ that is not a folder (LD02)
    can_list = listable(policies)  # a policies/ that cannot be listed says so itself (LD02)
    if not disk.exists(policies) or can_list and disk.is_dir(policies) and next(_yaml_files(policies), None) is None:
        findings.extend(_no_policies(data, plan_file, source, folder=policies))
    read_register(root, data, source, findings, files, _read_part, _yaml_files)
    findings.extend(_stray_files(root))
    return data


def _no_policies(data: dict[str, Any], plan_file: FsPath, source: SourceMap, *, folder: FsPath | None) -> list[Finding]:
    found = no_policies(data, plan_file, source.keys.get(("policies",)), folder=folder)
    return [found] if found else []


def _orphan(root: FsPath) -> Finding:
    """LD05 for a directory without plan.yaml that holds parts of a plan.

    Raises:
        UsageError: the directory holds no parts of a plan either, or is a part folder of a plan.
    """
    if root.name in PARTS and _is_plan_dir(root.parent):
        raise UsageError(
            _("{path} is the {folder} folder of the plan {plan}: name the plan folder").format(
                path=root, folder=f"{root.name}/", plan=root.parent
            )
        )
    held: list[tuple[str, list[FsPath]]] = []  # (what, files)
    if root.name in PARTS:
        files = sorted(_yaml_files(root), key=_file_order)
        if files:
            held.append((part_word(PART_KINDS[root.name], len(files)), files))
    else:
        for folder, kind in PART_KINDS.items():
            if files := sorted(_yaml_files(root / folder), key=_file_order):
                held.append(
                    (_("{files} in {folder}").format(files=part_word(kind, len(files)), folder=f"{folder}/"), files)
                )
        kinds = {f: kind_of(f) for f in sorted(_yaml_files(root), key=_file_order)}
        if loose := [f for f, kind in kinds.items() if kind not in ("plan", "other")]:
            words = {kinds[f] for f in loose}
            held.insert(0, (part_word(words.pop() if len(words) == 1 else "plan part", len(loose)), loose))
    if not held:
        raise UsageError(_("{path}: not a plan directory (it has no plan.yaml)").format(path=root))
    plan_dir = root.parent if root.name in PARTS else root
    return finding(
        "LD05",
        _("{folder} holds {parts}, but {plan} has no plan.yaml: these are parts of a plan without the plan").format(
            folder=f"{root.name}/", parts=_(" and ").join(what for what, _files in held), plan=plan_dir
        ),
        Span(str(held[0][1][0]), 1, 1, 1, 1),
        hint=_(
            "restore {file} (the plan's id, title, office and period), or name the plan folder that holds plan.yaml"
        ).format(file=plan_dir / "plan.yaml"),
    )


def _part_alone(file: FsPath, kind: str) -> Finding:
    """LD05 for a single file that holds a part of a plan (a policy), not a plan."""
    return finding(
        "LD05",
        _(_PART_ALONE.get(kind, _PART_ALONE["plan part"])),
        Span(str(file), 1, 1, 1, 1),
        hint=_(
            "name the plan folder (the one that holds plan.yaml and policies/); restore plan.yaml if it was deleted"
        ),
    )


def _read_part(
    file: FsPath,
    prefix: Path,
    model: type[BaseModel],
    source: SourceMap,
    findings: list[Finding],
    files: list[str],
) -> Any:
    label = str(file)
    files.append(label)
    start = Span(label, 1, 1, 1, 1)
    # a part file that does not load takes no place in its list: its findings name the list
    # (("policies",)), not the index the next file will take
    unplaced = prefix[:-1]
    data, reason = read_bounded(file)
    if data is None:
        findings.append(finding("LD02", _("cannot read the file: {reason}").format(reason=reason), start, unplaced))
        return None
    value, part_source, part_findings = read_yaml(data, label)
    if not isinstance(value, dict):
        findings.extend(replace(f, path=unplaced) for f in part_findings)
        if value is None and not part_findings:
            findings.append(finding("SC01", _("the file is empty"), start, unplaced, hint=_expected_keys(model)))
        elif value is not None:
            span = part_source.values.get((), start)
            message = _(_HOLDS.get(model, _HOLDS[None])).format(value=_kind(value))
            findings.append(finding("SC03", message, span, unplaced))
        return None
    findings.extend(_prefixed(part_findings, prefix))
    source.graft(part_source, prefix)
    return value


def _yaml_files(folder: FsPath) -> Iterator[FsPath]:
    """The YAML files of a folder (and those an overlay adds).

    Hidden files, stray copies and names that are not UTF-8 (:func:`~eduplan.load.folders.unreadable_entries` reports
    those) are left out.
    """
    if disk.is_dir(folder):
        for entry in (*_entries(folder), *disk.added_files(folder)):
            if entry.suffix in YAML_SUFFIXES and not entry.name.startswith(".") and copy_of(entry.name) is None:
                yield from [entry] if utf8_name(entry) else []


def _entries(folder: FsPath) -> list[FsPath]:
    """The entries of a folder; none when it cannot be listed (its files then are not read)."""
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _file_order(file: FsPath) -> tuple[Any, ...]:
    return natural_key(file.name)


def _stray_files(root: FsPath) -> list[Finding]:
    expected = {root / n for n in (*PLAN_FILES, *CONFIG_FILES)}  # a plan folder may carry its configuration
    expected.update(f for folder in PARTS for f in _yaml_files(root / folder))
    stray = []
    for entry in sorted(root.rglob("*")):
        if entry in expected or _hidden(entry, root) or is_register_file(root, entry) or _beside(entry, root):
            continue
        if not utf8_name(entry):
            if entry.parent.name in PARTS and entry.parent.parent == root and entry.suffix in YAML_SUFFIXES:
                continue  # reported with its folder
            entry = FsPath(shown(entry))
        original = copy_of(entry.name)
        if original is None and entry.suffix not in YAML_SUFFIXES:
            continue
        if any(_is_plan_dir(root / inner) for inner in entry.relative_to(root).parents[:-1]):
            continue  # belongs to a plan nested inside this one (a plan around this one does not count)
        if original is not None:
            stray.append(copy_finding(entry, root, original))
        else:
            stray.append(
                finding(
                    "LD01",
                    _("{file} is not part of the plan and is not read").format(file=entry.relative_to(root)),
                    Span(str(entry), 1, 1, 1, 1),
                    hint=_("plan files are plan.yaml, policies/*.yaml, action-plans/*.yaml and reports/*.yaml"),
                )
            )
    return stray


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, str):
        return _("only the text {value}").format(value=repr(value[:40]))
    return describe(value)


_HOLDS: dict[type[BaseModel] | None, str] = {
    Plan: N_("the file holds {value}, but a plan is a mapping"),
    Policy: N_("the file holds {value}, but a policy is a mapping"),
    ActionPlan: N_("the file holds {value}, but an action plan is a mapping"),
    Report: N_("the file holds {value}, but a report is a mapping"),
    None: N_("the file holds {value}, but a file is a mapping"),
}
"""What a part file that is no mapping holds, by the model it should be (one sentence each, for the Thai)."""

_NEEDS: dict[type[BaseModel] | None, str] = {
    Plan: N_("a plan file needs at least: {keys}"),
    Policy: N_("a policy file needs at least: {keys}"),
    ActionPlan: N_("an action plan file needs at least: {keys}"),
    Report: N_("a report file needs at least: {keys}"),
    None: N_("a file needs at least: {keys}"),
}

_PART_ALONE = {
    "policy": N_(
        "the file holds a policy, not a plan: a policy is read as part of a plan folder, next to its plan.yaml"
    ),
    "action plan": N_(
        "the file holds an action plan, not a plan: an action plan is read as part of a plan folder, "
        "next to its plan.yaml"
    ),
    "report": N_(
        "the file holds a report, not a plan: a report is read as part of a plan folder, next to its plan.yaml"
    ),
    "plan part": N_(
        "the file holds a part of a plan, not a plan: a part is read as part of a plan folder, next to its plan.yaml"
    ),
}


def _expected_keys(model: type[BaseModel]) -> str:
    required = [name for name, f in model.model_fields.items() if f.is_required()]
    return _(_NEEDS.get(model, _NEEDS[None])).format(keys=", ".join(f"`{key}`" for key in required))


# -- helpers ---------------------------------------------------------------------------------


def _prefixed(findings: list[Finding], prefix: Path) -> list[Finding]:
    if not prefix:
        return findings
    return [replace(f, path=prefix + f.path) for f in findings]


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: f.sort_key)


def _is_plan_dir(path: FsPath) -> bool:
    return disk.is_dir(path) and any(disk.is_file(path / n) for n in PLAN_FILES)


def _beside(path: FsPath, root: FsPath) -> bool:
    """Whether a file is in a folder that holds no part of the plan (the units' returns)."""
    return path.relative_to(root).parts[0] in BESIDE_PLAN


def _hidden(path: FsPath, root: FsPath) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
