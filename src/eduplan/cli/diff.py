"""``eduplan diff OLD NEW``: what changed between two editions of a plan."""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eduplan import i18n
from eduplan.cli.common import (
    DIGITS_HELP,
    EXIT_FINDINGS,
    OUTPUT_HELP,
    TEMPLATES_HELP,
    DigitsChoice,
    LangChoice,
    choice,
    wants_color,
)
from eduplan.errors import UsageError
from eduplan.i18n import N_, _

if TYPE_CHECKING:
    from eduplan.diff import DiffResult
    from eduplan.diff.sides import Side
    from eduplan.diff.wording import Words
    from eduplan.load.loader import LoadResult
    from eduplan.model import Plan
    from eduplan.output.guard import Inputs


LANG_HELP = (
    "Language of the report's words and of the messages. Without --lang the HTML page is in Thai (the plan's"
    " language) whatever the locale, and the other formats follow EDUPLAN_LANG, the configuration's lang: or the"
    " locale, as the messages do; json keeps its keys and codes in English."
)


class DiffFormat(StrEnum):
    """Formats of ``eduplan diff``."""

    human = "human"
    markdown = "markdown"
    json = "json"
    github = "github"
    html = "html"
    docx = "docx"


class FailOn(StrEnum):
    """Thresholds of ``--fail-on`` (``warn`` is accepted for ``warning``)."""

    major = "major"
    warning = "warning"
    minor = "minor"
    info = "info"
    weakening = "weakening"
    any = "any"


def diff(
    old: Annotated[str, typer.Argument(help="The earlier edition: a plan directory, a plan file, or REV:path in git.")],
    new: Annotated[str, typer.Argument(help="The later edition, given the same ways.")],
    fmt: Annotated[
        DiffFormat | None,
        typer.Option("--format", "-f", help="Output format. Default: github under GitHub Actions, else human."),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            **choice(FailOn, warn=FailOn.warning),
            help="Exit 1 when a change is at or above this level (or weakens, or any).",
        ),
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 0 when the editions are the same, 1 when they differ.")
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Report only these kinds, levels, ids or path globs (repeatable)."),
    ] = None,
    ignore_field: Annotated[
        list[str] | None,
        typer.Option("--ignore-field", help="Do not report changes of this field or path glob (repeatable)."),
    ] = None,
    tolerance: Annotated[
        float | None, typer.Option("--tolerance", min=0, help="Numeric differences up to this are not changes.")
    ] = None,
    report_order: Annotated[
        bool, typer.Option("--report-order", help="Also report items that moved within their list.")
    ] = False,
    severity: Annotated[
        list[str] | None,
        typer.Option("--severity", metavar="KIND=LEVEL", help="Such as removed=warning (repeatable)."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP)] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour in the human format.")] = None,
    templates: Annotated[
        Path | None, typer.Option("--templates", help=TEMPLATES_HELP + " With --format html or docx.")
    ] = None,
    lang: Annotated[LangChoice | None, typer.Option(help=LANG_HELP)] = None,
    digits: Annotated[DigitsChoice, typer.Option(help=DIGITS_HELP)] = DigitsChoice.arabic,
) -> None:
    """Show what changed between two editions of a plan, matched by stable ids.

    Under GitHub Actions the default format is github, and the markdown report is appended to
    $GITHUB_STEP_SUMMARY when it is set.

    Exit codes: 0 reported (or no change at or above --fail-on), 1 changes at or above --fail-on
    (or any change, with --exit-code), 2 usage or IO trouble, or a side that does not load.
    """
    from eduplan.cli.github import append_step_summary, default_format, step_summary_wanted
    from eduplan.diff import DiffOptions, diff_plans
    from eduplan.diff.config import load_diff_settings
    from eduplan.diff.select import failing, parse_severity, select_changes
    from eduplan.diff.sides import open_side
    from eduplan.load.configfile import config_file

    settings = load_diff_settings(config_file(None, new))  # the new edition's folder, then here
    overrides = {**settings.severity, **parse_severity(severity or [], "--severity")}
    options = DiffOptions(
        report_order=report_order or settings.report_order,
        tolerance=tolerance if tolerance is not None else (settings.tolerance or 0.0),
        severity=overrides,
    )
    old_side, new_side = open_side(old), open_side(new)
    old_plan, old_loaded = _load(old_side, "OLD")
    new_plan, new_loaded = _load(new_side, "NEW")
    result = diff_plans(old_plan, new_plan, old_source=old_loaded.source, new_source=new_loaded.source, options=options)
    changes = result.changes
    changes = select_changes(changes, only or [], [*settings.ignore_fields, *(ignore_field or [])])
    result = replace(result, changes=changes, old_label=old, new_label=new)
    chosen = DiffFormat(fmt or default_format(DiffFormat.human))
    words = None if chosen is DiffFormat.json and not step_summary_wanted() else _words(lang, chosen, digits, new_plan)
    inputs = _inputs(old_side, new_side, templates)
    target = None if output == Path("-") else output
    _write(result, chosen, target, new_side, new_plan, words, templates, color, inputs)
    if words is not None:
        from eduplan.diff.machine import to_markdown

        append_step_summary(to_markdown(result, words) + "\n", inputs)  # a blank line before the next report
    threshold = fail_on.value if fail_on else settings.fail_on or ("any" if exit_code else None)
    if threshold and failing(changes, threshold):
        raise typer.Exit(EXIT_FINDINGS)


