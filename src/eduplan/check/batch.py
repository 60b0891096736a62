"""Checking many plans: in the order given, on every core, one plan in memory per worker.

:func:`checking` starts the workers at once (before a progress bar starts its thread: forking
a process that runs threads can deadlock) and hands back an iterator of
:class:`~eduplan.check.PlanCheck` in input order, so the output of a parallel run is the output
of a serial run, byte for byte. Each worker loads a plan, checks it and sends back only its
findings (and, for a report that streams, the text it will write for them: ``present``); plans
never travel between processes. Plans are handed out a few batches ahead of the one the caller
is reading (:data:`AHEAD`), never all at once: when the caller writes more slowly than the
workers check, they wait instead of piling up results, so memory stays flat however many plans
there are.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eduplan import i18n
from eduplan.check.config import Settings
from eduplan.check.pipeline import PlanCheck, check_path
from eduplan.check.settings import PlanSettings
from eduplan.errors import EduplanError
from eduplan.i18n import _
from eduplan.model import Plan

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["AHEAD", "MIN_PARALLEL", "Present", "checking", "default_jobs"]

Present = Callable[[PlanCheck], PlanCheck]
"""What a worker does to each check before sending it back (a reporter's drawing of its findings)."""

START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"
"""How workers start: fork starts fast and shares the imported modules; elsewhere fork is unsafe or missing."""
MIN_PARALLEL = 8
"""Below this many plans, starting workers costs more than it saves: check them in process."""
AHEAD = 4
"""Batches of plans handed out per worker beyond the one being read: enough to keep every worker busy."""

_settings: list[Settings] = []
"""The distinct settings of the run's plans, in a worker (set once by :func:`_start`); a plan names one by index."""
_present: Present | None = None
"""What the worker does to each check before sending it back (set once by :func:`_start`)."""


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@contextmanager
def checking(
    paths: Sequence[Path], settings: PlanSettings, jobs: int, present: Present | None = None
) -> Iterator[Iterator[PlanCheck]]:
    """Check ``paths`` with ``jobs`` worker processes; yields the checks in input order.

    Each plan is checked with its own settings (``settings.of(path)``: prepare them first, so that
    workers receive them read), then passed through ``present`` where it was checked (it must be
    picklable: a function of a module, or a ``functools.partial`` of one).

    Raises:
        EduplanError: a worker process died (killed, or out of memory).
    """
    # The modules imported so far live for the whole run: keep the garbage collector from
    # scanning them again and again as plans come and go (about 10% of a run), and from
    # touching pages that forked workers share with this process. The command line starts with
    # the collector off (eduplan.cli.startup): from here on it runs, here and in the workers.
    gc.freeze()
    collecting = gc.isenabled()
    gc.enable()
    try:
        if jobs <= 1 or len(paths) < MIN_PARALLEL:
            yield (_checked(path, settings, present) for path in paths)
        else:
            with _pool(paths, settings, jobs, present) as checks:
                yield checks
    finally:
        if not collecting:
            gc.disable()


def _checked(path: Path, settings: PlanSettings | Settings, present: Present | None) -> PlanCheck:
    check = check_path(path, settings.of(path) if isinstance(settings, PlanSettings) else settings)
    return present(check) if present is not None else check


@contextmanager
def _pool(
    paths: Sequence[Path], settings: PlanSettings, jobs: int, present: Present | None
) -> Iterator[Iterator[PlanCheck]]:
    """The checks of ``paths`` by ``jobs`` worker processes, in input order, a bounded number ahead.

    The workers get the run's few distinct settings once; each plan goes out with the index of its
    own (not the map from every plan to its configuration, which grows with the plans).
    """
    from concurrent.futures import ProcessPoolExecutor  # 20 ms of imports that one plan does not need
    from multiprocessing import get_context

    distinct: dict[int, int] = {}
    table: list[Settings] = []
    for path in paths:
        own = settings.of(path)
        if id(own) not in distinct:
            distinct[id(own)] = len(table)
            table.append(own)
    Plan.model_rebuild()  # the plan's validator (built on first use) built here, once: forked workers share it
    context = get_context(START_METHOD)
    workers = min(jobs, len(paths))
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(table, i18n.language(), present)
    )
    try:
        # Small batches keep the workers evenly busy and the results waiting to be read few.
        size = max(1, min(32, len(paths) // (workers * 16)))
        named = ((path, distinct[id(settings.of(path))]) for path in paths)
        yield _results(_window(executor, named, size, workers * (AHEAD + 1)))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _window(
    executor: ProcessPoolExecutor, items: Iterable[tuple[Path, int]], size: int, ahead: int
) -> Iterator[PlanCheck]:
    """The checks of ``items`` (plans and their settings) in order, batch by batch, ``ahead`` batches out at most."""
    rest = iter(items)
    batches = iter(lambda: list(islice(rest, size)), [])
    pending: deque[Future[list[PlanCheck]]] = deque(executor.submit(_check_all, b) for b in islice(batches, ahead))
    while pending:
        done = pending.popleft().result()
        for batch in islice(batches, 1):
            pending.append(executor.submit(_check_all, batch))
        yield from done


def _results(results: Iterator[PlanCheck]) -> Iterator[PlanCheck]:
    from concurrent.futures.process import BrokenProcessPool

    shared: list[str] = []
    try:
        for check in results:
            # Every plan of a run ran the same rules: keep one list, not one unpickled copy per plan
            # (39 codes x 30,000 plans is 60 MB for the formats that keep the whole run).
            if check.rules == shared:
                check.rules = shared
            else:
                shared = check.rules
            yield check
    except BrokenProcessPool:
        raise EduplanError(_("a worker process died while checking plans (out of memory?); try --jobs 1")) from None


def _start(settings: list[Settings], lang: i18n.Lang, present: Present | None = None) -> None:
    """Set up a worker: Ctrl-C is the parent's business; the settings, the language and ``present`` are the run's.

    A forked worker would inherit the language; a spawned one (Windows, macOS) starts afresh.
    """
    global _settings, _present
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    i18n.use(lang)
    _settings, _present = settings, present


def _check_all(items: list[tuple[Path, int]]) -> list[PlanCheck]:
    assert _settings, "worker started without settings"
    return [_checked(path, _settings[index], _present) for path, index in items]
