"""Checking many plans: in the order given, on every core, one plan in memory per worker.

:func:`checking` starts the workers at once (before a progress bar starts its thread: forking
a process that runs threads can deadlock) and hands back an iterator of
:class:`~eduplan.check.PlanCheck` in input order, so the output of a parallel run is the output
of a serial run, byte for byte. Each worker loads a plan, checks it and sends back only its
findings; plans never travel between processes, and the caller may stream the results, so
memory stays flat however many plans there are.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from eduplan import i18n
from eduplan.check.pipeline import PlanCheck, check_path
from eduplan.check.settings import PlanSettings
from eduplan.errors import EduplanError
from eduplan.i18n import _

__all__ = ["MIN_PARALLEL", "checking", "default_jobs"]

START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"
"""How workers start: fork starts fast and shares the imported modules; elsewhere fork is unsafe or missing."""
MIN_PARALLEL = 8
"""Below this many plans, starting workers costs more than it saves: check them in process."""

_settings: PlanSettings | None = None
"""The settings of the run's plans, in a worker process (set once by :func:`_start`)."""


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@contextmanager
def checking(paths: Sequence[Path], settings: PlanSettings, jobs: int) -> Iterator[Iterator[PlanCheck]]:
    """Check ``paths`` with ``jobs`` worker processes; yields the checks in input order.

    Each plan is checked with its own settings (``settings.of(path)``: prepare them first, so that
    workers receive them read).

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
            yield (check_path(path, settings.of(path)) for path in paths)
        else:
            with _pool(paths, settings, jobs) as checks:
                yield checks
    finally:
        if not collecting:
            gc.disable()


@contextmanager
def _pool(paths: Sequence[Path], settings: PlanSettings, jobs: int) -> Iterator[Iterator[PlanCheck]]:
    """The checks of ``paths`` by ``jobs`` worker processes, in input order."""
    from concurrent.futures import ProcessPoolExecutor  # 20 ms of imports that one plan does not need
    from multiprocessing import get_context

    context = get_context(START_METHOD)
    workers = min(jobs, len(paths))
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(settings, i18n.language())
    )
    try:
        # Small chunks keep the workers evenly busy and the order-preserving queue short.
        chunk = max(1, min(32, len(paths) // (workers * 16)))
        yield _results(executor.map(_check, paths, chunksize=chunk))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


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


def _start(settings: PlanSettings, lang: i18n.Lang) -> None:
    """Set up a worker: Ctrl-C is the parent's business, the settings and the language are the run's.

    A forked worker would inherit the language; a spawned one (Windows, macOS) starts afresh.
    """
    global _settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    i18n.use(lang)
    _settings = settings


def _check(path: Path) -> PlanCheck:
    assert _settings is not None, "worker started without settings"
    return check_path(path, _settings.of(path))
