"""Reporters: one module per output format, each with ``write(run, out, options)``.

Machine formats (concise, json, github, sarif, junit, markdown) use plain string building;
only ``human`` imports Rich, and only when it is used. :data:`FORMATS` maps format names to
modules, imported on demand.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from eduplan.check.pipeline import PlanCheck, failing
from eduplan.errors import UsageError
from eduplan.findings import Finding, Severity
from eduplan.load.encoding import readable
from eduplan.load.files import read_bounded
from eduplan.reporters.common import editor_lines

__all__ = ["ALIASES", "FORMATS", "STREAMING", "ReportOptions", "RunResult", "Tally", "format_named", "write_report"]

FORMATS = ("human", "concise", "json", "github", "sarif", "junit", "markdown")
"""Output formats, as named by ``--format`` and ``--report``."""

STREAMING = ("human", "concise", "github")
"""Formats that write each plan's findings as it is checked, keeping nothing."""

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
        raise UsageError(f"{option}: unknown format {name!r}; use one of {', '.join(FORMATS)}")
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


@dataclass
class Tally:
    """Running counts of a run, kept as checks go by (so a streamed run needs no list).

    Attributes:
        fail_on: Lowest severity that fails the run.
        plans: Plans checked.
        files: Files read.
        counts: Findings by severity; accepted ones counted apart, as "accepted".
        failing: Findings that fail the run.
        rules: Codes of the rules that ran (on any plan).
    """

    fail_on: Severity = Severity.ERROR
    plans: int = 0
    files: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    failing: int = 0
    rules: set[str] = field(default_factory=set)
    _last_rules: list[str] | None = field(default=None, repr=False)

    def add(self, check: PlanCheck) -> None:
        """Count one plan's check."""
        self.plans += 1
        self.files += len(check.files)
        for finding in check.findings:
            self.counts["accepted" if finding.accepted is not None else finding.severity.value] += 1
        self.failing += len(failing(check.findings, self.fail_on))
        if check.rules is not self._last_rules:  # the plans of a run share one list: add it once
            self.rules.update(check.rules)
            self._last_rules = check.rules

    @property
    def findings(self) -> int:
        """Findings counted so far, accepted ones included."""
        return sum(self.counts.values())

    def visible(self, show_accepted: bool) -> int:
        """Findings a listing shows: all of them, or all but the accepted ones."""
        return self.findings if show_accepted else self.findings - self.counts["accepted"]

    def summary(self, accepted_hidden: bool = False) -> str:
        """One line: what was found (or that all is well), where, how many rules ran, how many accepted.

        Args:
            accepted_hidden: The accepted findings were not listed: say how to list them.
        """
        counts = self.counts
        where = f"{_plural(self.plans, 'plan')}, {_plural(self.files, 'file')} ({_ran(len(self.rules))})"
        shown = [_plural(counts[s.value], s.value) for s in Severity if counts[s.value]]
        accepted = ""
        if counts["accepted"]:
            accepted = f"; {counts['accepted']} accepted" + (", listed with --show-accepted" if accepted_hidden else "")
        if not shown:
            return f"All checks passed: {where}{accepted}."
        return f"Found {', '.join(shown)} in {where}{accepted}."


class RunResult:
    """Everything a reporter shows: the checks of one run and its threshold.

    ``checks`` is either a list, which every format can read as often as it likes, or a
    one-shot iterator, which only the streaming formats (:data:`STREAMING`) accept: they read
    it once through :meth:`stream`, writing each plan's findings as it arrives, and the
    :attr:`tally` is complete when the stream ends.

    Attributes:
        fail_on: Lowest severity that fails the run.
        texts: File contents known in memory (a plan read from standard input), by file name.
        tally: Counts of the checks seen so far (all of them, for a list).
    """

    def __init__(
        self, checks: Iterable[PlanCheck], fail_on: Severity = Severity.ERROR, texts: dict[str, str] | None = None
    ) -> None:
        self._checks = checks
        self.fail_on = fail_on
        self.texts = texts or {}
        self._split: dict[str, list[str]] = {}
        self.tally = Tally(fail_on)
        self._pending = not isinstance(checks, list)
        if not self._pending:
            for check in checks:
                self.tally.add(check)

    def stream(self) -> Iterator[PlanCheck]:
        """Each check, once; a one-shot run is counted as it goes."""
        if not self._pending:
            yield from self.checks
            return
        self._pending = False
        for check in self._checks:
            self.tally.add(check)
            yield check

    @property
    def checks(self) -> list[PlanCheck]:
        """All checks (only for a run given as a list)."""
        if not isinstance(self._checks, list):
            raise TypeError("this run is streamed: read it once with stream()")
        return self._checks

    @property
    def findings(self) -> list[Finding]:
        """All findings of the run, plan by plan."""
        return [f for check in self.checks for f in check.findings]

    @property
    def failing(self) -> int:
        """How many findings fail the run (so far, for a streamed run)."""
        return self.tally.failing

    @property
    def files(self) -> list[str]:
        """Every file read."""
        return [file for check in self.checks for file in check.files]

    def summary(self, accepted_hidden: bool = False) -> str:
        """One line: what was found, or that all is well (see :meth:`Tally.summary`)."""
        return self.tally.summary(accepted_hidden)

    def lines(self, file: str) -> list[str]:
        """The lines of a file, for code frames (empty when it cannot be read)."""
        if file in self.texts:
            if file not in self._split:  # split once: a file may have thousands of findings
                self._split[file] = editor_lines(self.texts[file])
            return self._split[file]
        return _read_lines(file)


@lru_cache(maxsize=16)  # findings arrive file by file: a few files suffice
def _read_lines(file: str) -> list[str]:
    data, _ = read_bounded(Path(file))  # a finding may be at a pipe or a link to /dev/zero: never read those
    return readable(data).splitlines() if data is not None else []


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _ran(rules: int) -> str:
    return f"{_plural(rules, 'rule')} ran"


def write_report(fmt: str, run: RunResult, out: TextIO, options: ReportOptions) -> None:
    """Write ``run`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    writer: Callable[[RunResult, TextIO, ReportOptions], None] = importlib.import_module(f"{__name__}.{fmt}").write
    writer(run, out, options)
