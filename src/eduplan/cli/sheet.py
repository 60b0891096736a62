"""``eduplan import``: actuals, project results, the indicator table and outputs from an XLSX workbook.

``eduplan export --format xlsx`` (in :mod:`eduplan.commands.plan`) writes the workbook; this
command reads the same layout back. openpyxl and the import machinery are imported inside the
command, so that other commands never load them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from eduplan.cli.common import EXIT_FINDINGS, fail, print_findings
from eduplan.errors import UsageError
from eduplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from eduplan.edit.writeback import FileText
    from eduplan.load.loader import LoadResult
    from eduplan.sheet.importer import Change, ImportPlan


def import_(
    workbook: Annotated[
        Path,
        typer.Argument(
            help="The XLSX workbook, in the layout `eduplan export --format xlsx` writes; or an office's plan as a "
            "Word .docx, imported into a new plan folder."
        ),
    ],
    into: Annotated[
        Path, typer.Option("--into", help="The plan directory (or plan file) to update; for a .docx, the new folder.")
    ],
    year: Annotated[
        list[int] | None,
        typer.Option(
            "--year",
            help="Import only the actuals and project results of this year (fiscal, or academic for a school's "
            "plan); repeatable.",
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.")] = False,
) -> None:
    """Read actuals, project results, the indicator table and projects' outputs into the YAML.

    The actuals include a SAR's levels and scores; the indicator table's targets, units, owners
    and baselines; the outputs' units, targets and quarter targets.

    Only the cells that differ from the plan change, each where it is written in the YAML:
    comments, the modeline and the layout of everything else stay as they are. A bad cell is
    reported as sheet!C12 and nothing is written. Exit codes: 0 imported (or nothing to
    change), 1 bad cells (nothing written), 2 trouble (a plan with errors among it).

    A Word .docx (an office's existing plan) makes a new plan folder instead, with located
    findings for what it cannot read (`plan.docx: table 12, row 3, column 5`); exit 1 when
    the document lacks a title, office, period or strategy (nothing written).
    """
    if workbook.suffix.lower() == ".docx":
        from eduplan.cli.word import import_word

        return import_word(workbook, into, dry_run=dry_run, year=year)
    from eduplan.edit.writeback import prepare, trial_load
    from eduplan.load.whole import load_whole
    from eduplan.output.atomic import Batch
    from eduplan.output.guard import Inputs
    from eduplan.sheet.importer import plan_import
    from eduplan.sheet.read import read_workbook
    from eduplan.sheet.tables import INDICATORS

    plan, loaded = load_whole(into)
    if not workbook.is_file():
        raise UsageError(_("{file}: no such file").format(file=workbook))
    sheets = read_workbook(workbook, str(workbook))
    if not any(s.kind for s in sheets.values()) and not any(s.problems for s in sheets.values()):
        raise UsageError(
            _(
                "{file}: no sheet of the layout (named '{indicators}', 'actuals-<year>' or 'results-<year>',"
                " or marked by the export); start from a workbook written by `eduplan export --format xlsx`"
            ).format(file=workbook, indicators=INDICATORS)
        )
    planned = plan_import(plan, sheets, set(year) if year else None)
    print("\n".join(planned.summary()))
    for problem in planned.problems:
        print(problem, file=sys.stderr)
    if planned.errors:
        count = len(planned.errors)
        said = ngettext(
            "{file}: {count} bad cell; nothing was written", "{file}: {count} bad cells; nothing was written", count
        )
        fail(said.format(file=workbook, count=count), EXIT_FINDINGS)
    texts = prepare(loaded, [(c.path, c.new) for c in planned.changes], planned.new_reports)
    broken = trial_load(loaded.root, texts)
    if broken:
        print_findings(broken, sys.stderr)
        fail(
            _("{file}: the imported values would leave the plan with errors; nothing was written").format(
                file=workbook
            ),
            EXIT_FINDINGS,
        )
    _list_changes(planned, texts, loaded)
    if not texts:
        print(_("nothing to import: {file} matches {plan}").format(file=workbook, plan=into))
        return
    summary = _total(planned, len(texts))
    if dry_run:
        print(_("dry run: would import {changes}; nothing was written").format(changes=summary))
        return
    batch = Batch(Inputs().add(workbook, N_("the workbook")))
    for text in texts:
        batch.add(text.path, text.data())
    for written in batch.commit():  # every file of the import, or none
        if written.link is not None:
            print(f"eduplan: {written}", file=sys.stderr)
    print(_("imported {changes}").format(changes=summary))


def _list_changes(planned: ImportPlan, texts: list[FileText], loaded: LoadResult) -> None:
    """One line per change (a removal reads ``-> (removed)``), in file order, then each new report."""
    for _key, line in sorted(_describe(change, loaded) for change in planned.changes):
        print(line)
    for new_year, report in sorted(planned.new_reports.items()):
        path = next((t.path for t in texts if t.old is None and t.path.stem == str(new_year)), loaded.root)
        print(_("{file}: new report of {year} with {items}").format(file=path, year=new_year, items=_count(report)))


def _total(planned: ImportPlan, files: int) -> str:
    """``3 changes (1 removal) into 2 files``: every change, every item of a new report."""
    from eduplan.edit.yamledit import DELETE

    count = len(planned.changes) + sum(
        len(r.get("actuals", ())) + len(r.get("projects", ())) for r in planned.new_reports.values()
    )
    removals = sum(1 for c in planned.changes if c.new is DELETE)
    # TRANSLATORS: {changes} is "3 changes", {files} is "2 files": what an import writes
    changes = ngettext("{count} change", "{count} changes", count).format(count=count)
    into = ngettext("{count} file", "{count} files", files).format(count=files)
    if not removals:
        return _("{changes} into {files}").format(changes=changes, files=into)
    return ngettext(
        "{changes} ({count} removal) into {files}", "{changes} ({count} removals) into {files}", removals
    ).format(changes=changes, count=removals, files=into)


def _count(report: dict[str, Any]) -> str:
    """What a new report holds: ``2 actuals and 1 project result``."""
    actuals, results = len(report.get("actuals") or ()), len(report.get("projects") or ())
    said_actuals = ngettext("{count} actual", "{count} actuals", actuals).format(count=actuals)
    said_results = ngettext("{count} project result", "{count} project results", results).format(count=results)
    if actuals and results:
        return _("{actuals} and {results}").format(actuals=said_actuals, results=said_results)
    return said_actuals if actuals else said_results


def _describe(change: Change, loaded: LoadResult) -> tuple[tuple[str, int, int], str]:
    """One line per change, ``file:line:col: what: old -> new  (cell)``, with its sort key."""
    span = loaded.source.span(change.path)
    key = (span.file, span.line, span.col) if span else (str(loaded.root), 0, 0)
    where = f"{key[0]}:{key[1]}:{key[2]}" if span else key[0]
    cell = (
        change.ref
        if change.formula is None
        else _("{cell}, the saved result of {formula}").format(cell=change.ref, formula=change.formula)
    )
    return key, f"{where}: {change.what}: {_show(change.old)} -> {_show(change.new)}  ({cell})"


def _show(value: Any) -> str:
    from eduplan.edit.yamledit import DELETE, render_flow
    from eduplan.model import Change, Range
    from eduplan.sheet.tables import format_value

    if value is None:
        return _("(none)")
    if value is DELETE:
        return _("(removed)")
    if isinstance(value, dict) and value and set(value) <= {"min", "max"}:
        value = Range.model_validate(value)
    elif isinstance(value, dict) and {"increase", "decrease"} & value.keys():
        value = Change.model_validate(value)
    if isinstance(value, Range | Change):
        return str(format_value(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return render_flow(value)
