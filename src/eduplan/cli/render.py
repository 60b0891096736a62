"""``eduplan render``: the plan, annual action plans and performance reports as Markdown, HTML, PDF or Word."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eduplan.cli.common import TEMPLATES_HELP, DigitsChoice, LangChoice, choice
from eduplan.errors import UsageError
from eduplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from eduplan.model import Plan
    from eduplan.output.guard import Inputs
    from eduplan.render import Renderer, Request
    from eduplan.words.thai import Digits


LANG_HELP = (
    "Language of the document's headings and labels, and of the messages. Without --lang the document is in Thai"
    " (the plan's language) whatever the locale, and the messages follow EDUPLAN_LANG, the configuration's lang:"
    " or the locale."
)


DIGITS_HELP_RENDER = (
    "Digits of the document: arabic, or thai for every digit of its text, the plan's text included (a way of"
    " showing it: the data does not change; addresses and ids keep their digits)."
)
BUDGET_DIGITS_HELP = (
    "Digits of the money amounts when they are not the document's: --digits thai --budget-digits arabic keeps"
    " the budgets in Arabic digits, as the Cabinet's resolution on Thai digits allows in budget tables."
)
CHARTS_HELP = (
    "The plan's target charts: compact (the default: only indicators whose numeric targets change, four to a"
    " row), full (every indicator with targets) or off."
)
COLOPHON_HELP = "End the document with its colophon: made with eduplan, the date and the source of the data."


class ChartsChoice(StrEnum):
    """Which target charts the plan document shows."""

    off = "off"
    compact = "compact"
    full = "full"


class DocumentChoice(StrEnum):
    """Documents ``eduplan render`` makes."""

    plan = "plan"
    action_plan = "action-plan"
    report = "report"


class FormatChoice(StrEnum):
    """Output formats of ``eduplan render`` (``md`` is accepted for ``markdown``; files end in ``.md``)."""

    markdown = "markdown"
    html = "html"
    pdf = "pdf"
    docx = "docx"


def render(
    path: Annotated[Path, typer.Argument(help="A plan directory (with plan.yaml) or a single plan file.")],
    document: Annotated[
        list[DocumentChoice] | None,
        typer.Option(
            "--document",
            "-d",
            help="plan, action-plan or report (performance report); repeatable (default: plan).",
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            help="Year (BE) of the action plan or report: fiscal, or academic (ปีการศึกษา) for a school's plan; "
            "without it, every year with an action plan (action plans) and every year with a report (reports)."
        ),
    ] = None,
    fmt: Annotated[
        FormatChoice,
        typer.Option("--format", "-f", **choice(FormatChoice, md=FormatChoice.markdown), help="Output format."),
    ] = FormatChoice.html,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="A file, a directory (for several documents), or - for standard output (markdown, html).",
        ),
    ] = None,
    digits: Annotated[DigitsChoice, typer.Option(help=DIGITS_HELP_RENDER)] = DigitsChoice.arabic,
    budget_digits: Annotated[DigitsChoice | None, typer.Option(help=BUDGET_DIGITS_HELP)] = None,
    charts: Annotated[ChartsChoice, typer.Option(help=CHARTS_HELP)] = ChartsChoice.compact,
    colophon: Annotated[bool, typer.Option("--colophon", help=COLOPHON_HELP)] = False,
    lang: Annotated[LangChoice, typer.Option(help=LANG_HELP)] = LangChoice.th,
    templates: Annotated[Path | None, typer.Option(help=TEMPLATES_HELP)] = None,
    reference: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="A Word document whose styles, page, header and footer the Word documents take "
            "(default: reference.docx in the plan's folder, when there is one).",
        ),
    ] = None,
) -> None:
    """Render the plan, its annual action plans or performance reports as Markdown, HTML, print-ready PDF or Word.

    A PDF or Word document is dated by the plan (its publication date, else its first fiscal year),
    or by SOURCE_DATE_EPOCH when set: the same plan gives the same bytes on every run.

    Exit codes: 0 written, 1 the plan has errors (nothing written), 2 usage or IO trouble.
    """
    from eduplan.load.images import ImageProblem, plan_images
    from eduplan.load.whole import load_whole
    from eduplan.output.atomic import check_targets
    from eduplan.output.guard import Inputs
    from eduplan.render import Renderer, Request, output_name
    from eduplan.words.labels import unknown_label_keys

    plan, loaded = load_whole(path)
    for key in unknown_label_keys(plan.labels):
        message = _("labels: {key!r} is not a label eduplan uses; it is ignored").format(key=key)
        sys.stderr.write(f"eduplan: warning: {message}\n")

    kinds = list(dict.fromkeys(document or [DocumentChoice.plan]))
    if year is not None and not {DocumentChoice.action_plan, DocumentChoice.report} & set(kinds):
        raise UsageError(_("--year chooses the year of an action plan or report; add --document action-plan or report"))
    if budget_digits is DigitsChoice.thai and digits is DigitsChoice.arabic:
        raise UsageError(_("--budget-digits thai needs --digits thai: the budgets follow the document's digits"))
    requests = [
        Request(kind.value, fmt.value, y, digits.value, lang.value, charts.value, _value(budget_digits), colophon)
        for kind in kinds
        for y in _years(plan, kind, year)
    ]
    _say_none(plan, kinds, year, bool(requests))
    styles = _reference(reference, loaded.root) if fmt is FormatChoice.docx else None
    try:
        images = plan_images(plan, loaded.root)
    except ImageProblem as problem:
        raise UsageError(str(problem)) from None
    renderer = Renderer(templates, None if styles is None else styles[1], images)
    if output == "-":
        if fmt in (FormatChoice.pdf, FormatChoice.docx) or len(requests) > 1:
            raise UsageError(
                _(
                    "-o - (standard output) takes one Markdown or HTML document; "
                    "give a file or directory for PDF or Word"
                )
            )
        sys.stdout.write(renderer.text(plan, requests[0]))
        return
    targets = _targets(output, [output_name(plan, r) for r in requests])
    inputs = Inputs().add(loaded.root, N_("the plan")).add_files(loaded.files, N_("a file of the plan"))
    inputs.add(templates, N_("the templates"))
    if styles is not None:
        inputs.add(styles[0], N_("the reference document"))
    check_targets(targets, inputs)  # before rendering: a refused target costs no PDF
    _write_all(renderer, plan, list(zip(requests, targets, strict=True)), inputs)


def _value(digits: DigitsChoice | None) -> Digits | None:
    """The digits a choice names, or None."""
    return None if digits is None else digits.value


def _reference(given: Path | None, root: Path) -> tuple[Path, tuple[bytes, str]] | None:
    """The Word document whose styles the .docx take: ``--reference``, else the plan folder's ``reference.docx``.

    Raises:
        UsageError: the file cannot be read (``--reference`` names a file that is not there, or one too large).
    """
    from eduplan.load.files import read_bounded
    from eduplan.word.bounds import MAX_DOCX_BYTES

    path = given
    if path is None:
        beside = (root if root.is_dir() else root.parent) / "reference.docx"
        if not beside.is_file():
            return None
        path = beside
    data, reason = read_bounded(path, MAX_DOCX_BYTES)
    if data is None:
        raise UsageError(_("{file}: cannot read the reference document: {reason}").format(file=path, reason=reason))
    return path, (data, str(path))


def _years(plan: Plan, kind: DocumentChoice, year: int | None) -> list[int | None]:
    """The years (fiscal or academic) to render of one kind of document; empty when the plan has none.

    The plan has none; otherwise the year asked for, else every year that has an action plan
    (action plans) or a report (reports). A year of the period without an action plan is rendered
    only when asked for by ``--year`` (it says that the plan has no projects for it yet).
    """
    if kind is DocumentChoice.plan:
        return [None]
    if year is not None:
        return [year]
    documents = plan.action_plans if kind is DocumentChoice.action_plan else plan.reports
    return list[int | None](sorted({d.year for d in documents}))


_NONE = {
    DocumentChoice.action_plan: N_(
        "the plan has no action plans (action-plans/*.yaml); there is no action plan to render "
        "(--year renders a year's targets without projects)"
    ),
    DocumentChoice.report: N_("the plan has no performance reports (reports/*.yaml); there is no report to render"),
}
"""Why a kind of annual document asked for without ``--year`` has none to render."""


def _say_none(plan: Plan, kinds: list[DocumentChoice], year: int | None, some: bool) -> None:
    """One line for each kind of document asked for that the plan has none of: a warning beside other documents.

    Raises:
        UsageError: nothing at all would be rendered.
    """
    for kind in kinds:
        if not _years(plan, kind, year):
            if not some:
                raise UsageError(_(_NONE[kind]))
            sys.stderr.write(f"eduplan: warning: {_(_NONE[kind])}\n")


def _targets(output: str | None, names: list[str]) -> list[Path]:
    """Where each document goes.

    Without ``-o``, files with default names in the current directory. ``-o DIR`` (an existing
    directory, a path ending in ``/``, or, for several documents, a name without an extension)
    puts default names in it; otherwise ``-o FILE`` takes the one document.
    """
    if output is None:
        return [Path(name) for name in names]
    target = Path(output)
    as_dir = target.is_dir() or output.endswith(("/", os.sep))
    if len(names) > 1 and not as_dir:
        if target.exists() or target.suffix:
            raise UsageError(
                ngettext(
                    "-o {output}: {count} document needs a directory (end the name with /)",
                    "-o {output}: {count} documents need a directory (end the name with /)",
                    len(names),
                ).format(output=output, count=len(names))
            )
        as_dir = True
    return [target / name for name in names] if as_dir else [target]


def _write_all(renderer: Renderer, plan: Plan, jobs: list[tuple[Request, Path]], inputs: Inputs) -> None:
    """Render every document (PDFs in parallel; a progress bar on a terminal), then write them all or none."""
    from eduplan.output.atomic import Batch

    targets = dict(jobs)
    batch = Batch(inputs)
    with _reporter(len(jobs)) as rendered:
        for request, data in renderer.render_all(plan, [request for request, _ in jobs]):
            batch.add(targets[request], data)
            rendered()
    for written in batch.commit():
        print(written, file=sys.stderr)
    for request, warning in renderer.warnings:
        sys.stderr.write(f"eduplan: warning: {targets[request]}: {warning}\n")


@contextmanager
def _reporter(total: int) -> Iterator[Callable[[], None]]:
    """Yield the callback to call for each rendered document: a Rich progress bar for several on a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True, markup=False, emoji=False, highlight=False)
    with Progress(TextColumn(_("rendering")), BarColumn(), MofNCompleteColumn(), console=console) as bar:
        task = bar.add_task("", total=total)
        yield lambda: bar.update(task, advance=1)
