"""Making a new plan in a repository: refuse what exists, check the plan, then write all of it or nothing.

:func:`create` is what ``eduplan init`` runs. It

1. refuses a plan folder that exists (a plan is never written over, not even in part);
2. keeps every repository file that exists (an ``eduplan.yaml``, a README, the schemas of an
   earlier init): it is left as it is and named in the result, never overwritten; and adds no
   ``eduplan.yaml`` where a configuration applies already (``.eduplan.yaml``, a ``pyproject.toml``
   with ``[tool.eduplan]``, here or in a folder above): it would hide the office's settings;
3. loads the new plan from memory (the files it would write, over the disk, as ``validate
   --stdin-filename`` does) and checks it: with eduplan's defaults, a plan with any finding is
   refused before anything is written; with the configuration the repository already has, its
   findings are named after writing (see :func:`_check`);
4. writes every new file through :class:`~eduplan.output.atomic.Batch`: all or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eduplan.check.config import load_settings
from eduplan.check.pipeline import check_result
from eduplan.errors import UsageError
from eduplan.findings import Finding
from eduplan.i18n import N_, _, ngettext
from eduplan.load.configfile import find_config
from eduplan.load.files import overlay as reading
from eduplan.load.layout import CONFIG_FILES, PLAN_FILES
from eduplan.load.loader import load_plan
from eduplan.output.atomic import Batch, Written
from eduplan.scaffold.answers import Answers
from eduplan.scaffold.build import plan_files, repository_files

__all__ = ["Created", "PlanExists", "create", "report"]


class PlanExists(UsageError):
    """The plan's folder is already there: init never writes over a plan."""


@dataclass(frozen=True)
class Created:
    """What :func:`create` did.

    Attributes:
        plan: The new plan's folder.
        written: Every file written, in order.
        kept: Repository files that were there already and were left as they are.
        notes: Findings on the new plan with the configuration the repository already had.
    """

    plan: Path
    written: list[Written]
    kept: list[Path]
    notes: list[str]


def create(root: Path, answers: Answers) -> Created:
    """Write a new plan (and the repository files it needs and the repository lacks) under ``root``.

    Raises:
        PlanExists: the plan's folder exists.
        UsageError: ``root`` is a file, or the new plan would not validate cleanly.
        WriteError: a file cannot be written (nothing is).
    """
    if root.exists() and not root.is_dir():
        message = _("{folder}: not a directory; init makes a repository of plans in a directory")
        raise UsageError(message.format(folder=root))
    here = root.absolute()
    around = next((p for p in [here, *here.parents] if any((p / n).is_file() for n in PLAN_FILES)), None)
    if around is not None:
        if around == here:
            message = _("{folder}: it is a plan; run init at the root of the repository of plans")
        else:
            message = _("{folder}: it is inside the plan {plan}; run init at the root of the repository of plans")
        raise UsageError(message.format(folder=root, plan=around))
    plan_dir = root / answers.folder
    if plan_dir.exists() or plan_dir.is_symlink():
        message = _(
            "{folder}: the plan exists already; init never writes over a plan (give another --period or --id, "
            "or edit that plan)"
        )
        raise PlanExists(message.format(folder=plan_dir))
    new = {root / name: text for name, text in plan_files(answers).items()}
    kept: list[Path] = []
    config = _existing_config(root)
    for name, text in repository_files(answers).items():
        path = root / name
        if path.exists() or path.is_symlink():
            kept.append(path)
        elif name == CONFIG_FILES[0] and config is not None:
            kept.append(_as_named(config, root))  # a new eduplan.yaml would hide the settings the office has
        else:
            new[path] = text
    notes = _check(plan_dir, root, new)
    batch = Batch()
    for path, text in new.items():
        batch.add_text(path, text)
    return Created(plan_dir, batch.commit(), kept, notes)


def report(directory: Path, answers: Answers, created: Created) -> list[str]:
    """What ``init`` made, what it kept, how the id was chosen and what to do next: the lines it prints."""
    lines = [
        _("created the plan {plan} in {folder} (id {id}, {how})").format(
            plan=answers.plan_id, folder=created.plan, id=answers.office_id, how=_(answers.id_from)
        )
    ]
    lines += [f"  {written}" for written in created.written]
    lines += ["  " + _("kept {path} (it exists; not changed)").format(path=kept) for kept in created.kept]
    if created.notes:
        count = len(created.notes)
        lines.append(
            ngettext(
                "note: with the repository's own configuration, the new plan has {count} finding:",
                "note: with the repository's own configuration, the new plan has {count} findings:",
                count,
            ).format(count=count)
        )
        lines += [f"  {note}" for note in created.notes]
    plan = created.plan
    lines.append(
        _(
            "next: fill in {plan_file} and {policy_file}, then eduplan validate {plans}/ and eduplan render {plan}"
        ).format(
            plan_file=plan / "plan.yaml", policy_file=plan / "policies" / "1.yaml", plans=directory / "plans", plan=plan
        )
    )
    return lines


def _check(plan_dir: Path, root: Path, new: dict[Path, str]) -> list[str]:
    """Load the plan from ``new`` and check it as validate would.

    With eduplan's defaults (and the new ``eduplan.yaml``) the plan must have no finding: one is
    refused. With a configuration the repository already has, what it finds is returned: the
    office's own settings may ask for what only the office can fill in (a baseline for every
    indicator), so the plan is written and the findings are named.

    Raises:
        UsageError: naming the first findings, when the defaults find anything.
    """
    overlay = {path.absolute(): text.encode("utf-8") for path, text in new.items()}
    result = load_plan(plan_dir, overlay)
    config = root / CONFIG_FILES[0]
    with reading(overlay):
        ours = load_settings(config) if config in new else load_settings(None)
    found = check_result(result, ours).findings
    if found:
        message = _("the new plan would not validate, nothing written: {findings}")
        raise UsageError(message.format(findings=_shown(found)))
    existing = None if config in new else _existing_config(root)
    if existing is None:
        return []
    return [_one(f) for f in check_result(result, load_settings(existing)).findings]


def _one(finding: Finding) -> str:
    where = finding.span or ".".join(map(str, finding.path))
    return f"{where}: {finding.code} {finding.message}"


_FLAGS = {
    ("office", "name"): "--name",
    ("office", "short_name"): "--short-name",
    ("office", "code"): "--code",
    ("office", "parent"): "--parent",
    ("title",): N_("--title (or the name it is made from)"),
    ("vision",): N_("the vision, made from --short-name or --name"),
    ("hierarchy",): "--hierarchy",
}
"""Where in a new plan an answer lands -> the flag that gave it, for a refusal's words."""


def _shown(findings: list[Finding]) -> str:
    """The findings by the answer that caused them (the files they are in were never written)."""
    said: dict[str, str] = {}
    for finding in findings:
        key = next((_(flag) for at, flag in _FLAGS.items() if tuple(finding.path[: len(at)]) == at), None)
        where = key or ".".join(map(str, finding.path)) or str(finding.span)
        said.setdefault(f"{where}: {finding.code} {finding.message}", where)
    return "; ".join(said)


def _as_named(path: Path, root: Path) -> Path:
    """``path`` under ``root`` as the command named ``root`` (relative stays relative); else as it is."""
    try:
        return root / path.relative_to(root.absolute())
    except ValueError:
        return path


def _existing_config(root: Path) -> Path | None:
    """The configuration a plan under ``root`` is checked with: the nearest from ``root`` up, if any."""
    here = root.absolute()
    start = next((p for p in [here, *here.parents] if p.is_dir()), None)
    return find_config(start) if start is not None else None
