"""The ``validate`` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eduplan.cli.common import EXIT_FINDINGS, wants_color
from eduplan.errors import UsageError
from eduplan.i18n import N_, _

if TYPE_CHECKING:
    from eduplan.check.pipeline import PlanCheck
    from eduplan.check.result import RunResult
    from eduplan.check.settings import PlanSettings
    from eduplan.output.guard import Inputs
    from eduplan.reporters import ReportOptions

FORMAT_HELP = "Output format: human, concise, json, github, sarif, junit or markdown (md)."


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Plan directories, plan files, files of a plan, or folders holding plans."),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help=FORMAT_HELP + " Default: github under GitHub Actions, else human."),
    ] = None,
    report: Annotated[
        list[str] | None,
        typer.Option("--report", metavar="FORMAT=FILE", help="Also write a report to FILE; repeatable."),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(help="Run only these rules: codes, families or dotted names (TG,UN01).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Do not run these rules.")] = None,
    fail_on: Annotated[
        str | None, typer.Option(help="Lowest severity that fails the run: error, warning (warn) or info.")
    ] = None,
    exit_zero: Annotated[bool, typer.Option(help="Exit 0 even when findings fail the run.")] = False,
    show_accepted: Annotated[
        bool,
        typer.Option(
            "--show-accepted",
            help="Also list the findings the plan accepts, after the real ones (human, concise, github);"
            " without it they are only counted.",
        ),
    ] = False,
    max_findings: Annotated[
        int | None, typer.Option(help="Show at most N findings, then '+N more' (human, concise, github).")
    ] = None,
    stdin_filename: Annotated[
        str | None, typer.Option(help="Read the file's content from standard input, reported under this name.")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            help="Configuration file for every plan (default: each plan's nearest eduplan.yaml or pyproject.toml"
            " from its folder up, else from here)."
        ),
    ] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour in the human format.")] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: every core; 1: no workers).")
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar on standard error (default: on a terminal, outside CI)."
        ),
    ] = None,
) -> None:
    """Check plans and report every problem at file:line:col.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or IO trouble.
    """
    from eduplan.cli.github import default_format
    from eduplan.reporters import ReportOptions, format_named

    fmt = format_named(output_format or default_format("human"), "--format")
    outputs = [_report_target(item) for item in report or []]
    _at_least(max_findings, 0, "--max-findings")
    _at_least(jobs, 1, "--jobs")
    settings = _settings(config, select, ignore, fail_on)
    inputs = _inputs(paths or [], stdin_filename)
    options = ReportOptions(
        color=wants_color(sys.stdout, color), max_findings=max_findings, show_accepted=show_accepted
    )
    if stdin_filename is not None:
        run = _run_stdin(paths or [], stdin_filename, settings, inputs)
        _emit(fmt, run, options, outputs, inputs)
    else:
        run = _run_many(paths or [], settings, fmt, options, outputs, jobs, progress, inputs)
    if run.failing and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _settings(
    config: Path | None, select: list[str] | None, ignore: list[str] | None, fail_on: str | None
) -> PlanSettings:
    """Each plan's settings: ``--config`` or its own nearest file, with the options (checked now, before any plan)."""
    from eduplan.check.settings import PlanSettings

    settings = PlanSettings(config, select, ignore, fail_on)
    settings.run()  # --config missing, or an option naming no rule: one error line before anything runs
    return settings


def _inputs(paths: list[Path], stdin_filename: str | None) -> Inputs:
    """What the run reads, known before it runs: plan files given, the file stdin stands for.

    The plans found in folders and the configuration files are added when the plans are known.
    """
    from eduplan.output.guard import Inputs

    inputs = Inputs()  # a folder given is not one: a report beside the plans in it is what CI writes
    for path in paths:
        if path.is_file():
            inputs.add(path, N_("a plan file"))
    if stdin_filename:
        inputs.add(stdin_filename, N_("the file standard input stands for"))
    return inputs


def _configurations(settings: PlanSettings, inputs: Inputs | None) -> None:
    """Add the configuration files the plans use to what no report may overwrite."""
    for file in settings.files():
        if inputs is not None:
            inputs.add(file, N_("the configuration"))


def _at_least(value: int | None, least: int, option: str) -> None:
    """A number option below its least value is one usage line, not a box of help."""
    if value is not None and value < least:
        raise UsageError(
            _("{option}: expected a whole number of at least {least}, got {value}").format(
                option=option, least=least, value=value
            )
        )


def _report_target(item: str) -> tuple[str, Path]:
    from eduplan.reporters import FORMATS, format_named

    fmt, sep, file = item.partition("=")
    if not sep or not file:
        raise UsageError(
            _("--report: expected FORMAT=FILE with FORMAT one of {formats}, got {value!r}").format(
                formats=", ".join(FORMATS), value=item
            )
        )
    return format_named(fmt, "--report"), Path(file)


def _run_stdin(paths: list[Path], stdin_filename: str, settings: PlanSettings, inputs: Inputs) -> RunResult:
    from eduplan.check.pipeline import check_stdin
    from eduplan.check.result import RunResult
    from eduplan.load.files import read_stdin

    if any(str(p) != "-" for p in paths):
        raise UsageError(_("--stdin-filename reads one file from standard input; give no other paths"))
    own = settings.prepare([Path(stdin_filename)])  # the settings of the plan the file belongs to
    _configurations(settings, inputs)
    checked, text = check_stdin(read_stdin(sys.stdin.buffer), stdin_filename, own)
    return RunResult([checked], own.fail_on, {stdin_filename: text})


