"""Is the plan whole? What a YAML file holds, stray copies, gaps in the policy files, no policies.

The loader asks this module four things:

- :func:`kind_of`: what a YAML file holds, judged from its top-level keys (a plan, a policy, an
  action plan, a report, or something else such as ``mkdocs.yml``), so that plan discovery
  takes plans and not every YAML file under a folder;
- :func:`copy_of`: whether a file name is a stray copy (``1 - Copy.yaml``, ``1 (1).yaml``,
  ``1.yaml.bak``), which is reported and never read as a part of the plan;
- :func:`policy_gap`: whether the numbered policy files skip a number that no policy has;
- :func:`no_policies`: whether a plan has no policy at all.

Nothing here raises for bad input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path as FsPath
from typing import Any, Literal

from eduplan.findings import Finding, Span
from eduplan.i18n import N_, _, ngettext
from eduplan.load.codes import finding
from eduplan.load.files import read_head
from eduplan.model import ActionPlan, Plan, Policy, Report

__all__ = ["Kind", "copy_finding", "copy_of", "kind_of", "kind_of_keys", "no_policies", "part_word", "policy_gap"]

Kind = Literal["plan", "policy", "action plan", "report", "other"]

_PART_FIELDS: dict[Kind, frozenset[str]] = {
    "policy": frozenset(Policy.model_fields),
    "action plan": frozenset(ActionPlan.model_fields),
    "report": frozenset(Report.model_fields),
}
_PLAN_FIELDS = frozenset(Plan.model_fields)
_GENERIC = frozenset({"source", "values", "labels", "schemes", "context", "monitoring", "standards", "hierarchy"})
_PLAN_MARKS = _PLAN_FIELDS - frozenset().union(*_PART_FIELDS.values()) - _GENERIC

"""Keys only a plan has (office, period, policies, vision, ...); generic words are left out."""
_SCAN_BYTES = 256_000
"""How much of a file discovery reads to find its top-level keys."""
_TOP_KEY = re.compile(rb"""^(?:"([^"\n]+)"|'([^'\n]+)'|([A-Za-z_][\w-]*))[ \t]*:(?:[ \t]|\r?$)""", re.MULTILINE)


def kind_of_keys(keys: Iterable[str]) -> Kind:
    """What a mapping with these top-level keys is.

    A plan has a key only plans have (office, period, policies, vision, ...), or at least two
    keys and half of them a plan's (id, title, missions, goals, ...), or only a plan's keys. A part (a policy, an
    action plan, a report) has a key only that part has (number, indicators; fiscal_year,
    projects, ...) and none only plans have. Anything else is ``other``.
    """
    names = set(keys)
    if names & _PLAN_MARKS:
        return "plan"
    for kind, fields in _PART_FIELDS.items():
        if names & (fields - _PLAN_FIELDS) and names <= fields:
            return kind
    shared = names & _PLAN_FIELDS
    if names <= _PLAN_FIELDS and names - _GENERIC or len(shared) >= 2 and 2 * len(shared) >= len(names):
        return "plan"
    return "other"


def kind_of(file: FsPath) -> Kind:
    """What a YAML file holds, from the top-level keys of its first 256 kB (for plan discovery).

    A file whose keys cannot be seen (empty, unreadable, broken or written in flow style) is
    taken for a plan, so that checking it says what is wrong rather than skipping it.
    """
    head = read_head(file, _SCAN_BYTES)  # a pipe or a device is a plan the loader refuses (LD02), never opened
    if head is None:
        return "plan"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
        return "plan"  # UTF-16 or UTF-32: the loader reads it and says so
    keys = [(m[1] or m[2] or m[3]).decode("utf-8", "replace") for m in _TOP_KEY.finditer(head)]
    return kind_of_keys(keys) if keys else "plan"


def part_word(kind: str, count: int = 1) -> str:
    """``a policy file`` / ``3 policy files``, in the run's language."""
    one, many = _PART_FILES.get(kind, _PART_FILES["plan part"])
    return _(one) if count == 1 else _(many).format(count=count)


_PART_FILES = {
    "policy": (N_("a policy file"), N_("{count} policy files")),
    "action plan": (N_("an action plan file"), N_("{count} action plan files")),
    "report": (N_("a report file"), N_("{count} report files")),
    "plan part": (N_("a plan part file"), N_("{count} plan part files")),
}


# -- stray copies ----------------------------------------------------------------------------

_BACKUP = re.compile(r"^(?P<orig>.+\.ya?ml)(?:\.(?:bak|orig|old|backup|save|tmp|swp)|~)$", re.IGNORECASE)
_COPY_STEMS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?P<orig>.+?) - (?:copy|สำเนา)(?: \(\d+\))?$",  # Windows, English and Thai
        r"^(?P<orig>.+?) ?\(\d+\)$",  # Windows and browsers: 1 (1), 1(2)
        r"^(?P<orig>.+?) copy(?: \d+)?$",  # macOS: 1 copy, 1 copy 2
        r"^(?P<orig>.+?) \((?:another |\d+(?:st|nd|rd|th) )?copy\)$",  # GNOME: 1 (copy), 1 (another copy)
        r"^(?:copy of|สำเนาของ) (?P<orig>.+)$",  # Google Drive, English and Thai
        r"^(?P<orig>.+?)[._-](?:copy|bak|backup|orig)$",  # 1.bak.yaml, 1_copy.yaml, plan-orig.yaml
    )
]


