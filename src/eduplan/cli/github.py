"""Running under GitHub Actions: the default output format and the job summary.

``validate`` and ``diff`` share these. Under ``GITHUB_ACTIONS=true`` and without ``--format``
they write the ``github`` format (annotations on the lines), and when ``GITHUB_STEP_SUMMARY``
names a file they append their markdown report to it, which GitHub shows on the run's page.
"""

from __future__ import annotations

import os
from pathlib import Path

from eduplan.errors import UsageError

__all__ = ["append_step_summary", "default_format", "step_summary_wanted"]


def default_format(fallback: str) -> str:
    """``github`` under GitHub Actions (``GITHUB_ACTIONS=true``), else ``fallback``."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else fallback


def step_summary_wanted() -> bool:
    """Whether ``GITHUB_STEP_SUMMARY`` names a file to append the markdown report to."""
    return bool(os.environ.get("GITHUB_STEP_SUMMARY"))


def append_step_summary(text: str) -> None:
    """Append ``text`` to the file ``GITHUB_STEP_SUMMARY`` names (nothing when it is unset).

    Raises:
        UsageError: the file cannot be written.
    """
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        with Path(summary).open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise UsageError(f"GITHUB_STEP_SUMMARY={summary}: cannot write: {exc.strerror or exc}") from None
