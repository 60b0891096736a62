"""Commands on the plan as data: ``export`` and ``schema``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eduplan.cli.common import OUTPUT_HELP, to_json
from eduplan.errors import UsageError
from eduplan.i18n import N_, _

if TYPE_CHECKING:
    from eduplan.output.atomic import Written


class ExportFormat(StrEnum):
    """Formats of ``eduplan export``."""

    json = "json"
    yaml = "yaml"
    xlsx = "xlsx"


def export(
    path: Annotated[Path, typer.Argument(help="A plan directory (with plan.yaml) or a single plan file.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP + " A workbook (xlsx) needs a file.")
    ] = None,
) -> None:
    """Print the loaded, normalised plan (every file of it, in one document) on stdout.

    With --format xlsx, write a workbook (-o FILE.xlsx): the indicator table, the projects of each
    action plan and the actuals of each year, in the layout `eduplan import` reads back.

    Exit codes: 0 written, 1 the plan has errors (nothing written), 2 usage or IO trouble.
    """
    from eduplan.load.whole import load_whole
    from eduplan.model.export import dump
    from eduplan.output.atomic import check_targets, write_bytes, write_text
    from eduplan.output.guard import Inputs

    if output == Path("-"):
        output = None
    if fmt is ExportFormat.xlsx and output is None:
        raise UsageError(_("--format xlsx writes a workbook: give the file with -o FILE.xlsx"))

    plan, loaded = load_whole(path)
    inputs = Inputs().add(loaded.root, N_("the plan")).add_files(loaded.files, N_("a file of the plan"))
    if output is not None:
        check_targets([output], inputs)
    if fmt is ExportFormat.xlsx:
        from eduplan.sheet.write import workbook_bytes

        assert output is not None
        from eduplan.output.sourcedate import source_time

        when = source_time()
        _noted(write_bytes(output, workbook_bytes(plan, when=when.replace(tzinfo=None) if when else None), inputs))
        return
    text = dump(plan, fmt.value)
    if output is None:
        sys.stdout.write(text)
    else:
        _noted(write_text(output, text, inputs))


def _noted(written: Written) -> None:
    """Say where a file went when its name is a symbolic link (a quiet command says nothing else)."""
    if written.link is not None:
        sys.stderr.write(f"eduplan: {written}\n")


class SchemaKind(StrEnum):
    """The schemas ``eduplan schema`` ships (``eduplan.schema.ALL_KINDS``)."""

    plan = "plan"
    policy = "policy"
    action_plan = "action-plan"
    report = "report"
    findings = "findings"
    diff = "diff"


def schema(
    kind: Annotated[
        SchemaKind | None,
        typer.Argument(
            help="A plan file (plan, policy, action-plan, report) or a JSON output (findings of validate, diff); "
            "default: plan, or every schema with --output.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="DIR", help="Write KIND.schema.json files into this directory."),
    ] = None,
) -> None:
    """Print the JSON Schema of a plan file or of validate's and diff's JSON, or write every schema into a directory."""
    from eduplan.model.schema import ALL_KINDS
    from eduplan.output.atomic import Batch

    if output is None:
        sys.stdout.write(_schema_text(kind or "plan"))
        return
    if output.exists() and not output.is_dir():
        raise UsageError(
            _("{path}: not a directory; -o names the directory to write the schemas into").format(path=output)
        )
    batch = Batch()
    for name in [kind] if kind else ALL_KINDS:
        batch.add_text(output / f"{name}.schema.json", _schema_text(name))
    for written in batch.commit():
        if written.link is not None:
            _noted(written)


def _schema_text(kind: str) -> str:
    """A schema as written: the hand-written output schemas byte for byte, the models' as eduplan's JSON."""
    from eduplan.model.schema import OUTPUT_KINDS, schema_for, shipped_text

    return shipped_text(kind) if kind in OUTPUT_KINDS else to_json(schema_for(kind))