def _run_many(
    paths: list[Path],
    settings: PlanSettings,
    fmt: str,
    options: ReportOptions,
    outputs: list[tuple[str, Path]],
    jobs: int | None,
    progress: bool | None,
    inputs: Inputs | None = None,
) -> RunResult:
    """Check every plan, on every core, and report; streamed when one report is wanted.

    Streaming reads each plan's findings as soon as it is checked and keeps none of them (every
    format can), so memory stays flat however many plans there are; ``--report`` files and the
    job summary read the run more than once, so they keep it whole.
    """
    from eduplan.check.batch import checking, default_jobs
    from eduplan.check.pipeline import plan_targets
    from eduplan.check.result import RunResult
    from eduplan.cli.github import step_summary_wanted
    from eduplan.reporters import STREAMING, prepare

    if not paths:
        raise UsageError(_("give at least one plan path (or --stdin-filename)"))
    targets = plan_targets(paths)
    fail_on = settings.prepare(targets).fail_on  # every configuration read before the first plan
    _configurations(settings, inputs)
    stream = fmt in STREAMING and not outputs and not step_summary_wanted()
    show = progress if progress is not None else _progress_wanted(len(targets))
    present = prepare(fmt, options) if stream else None  # the workers draw what a streamed report writes
    with checking(targets, settings, jobs or default_jobs(), present) as checks, _progress(len(targets), show) as track:
        run = RunResult(track(checks) if stream else list(track(checks)), fail_on)
        if stream:
            _emit(fmt, run, options, outputs, inputs)
    if not stream:  # after the bar is gone: its console would re-wrap a JSON or XML document
        _emit(fmt, run, options, outputs, inputs)
    return run


PROGRESS_MIN = 20
"""Fewer plans than this are checked too fast for a progress bar to help."""


def _progress_wanted(plans: int) -> bool:
    """A bar for a long run on a terminal; never on a pipe, in CI or on a dumb terminal."""
    if plans < PROGRESS_MIN or not sys.stderr.isatty():
        return False
    return not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


@contextmanager
def _progress(total: int, show: bool) -> Iterator[Callable[[Iterator[PlanCheck]], Iterator[PlanCheck]]]:
    """A function that passes checks through, advancing a Rich progress bar on stderr if ``show``.

    When standard output is the same terminal, findings printed meanwhile go through the bar's
    console, which prints them above the bar instead of through it.
    """

    def passthrough(checks: Iterator[PlanCheck]) -> Iterator[PlanCheck]:
        return checks

    if not show:
        yield passthrough
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn, TimeRemainingColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, force_terminal=True),
        transient=True,
        redirect_stdout=sys.stdout.isatty(),
        redirect_stderr=False,
    )
    task = bar.add_task(_("Checking plans"), total=total)

    def track(checks: Iterator[PlanCheck]) -> Iterator[PlanCheck]:
        for check in checks:
            bar.advance(task)
            yield check
        bar.stop()  # gone before a report that writes at the end of the run (json) writes: nothing re-wraps it

    with bar:
        yield track


def _emit(
    fmt: str, run: RunResult, options: ReportOptions, outputs: list[tuple[str, Path]], inputs: Inputs | None = None
) -> None:
    """Print the report, then write every ``--report`` file together and append the job summary."""
    from eduplan.cli.github import append_step_summary, step_summary_wanted, summary_target
    from eduplan.reporters import ReportOptions as Options
    from eduplan.reporters import write_report

    summary = summary_target() if step_summary_wanted() else None
    if not outputs and summary is None:
        write_report(fmt, run, sys.stdout, options)
        return
    import io  # only a run that writes files pays for what writes them

    from eduplan.output.atomic import Batch, WriteError, check_targets

    inputs = _run_inputs(run, inputs)
    try:
        check_targets([file for _, file in outputs], inputs)  # before the report: refused, nothing printed
        if summary is not None:
            check_targets([summary], inputs)
        write_report(fmt, run, sys.stdout, options)
        batch = Batch(inputs)
        for report_format, file in outputs:
            buffer = io.StringIO()
            write_report(report_format, run, buffer, Options(show_accepted=options.show_accepted))
            batch.add_text(file, buffer.getvalue())
        written = batch.commit()
    except WriteError as exc:
        raise UsageError(
            _("{file}: cannot write the report: {reason}").format(file=exc.filename, reason=exc.strerror)
        ) from None
    for done in written:
        if done.link is not None:
            sys.stderr.write(f"eduplan: {done}\n")
    if summary is not None:
        buffer = io.StringIO()
        write_report("markdown", run, buffer, Options())
        append_step_summary(buffer.getvalue() + "\n", inputs)


def _run_inputs(run: RunResult, inputs: Inputs | None) -> Inputs:
    """What the run read, which no report may overwrite: ``inputs`` and every file of the checked plans."""
    from eduplan.output.guard import Inputs

    inputs = inputs if inputs is not None else Inputs()
    if isinstance(run.checks, list):
        for check in run.checks:
            inputs.add(check.root, N_("the plan")).add_files(check.files, N_("a file of the plan"))
    return inputs
