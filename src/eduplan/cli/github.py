"""Running under GitHub Actions: the default output format and the job summary.

``validate`` and ``diff`` share these. Under ``GITHUB_ACTIONS=true`` and without ``--format``
they write the ``github`` format (annotations on the lines), and when ``GITHUB_STEP_SUMMARY``
names a file they append their markdown report to it, which GitHub shows on the run's page.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from eduplan.errors import UsageError
from eduplan.i18n import _

if TYPE_CHECKING:
    from eduplan.output.guard import Inputs

__all__ = ["append_step_summary", "default_format", "step_summary_wanted", "summary_target"]


def default_format(fallback: str) -> str:
    """``github`` under GitHub Actions (``GITHUB_ACTIONS=true``), else ``fallback``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else fallback


def step_summary_wanted() -> bool:
    """Whether ``GITHUB_STEP_SUMMARY`` names a file to append the markdown report to."""
    return bool(os.environ.get("GITHUB_STEP_SUMMARY"))


def summary_target() -> Path | None:
    """The file ``GITHUB_STEP_SUMMARY`` names, or None when it is unset."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    return Path(summary) if summary else None


def append_step_summary(text: str, inputs: Inputs | None = None) -> None:
    """Append ``text`` to the file ``GITHUB_STEP_SUMMARY`` names (nothing when it is unset), whole or not at all.

    Raises:
        UsageError: the file cannot be written, is not a regular file or is one of ``inputs``.
    """
    from eduplan.output.atomic import WriteError, append_text

    summary = summary_target()
    if summary is None:
        return
    try:
        done = append_text(summary, text, inputs)
    except WriteError as exc:
        raise UsageError(
            _("GITHUB_STEP_SUMMARY={file}: cannot write: {reason}").format(file=summary, reason=exc.strerror)
        ) from None
    if done.link is not None:
        said = _("appended the job summary to {file}{note}").format(file=summary, note=done.note())
        sys.stderr.write(f"eduplan: {said}\n")
