"""A plan that a command needs whole: loaded, or refused with one line that says why.

``render``, ``export``, ``diff``, ``gaps`` and ``import`` work on a whole plan: a plan with errors,
or one that lost invalid items while loading, would give a document, a comparison, gaps or edits
that are wrong without a word (what was dropped reads as removed, or as missing). They all refuse
it the same way: :class:`PlanNotWhole`, a usage error (exit 2), naming how many errors there are,
the first of them, and the command that lists them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from eduplan.errors import UsageError
from eduplan.findings import Severity
from eduplan.i18n import _, ngettext
from eduplan.load.loader import LoadResult, load_plan
from eduplan.model import Plan

__all__ = ["PlanNotWhole", "load_whole"]


class PlanNotWhole(UsageError):
    """The plan has errors, or items were left out of it; the command cannot work on it."""


def load_whole(
    path: Path,
    *,
    name: str | None = None,
    role: str = "",
    overlay: Mapping[Path, bytes | str] | None = None,
) -> tuple[Plan, LoadResult]:
    """Load a plan that must load without errors and without dropped items: the plan, and all that loading gave.

    Args:
        path: The plan directory or file.
        name: The plan as the user named it (default: ``path``).
        role: A word before the name in the message (``old``, ``new``).
        overlay: Files read from memory instead of the disk (see :func:`~eduplan.load.loader.load_plan`).

    Raises:
        PlanNotWhole: the plan does not load whole.
        UsageError: the path is not a plan.
    """
    result = load_plan(path, overlay)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if result.plan is not None and not errors and not result.partial:
        return result.plan, result
    shown = name or str(path)
    who = f"{role} {shown}" if role else shown
    command = f"`eduplan validate {shown}`"
    if not errors:
        raise PlanNotWhole(
            _("{plan}: the plan does not load whole (items left out); see {command}").format(plan=who, command=command)
        )
    first = errors[0]
    message = ngettext(
        "{plan}: the plan does not load whole ({count} error; first: {where}: {code} {message}); see {command}",
        "{plan}: the plan does not load whole ({count} errors; first: {where}: {code} {message}); see {command}",
        len(errors),
    )
    raise PlanNotWhole(
        message.format(
            plan=who,
            count=len(errors),
            where=first.span or shown,
            code=first.code,
            message=first.message,
            command=command,
        )
    )