def _load(side: Side, which: str) -> tuple[Plan, LoadResult]:
    """Load one side whole (a broken side never reads as "no changes"), named as the user named it."""
    from eduplan.load.whole import load_whole

    try:
        return load_whole(side.path, name=side.spec, role=which, overlay=side.files)
    except UsageError as exc:  # not a plan: say which side
        message = str(exc)
        raise type(exc)(message if message.startswith(which) else f"{which} {message}") from None


def _words(lang: LangChoice | None, fmt: DiffFormat, digits: DigitsChoice, plan: Plan) -> Words:
    """The report's words: the labels of ``lang`` with the new edition's overrides.

    Without ``--lang``, an HTML page or a Word document (a document, like ``render``'s) is in Thai,
    the plan's language; the other formats are read beside the run's messages, in the run's language.
    """
    from eduplan.diff.wording import Words

    document = fmt in (DiffFormat.html, DiffFormat.docx)
    chosen = lang.value if lang is not None else ("th" if document else i18n.language())
    return Words.of(chosen, digits.value, plan.labels, plan.hierarchy)


def _write(
    result: DiffResult,
    fmt: DiffFormat,
    output: Path | None,
    new_side: Side,
    new_plan: Plan,
    words: Words | None,
    templates: Path | None,
    color: bool | None,
    inputs: Inputs,
) -> None:
    """Write the report to ``output`` (atomically) or standard output; ``words`` is None only for json."""
    from eduplan.diff.machine import to_github, to_json, to_markdown

    if fmt is DiffFormat.docx and words is not None:
        _write_docx(result, output, new_plan, words, templates, inputs)
        return
    if fmt is DiffFormat.json or words is None:
        text = to_json(result)
    elif fmt is DiffFormat.human:
        if output is None:
            from eduplan.diff.human import write_human

            write_human(result, sys.stdout, words, color=wants_color(sys.stdout, color))
            return
        text = _human_text(result, words)
    elif fmt is DiffFormat.markdown:
        text = to_markdown(result, words)
    elif fmt is DiffFormat.html:
        from eduplan.diff.page import render_page

        text = render_page(result, new_plan, words, templates)
    else:
        text = to_github(result, words, strip=f"{new_side.rev}:" if new_side.rev else None)
    if output is None:
        sys.stdout.write(text)
    else:
        from eduplan.output.atomic import WriteError, write_text

        try:
            written = write_text(output, text, inputs)
        except WriteError as exc:
            raise UsageError(
                _("{file}: cannot write the report: {reason}").format(file=output, reason=exc.strerror or exc)
            ) from None
        if written.link is not None:
            sys.stderr.write(f"eduplan: {written}\n")


def _write_docx(
    result: DiffResult, output: Path | None, new_plan: Plan, words: Words, templates: Path | None, inputs: Inputs
) -> None:
    """The report as a Word document (from its HTML page, as ``render -f docx`` does), into the file ``output``."""
    from eduplan.diff.page import render_page
    from eduplan.output.atomic import WriteError, write_bytes
    from eduplan.output.sourcedate import document_time
    from eduplan.render.docx import html_to_docx

    if output is None or str(output) == "-":
        raise UsageError(_("--format docx writes a Word file: give it with -o FILE"))
    page = render_page(result, new_plan, words, templates)
    warnings: list[str] = []
    data = html_to_docx(page, words.labels, when=document_time(new_plan), warnings=warnings)
    try:
        write_bytes(output, data, inputs)
    except WriteError as exc:
        message = _("{file}: cannot write the report: {reason}")
        raise UsageError(message.format(file=output, reason=exc.strerror or exc)) from None
    for warning in warnings:
        sys.stderr.write(f"eduplan: warning: {output}: {warning}\n")


def _inputs(old: Side, new: Side, templates: Path | None) -> Inputs:
    """What the diff read from the working tree: both sides (not a side from git) and the templates."""
    from eduplan.output.guard import Inputs

    inputs = Inputs().add(templates, N_("the templates"))
    for side, role in ((old, N_("the old edition")), (new, N_("the new edition"))):
        if side.rev is None:
            inputs.add(side.path, role)
    return inputs


def _human_text(result: DiffResult, words: Words) -> str:
    import io

    from eduplan.diff.human import write_human

    buffer = io.StringIO()
    write_human(result, buffer, words, color=False)
    return buffer.getvalue()
