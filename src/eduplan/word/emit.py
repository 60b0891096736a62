"""Plan data from a Word import as YAML files in the plan's layout: ``plan.yaml`` and ``policies/N.yaml``.

One file per top-level policy (the shipped plans' layout), each with the schema modeline the
shipped plans carry (``# yaml-language-server: $schema=...``), pointing at the nearest ``schema/``
folder above the new plan (the repository's; without one, where ``plans/<office>/<period>/`` finds it,
as ``eduplan init`` writes), so editors check the files as they are edited.
Block style, with targets and baselines in flow style on one line, as in the shipped plans; numbers
as published are quoted text (``number: "1.1"``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from eduplan.word.draft import Draft

__all__ = ["plan_files", "plan_id"]

_FLOW_KEYS = ("targets", "baseline")
_NUMBER_START = "-+.0123456789๐๑๒๓๔๕๖๗๘๙"


class _Flow(dict[Any, Any]):
    """A mapping written on one line: ``{2566: 80, 2567: 85}``."""


class _Dumper(yaml.CSafeDumper):
    pass


def _str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    plain = dumper.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"  # type: ignore[no-untyped-call]
    # eduplan's loader also reads ๘๐ and 1,250 as numbers: any text that starts like a number is quoted
    numeric = value[:1] in _NUMBER_START
    style = None if plain and not numeric and value.strip() == value and value[:1] not in "\"'" else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _flow(dumper: _Dumper, value: _Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, _flow)


def _styled(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        if key in _FLOW_KEYS:
            return _Flow({k: _styled(v) for k, v in value.items()})
        return {k: _styled(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_styled(v) for v in value]
    return value


def dump(data: dict[str, Any]) -> str:
    """``data`` as YAML in the shipped plans' style."""
    text: str = yaml.dump(_styled(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)
    return text


def plan_id(root: Path, period: tuple[int, int, str]) -> str:
    """The new plan's id from its folder (``plans/sesa-x/2566-2570`` -> ``sesa-x-2566-2570``) or its period."""
    absolute = Path(os.path.normpath(Path.cwd() / root))
    names = [absolute.name]
    if re.fullmatch(r"\d{4}(-\d{4})?", absolute.name):
        names.insert(0, absolute.parent.name)
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(names).lower()).strip("-")[:64].strip("-")
    if not re.search(r"[a-z]", slug):
        slug = f"plan-{period[0]}-{period[1]}"
    return slug


def _modeline(root: Path, file: Path, kind: str) -> str:
    absolute = Path(os.path.normpath(Path.cwd() / root))
    for folder in [absolute, *absolute.parents]:
        if (folder / "schema" / f"{kind}.schema.json").is_file():
            relative = os.path.relpath(folder / "schema", Path(os.path.normpath(Path.cwd() / file)).parent)
            return f"# yaml-language-server: $schema={Path(relative).as_posix()}/{kind}.schema.json\n"
    up = "../" * (3 + (file.parent != root))  # no schema/ above: the repository's layout, as `eduplan init` writes
    return f"# yaml-language-server: $schema={up}schema/{kind}.schema.json\n"


def plan_files(draft: Draft, root: Path, source: str) -> dict[Path, str]:
    """The files of the new plan (path -> text), from a draft with its title, office and period."""
    assert draft.title is not None and draft.office is not None and draft.period is not None
    start, end, year = draft.period
    office: dict[str, Any] = {"name": draft.office}
    if draft.office.startswith("โรงเรียน"):
        office["kind"] = "school"
    period: dict[str, Any] = {"start": start, "end": end}
    if year != "fiscal":
        period["year"] = year
    plan: dict[str, Any] = {
        "id": plan_id(root, draft.period),
        "title": draft.title,
        "office": office,
        "period": period,
        # the plan's own words, Thai as the document is, whichever language the run speaks (as init's files)
        "source": {"note": f"นำเข้าจาก {source} ด้วยคำสั่ง eduplan import ให้ตรวจทานกับเอกสารต้นฉบับ"},
    }
    if draft.hierarchy:
        plan["hierarchy"] = draft.hierarchy
    for key in ("vision", "missions", "goals", "values", "foreword"):
        if draft.plan.get(key):
            plan[key] = draft.plan[key]
    files = {root / "plan.yaml": _modeline(root, root / "plan.yaml", "plan") + dump(plan)}
    for index, policy in enumerate(draft.policies, start=1):
        path = root / "policies" / f"{index}.yaml"
        files[path] = _modeline(root, path, "policy") + dump(_ordered(policy))
    for year_of, action in sorted(draft.action_plans.items()):
        path = root / "action-plans" / f"{year_of}.yaml"
        key = "academic_year" if year == "academic" else "fiscal_year"
        files[path] = _modeline(root, path, "action-plan") + dump({key: year_of, **action})
    return files


_ORDER = ("id", "number", "title", "goals", "targets", "approaches", "indicators", "policies")


def _ordered(policy: dict[str, Any]) -> dict[str, Any]:
    """A policy's keys in the shipped plans' order, its sub-policies likewise."""
    ordered = {key: policy[key] for key in _ORDER if key in policy}
    if "policies" in ordered:
        ordered["policies"] = [_ordered(p) for p in ordered["policies"]]
    return ordered
