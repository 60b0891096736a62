"""Reporters: one module per output format, each with ``write(run, out, options)``.

Every format is plain string building (no Rich) and reads a run once, as its plans arrive
(:data:`STREAMING`). :data:`FORMATS` names the modules, imported on demand.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from eduplan.check.pipeline import PlanCheck
from eduplan.check.result import RunResult
from eduplan.errors import UsageError
from eduplan.findings import Severity
from eduplan.i18n import _, ngettext
from eduplan.load.encoding import readable
from eduplan.load.files import read_bounded
from eduplan.reporters.common import editor_lines

__all__ = [
    "ALIASES",
    "FORMATS",
    "STREAMING",
    "ReportOptions",
    "format_named",
    "prepare",
    "file_lines",
    "source_lines",
    "summary",
    "write_report",
]

FORMATS = ("human", "concise", "json", "github", "sarif", "junit", "markdown")
"""Output formats, as named by ``--format`` and ``--report``."""

STREAMING = FORMATS
"""Formats that read a run once, as its plans are checked, keeping nothing that grows with them: the line
formats write each plan's findings as it arrives; the documents (json, sarif, junit) spool them and write
at the end (:mod:`.spool`); markdown keeps the rows its tables can show. All of them."""

ALIASES = {"md": "markdown", "text": "human"}
"""Other spellings of format names, as other commands write them."""


def format_named(name: str, option: str) -> str:
    """The format a name means (its own name or an alias, in any case).

    Raises:
        UsageError: no format has that name.
    """
    wanted = name.strip().lower()
    wanted = ALIASES.get(wanted, wanted)
    if wanted not in FORMATS:
        raise UsageError(
            _("{option}: unknown format {value!r}; use one of {formats}").format(
                option=option, value=name, formats=", ".join(FORMATS)
            )
        )
    return wanted


@dataclass(frozen=True)
class ReportOptions:
    """How to present a run.

    Attributes:
        color: Use colour (human format, on a terminal).
        max_findings: Show at most this many findings, then "+N more" (human, concise, github).
        width: Terminal width for the human format (None: detect).
        show_accepted: List accepted findings too, after each plan's real ones (human, concise,
            github). Without it they are only counted in the summary line; the document formats
            (json, sarif, junit, markdown) always keep them, marked as accepted.
    """

    color: bool = False
    max_findings: int | None = None
    width: int | None = None
    show_accepted: bool = False


def summary(run: RunResult, accepted_hidden: bool = False) -> str:
    """One line: what was found (or that all is well), where, how many rules ran, how many accepted.

    Args:
        run: The run (a streamed run: once its stream has ended).
        accepted_hidden: The accepted findings were not listed: say how to list them.
    """
    tally = run.tally
    counts = tally.counts
    rules = len(tally.rules)
    # TRANSLATORS: {plans} is "2 plans", {files} "6 files", {rules} "43 rules ran": where a run looked
    where = _("{plans}, {files} ({rules})").format(
        plans=ngettext("{count} plan", "{count} plans", tally.plans).format(count=tally.plans),
        files=ngettext("{count} file", "{count} files", tally.files).format(count=tally.files),
        rules=ngettext("{count} rule ran", "{count} rules ran", rules).format(count=rules),
    )
    found = ", ".join(_counted(s, counts[s.value]) for s in Severity if counts[s.value])
    accepted = counts["accepted"]
    if not accepted:
        said = _("Found {found} in {where}.") if found else _("All checks passed: {where}.")
    elif accepted_hidden:
        said = (
            _("Found {found} in {where}; {accepted} accepted, listed with --show-accepted.")
            if found
            else _("All checks passed: {where}; {accepted} accepted, listed with --show-accepted.")
        )
    else:
        said = (
            _("Found {found} in {where}; {accepted} accepted.")
            if found
            else _("All checks passed: {where}; {accepted} accepted.")
        )
    return said.format(found=found, where=where, accepted=accepted)


def _counted(severity: Severity, n: int) -> str:
    """``2 errors``, ``1 warning``, ``3 infos``: findings of one severity, counted."""
    if severity is Severity.ERROR:
        return ngettext("{count} error", "{count} errors", n).format(count=n)
    if severity is Severity.WARNING:
        return ngettext("{count} warning", "{count} warnings", n).format(count=n)
    return ngettext("{count} info", "{count} infos", n).format(count=n)


def source_lines(run: RunResult, file: str) -> list[str]:
    """The lines of a file as editors count them, for code frames (empty when it cannot be read)."""
    if file in run.texts:
        return _split(run.texts[file])
    return file_lines(file)


@lru_cache(maxsize=16)  # split once: a file may have thousands of findings
def _split(text: str) -> list[str]:
    return editor_lines(text)


@lru_cache(maxsize=16)  # findings arrive file by file: a few files suffice
def file_lines(file: str) -> list[str]:
    """The lines of a file on disk as editors count them (empty when it cannot be read)."""
    data, _ = read_bounded(Path(file))  # a finding may be at a pipe or a link to /dev/zero: never read those
    return editor_lines(readable(data)) if data is not None else []


def write_report(fmt: str, run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write ``run`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    writer: Callable[[RunResult, TextIO, ReportOptions], None] = importlib.import_module(f"{__name__}.{fmt}").write
    writer(run, out, options)


def prepare(fmt: str, options: ReportOptions) -> Callable[[PlanCheck], PlanCheck] | None:
    """What the workers of a streamed run do to each plan for ``fmt`` before sending it back, if anything.

    The human format draws the frames of the findings it will list there (``PlanCheck.shown``), so
    that the process writing the report only writes. The result can be sent to workers (pickled).
    """
    made: Callable[[ReportOptions], Callable[[PlanCheck], PlanCheck]] | None = getattr(
        importlib.import_module(f"{__name__}.{fmt}"), "prepare", None
    )
    return made(options) if made is not None else None
