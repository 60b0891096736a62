"""The result of a validation run, apart from its presentation (the reporters show it).

A run is the :class:`~eduplan.check.pipeline.PlanCheck` of each plan, read as a list or, for the
formats that stream, once as they arrive, while a :class:`Tally` counts them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from eduplan.check.pipeline import PlanCheck, failing
from eduplan.findings import Finding, Severity

__all__ = ["RunResult", "Tally"]


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


class RunResult:
    """What one run of checks gave: its checks and its threshold, apart from how it is shown.

    ``checks`` is either a list, which every format can read as often as it likes, or a
    one-shot iterator, which every format (``eduplan.reporters.STREAMING``) can read once
    through :meth:`stream`, taking each plan's findings as it arrives; the :attr:`tally` is
    complete when the stream ends.

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
