"""What a Word import tells its user besides the findings: the folders it refuses and its last lines.

``eduplan import`` (:mod:`eduplan.cli.word`) prints these; they are here, in the user's language,
so that every sentence of an import is in one catalog (``word.po``).
"""

from __future__ import annotations

from pathlib import Path

from eduplan.errors import UsageError
from eduplan.i18n import _, ngettext
from eduplan.load.layout import PARTS, PLAN_FILES
from eduplan.word.draft import count_indicators, count_policies
from eduplan.word.importer import WordImport

__all__ = ["check_target", "counts", "done", "failed", "not_loaded", "unreadable", "year_refused"]


def check_target(into: Path) -> None:
    """Refuse a folder a new plan cannot be made in: a file, a folder holding a plan, one inside a plan.

    Raises:
        UsageError: one line naming the folder and what to do.
    """
    if into.exists() and not into.is_dir():
        raise UsageError(_("{folder}: not a folder; a Word import makes a new plan folder").format(folder=into))
    held = [n for n in (*PLAN_FILES, *PARTS) if (into / n).exists()]
    if held:
        message = _(
            "{folder}: already holds a plan ({file}); a Word import makes a new plan folder: name one that "
            "does not exist yet"
        )
        raise UsageError(message.format(folder=into, file=held[0]))
    absolute = into.absolute()
    outer = next((f for f in absolute.parents if any((f / n).is_file() for n in PLAN_FILES)), None)
    if outer is not None:
        message = _("{folder}: inside the plan {plan}; a Word import makes a plan folder of its own, outside any plan")
        raise UsageError(message.format(folder=into, plan=outer))


def year_refused() -> str:
    """Why ``--year`` is refused for a Word file."""
    return _("--year applies to workbooks; a Word file is imported whole")


def unreadable(document: Path, reason: str) -> str:
    """The Word file cannot be read at all (``reason`` says why)."""
    return _("{file}: cannot read the file: {reason}").format(file=document, reason=reason)


def failed(document: Path, count: int) -> str:
    """The document lacks what a plan needs: ``count`` errors, nothing written."""
    message = ngettext(
        "{file}: {count} error; nothing was written", "{file}: {count} errors; nothing was written", count
    )
    return message.format(file=document, count=count)


def not_loaded(document: Path) -> str:
    """The files made do not load: a fault of the import, not of the document."""
    return _("{file}: the imported plan does not load (a fault of the import: please report it)").format(file=document)


def counts(result: WordImport) -> str:
    """``2 policies, 4 missions, 12 indicators``: what the import read, in words."""
    draft = result.draft
    parts = [
        ngettext("{count} policy", "{count} policies", n := count_policies(draft.policies)).format(count=n),
        ngettext("{count} mission", "{count} missions", n := len(draft.plan.get("missions", []))).format(count=n),
        ngettext("{count} goal", "{count} goals", n := len(draft.plan.get("goals", []))).format(count=n),
        ngettext("{count} indicator", "{count} indicators", n := count_indicators(draft.policies)).format(count=n),
    ]
    projects = sum(len(a["projects"]) for a in draft.action_plans.values())
    if projects:
        parts.append(ngettext("{count} project", "{count} projects", projects).format(count=projects))
    return ", ".join(parts)


def done(result: WordImport, document: Path, into: Path, *, dry_run: bool) -> list[str]:
    """The import's last lines: what it read and wrote (or, with ``dry_run``, would write), and what is next."""
    notes = sum(1 for f in result.findings if f.severity != "info")
    read, files = counts(result), len(result.files)
    if dry_run:
        if notes:
            message = ngettext(
                "dry run: would import {counts} into {files} files; {notes} finding to check above; "
                "nothing was written",
                "dry run: would import {counts} into {files} files; {notes} findings to check above; "
                "nothing was written",
                notes,
            )
        else:
            message = _("dry run: would import {counts} into {files} files; nothing was written")
        return [message.format(counts=read, files=files, notes=notes)]
    if notes:
        message = ngettext(
            "imported {counts} from {file} into {folder}; {notes} finding to check above",
            "imported {counts} from {file} into {folder}; {notes} findings to check above",
            notes,
        )
    else:
        message = _("imported {counts} from {file} into {folder}")
    return [
        message.format(counts=read, file=document, folder=into, notes=notes),
        _("next: eduplan validate {folder}").format(folder=into),
    ]
