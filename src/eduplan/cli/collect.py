"""``eduplan collect``: the forms the schools fill in for a year, one workbook per school (or one for all).

The forms hold exactly what the office's indicators with a ``rollup:`` declaration ask of each school that
year (:mod:`eduplan.collect.form`), written by :mod:`eduplan.collect.write`. The returns are read back by
``eduplan rollup`` from ``returns/<year>/`` beside the plan. openpyxl and the collect stage are imported
inside the command, so that other commands never load them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eduplan.errors import UsageError
from eduplan.i18n import N_, _, ngettext


def collect(
    plan: Annotated[Path, typer.Argument(help="The office's plan directory (with plan.yaml and register.yaml).")],
    year: Annotated[
        int, typer.Option("--year", help="The year the schools report (fiscal, or academic as the plan counts).")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The folder to write the forms into.")],
    one_workbook: Annotated[
        bool, typer.Option("--one-workbook", help="One workbook for every school, a row each (all.xlsx).")
    ] = False,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DATE", help="The day the forms are due, shown on them: 15/10/2567."),
    ] = None,
) -> None:
    """Write the forms the schools fill in for a year: their questions, in the run's language.

    One workbook per school the register expects that year (`DIR/<code>.xlsx`), or with --one-workbook one
    for all (`DIR/all.xlsx`): the school's code and name locked, the questions of every indicator that
    declares a roll-up and takes the school in its scope, a yellow answer cell each (a drop-down for
    levels and yes/no), and instructions. A school that keeps its own plan (the register's `plan:`) gets
    no form: its report feeds the office. Put the returned forms in `returns/<year>/` beside the plan;
    `eduplan rollup` reads them.

    Exit codes: 0 written, 2 trouble (the plan has errors, no register, no indicator with a roll-up).
    """
    import gc

    from eduplan.collect.answers import be_day
    from eduplan.collect.form import asks_of, forms_of
    from eduplan.collect.write import form_bytes
    from eduplan.load.whole import load_whole
    from eduplan.output.atomic import Batch
    from eduplan.output.guard import Inputs
    from eduplan.output.sourcedate import source_time
    from eduplan.sheet.layout import year_word
    from eduplan.words.thaidate import parse_date

    # the command line starts with the collector off (eduplan.cli.startup); each workbook openpyxl builds leaves
    # cycles only the collector frees (one form per school: hundreds of workbooks)
    gc.freeze()
    gc.enable()
    office, loaded = load_whole(plan)
    if office.unit_register is None or not office.unit_register.units:
        raise UsageError(
            _("{plan}: the plan has no register of units: add register.yaml beside plan.yaml").format(plan=plan)
        )
    if not asks_of(office):
        raise UsageError(
            _("{plan}: no indicator of the plan declares `rollup:`: there is nothing to collect").format(plan=plan)
        )
    if year not in office.period.years:
        raise UsageError(
            _("--year {year}: not a year of the plan ({start}-{end})").format(
                year=year, start=office.period.start, end=office.period.end
            )
        )
    due_day = None
    if due is not None:
        try:
            due_day = be_day(parse_date(due).isoformat())
        except ValueError as exc:
            raise UsageError(f"--due: {exc}") from None
    forms, skipped = forms_of(office, year, one_workbook=one_workbook, due=due_day)
    if not forms and not skipped:
        raise UsageError(
            _("{plan}: no unit of the register is expected to report in {year}").format(plan=plan, year=year)
        )
    if output.exists() and not output.is_dir():
        raise UsageError(_("{path}: not a directory; -o names the folder to write the forms into").format(path=output))
    when = source_time()
    stamp = when.replace(tzinfo=None) if when else None
    words = year_word(office)
    inputs = Inputs().add(loaded.root, N_("the plan")).add_files(loaded.files, N_("a file of the plan"))
    batch = Batch(inputs)
    for form in forms:
        batch.add(output / form.name, form_bytes(form, words, when=stamp))
    for written in batch.commit():
        if written.link is not None:
            print(f"eduplan: {written}", file=sys.stderr)
    for skip in skipped:
        print(
            _("{code} {name}: keeps its own plan ({folder}): no form; its report feeds the office").format(
                code=skip.unit.code, name=skip.unit.name, folder=skip.plan
            )
        )
    schools = sum(len(form.units) for form in forms)
    said = ngettext(
        "wrote {forms} for {count} school into {folder}", "wrote {forms} for {count} schools into {folder}", schools
    )
    count = len(forms)
    print(
        said.format(
            forms=ngettext("{count} form", "{count} forms", count).format(count=count), count=schools, folder=output
        )
    )
