"""The human format: findings grouped per file, each with a code frame, then a summary line.

Accepted findings are counted in the summary line; with ``--show-accepted`` they are listed
too, after each plan's real findings, under their file's name marked "(accepted)", so a real
finding is never buried among them. The frames are drawn by :mod:`.framed`, as plain text
(coloured with ``--color``), by the workers that checked the plans when there are workers
(:func:`prepare`).
"""

from __future__ import annotations

from functools import partial
from typing import TextIO

from eduplan.check.pipeline import PlanCheck
from eduplan.check.result import RunResult
from eduplan.reporters import ReportOptions
from eduplan.reporters.common import limited_shown
from eduplan.reporters.framed import frame_width, prepared_blocks, write_findings

__all__ = ["prepare", "write"]


def write(run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write every finding with its frame, then the summary."""
    write_findings(run, limited_shown(run, options.max_findings, options.show_accepted), out, options)


def prepare(options: ReportOptions) -> partial[PlanCheck]:
    """What a worker does to each plan it checks for this format: draw the frames of the findings listed."""
    return partial(prepared_blocks, ReportOptions(options.color, None, frame_width(options), options.show_accepted))