def copy_of(name: str) -> str | None:
    """The name of the file that ``name`` is a copy of, or None when it does not look like a copy.

    ``1 - Copy.yaml`` -> ``1.yaml``; ``plan (2).yml`` -> ``plan.yml``; ``1.yaml.bak`` -> ``1.yaml``.
    Only copies of YAML files count.
    """
    backup = _BACKUP.match(name)
    if backup:
        return backup["orig"]
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() not in ("yaml", "yml"):
        return None
    for pattern in _COPY_STEMS:
        match = pattern.match(stem)
        if match and match["orig"].strip():
            return f"{match['orig'].strip()}.{suffix}"
    return None


def copy_finding(file: FsPath, root: FsPath, original: str) -> Finding:
    """LD06 for a stray copy inside the plan directory ``root``."""
    shown = file.relative_to(root).as_posix()
    if (file.parent / original).exists():
        message = _("{file} looks like a copy of {original} and is not read")
    else:
        message = _("{file} looks like a copy of {original} (there is no {original}) and is not read")
    return finding(
        "LD06",
        message.format(file=shown, original=original),
        Span(str(file), 1, 1, 1, 1),
        hint=_(
            "delete the copy or move it out of the plan folder; if it is the real file, rename it to {original}"
        ).format(original=original),
    )


# -- gaps and no policies --------------------------------------------------------------------

_FILE_NUMBER = re.compile(r"^\D*(\d+)\D*$")


def policy_gap(files: list[FsPath], policies: list[Any]) -> Finding | None:
    """LD04 when the numbered policy files skip numbers that no loaded policy has.

    ``policies/1.yaml, 2.yaml, 4.yaml, 5.yaml`` holding policies 1, 2, 4 and 5: policy 3 is
    missing. A file may be named otherwise than its policy's number: a number is missing only
    when no file and no policy has it. Files numbered by tens (10, 20, 30) are no sequence.

    Args:
        files: The policy files read, in order (copies left out).
        policies: The policies as read (mappings, possibly invalid).
    """
    numbered: dict[int, FsPath] = {}
    for file in files:
        match = _FILE_NUMBER.match(file.stem)
        if match:
            numbered.setdefault(int(match[1]), file)
    if not numbered:
        return None
    written = {_leading(p.get("number")) for p in policies if isinstance(p, dict)}
    missing = [n for n in range(1, max(numbered) + 1) if n not in numbered and n not in written]
    if not missing or len(missing) >= len(numbered):
        return None
    after = numbered[min(n for n in numbered if n > missing[0])]
    names = "policies/" + ", ".join(f"{n}{after.suffix}" for n in missing)
    sequence = ", ".join(str(n) for n in sorted(numbered))
    message = ngettext(
        "{files} is missing: the policy files go {sequence} and no policy is numbered {numbers}",
        "{files} are missing: the policy files go {sequence} and no policy is numbered {numbers}",
        len(missing),
    )
    return finding(
        "LD04",
        message.format(files=names, sequence=sequence, numbers=", ".join(str(n) for n in missing)),
        Span(str(after), 1, 1, 1, 1),
        ("policies",),
        hint=_("restore the missing file; if the policy was removed on purpose, renumber the files and policies"),
    )


def _leading(number: Any) -> int | None:
    """The first part of a policy number (``"3"`` -> 3, ``"๓.1"`` -> 3), None when there is none."""
    if isinstance(number, bool) or not isinstance(number, (str, int)):
        return None
    match = re.match(r"\s*(\d+)", str(number))
    return int(match[1]) if match else None


def no_policies(
    data: dict[str, Any], plan_file: FsPath, key_span: Span | None, *, folder: FsPath | None
) -> Finding | None:
    """LD03 when a plan has no policy written anywhere (none listed, no policy file).

    Args:
        data: The plan's data as read (policy files already merged under ``policies``).
        plan_file: The plan file (plan.yaml, or the single-file plan).
        key_span: Where ``policies:`` is written, when it is.
        folder: The plan directory's ``policies/`` (which may not exist); None for a single-file plan.
    """
    if "policies" in data and data["policies"] != []:
        return None
    if folder is None:
        message = _("the plan has no policies: {file} lists none")
        hint = _("a plan publishes its policies (กลยุทธ์): list them under policies:")
    else:
        if folder.is_dir():
            message = _("the plan has no policies: policies/ holds no policy file and {file} lists none")
        else:
            message = _("the plan has no policies: there is no policies/ folder and {file} lists none")
        hint = _("a plan publishes its policies (กลยุทธ์): one file each in policies/ (1.yaml, 2.yaml, ...)")
    return finding(
        "LD03",
        message.format(file=plan_file.name),
        key_span or Span(str(plan_file), 1, 1, 1, 1),
        ("policies",),
        hint=hint,
    )
