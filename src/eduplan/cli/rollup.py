"""``eduplan rollup PLAN --year Y``: the office's indicators computed from its units' returns, with coverage.

The returns are gathered by :func:`eduplan.collect.returns.gather` (the forms in ``returns/<year>/``, and the
reports of units that keep their own plan); the figures are computed by :func:`eduplan.rollup.engine.roll_up`;
the register's and declarations' rules (RG, RU) run first. ``--write`` writes the figures into the report of the
year as actuals (:mod:`eduplan.rollup.write`), surgically and all at once, after a trial load. ``--trace`` shows
the units behind one figure.
"""

from __future__ import annotations

import gc
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eduplan.cli.common import EXIT_FINDINGS, choice, fail, print_findings
from eduplan.errors import UsageError
from eduplan.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from eduplan.findings import Finding
    from eduplan.load.loader import LoadResult
    from eduplan.model import Plan
    from eduplan.model.walk import IndicatorAt
    from eduplan.rollup.engine import RollupResult

__all__ = ["rollup"]


class Format(StrEnum):
    """The formats of ``eduplan rollup``."""

    human = "human"
    json = "json"
    csv = "csv"


class By(StrEnum):
    """What ``--trace`` groups the units by."""

    district = "district"
    province = "province"
    size = "size"


def rollup(
    plan: Annotated[Path, typer.Argument(help="The plan directory (with plan.yaml, register.yaml and returns/).")],
    year: Annotated[int, typer.Option("--year", help="The year to roll up (fiscal, or academic as the plan counts).")],
    output_format: Annotated[
        Format, typer.Option("--format", "-f", **choice(Format), help="human (default), json or csv.")
    ] = Format.human,
    write: Annotated[
        bool, typer.Option("--write", help="Write the figures into the report of the year as actuals.")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="With --write: replace actuals typed by hand too (and say so).")
    ] = False,
    trace: Annotated[
        str | None,
        typer.Option("--trace", metavar="INDICATOR", help="Show the units behind the figure of this indicator."),
    ] = None,
    by: Annotated[
        By | None,
        typer.Option("--by", **choice(By), help="With --trace: group the units by district, province or size."),
    ] = None,
) -> None:
    """Compute the indicators that declare `rollup:` from the units' returns of a year.

    Each figure is computed for the whole office and for each district, province and size class, with its
    coverage: the units whose answers count over the units the register expects that year (never above
    100%). A return that cannot be counted is a located finding (`returns/2567/1052140123.xlsx!C7`) and is left
    out, never guessed. With --write the figures become the actuals of the report of the year (reports/2567.yaml),
    changed where they are written, comments kept; an actual typed by hand is kept unless --replace.

    Exit codes: 0 done, 1 findings that are errors (returns left out, a coverage too low: the rest is written;
    an error of the register or of a declaration: nothing is written), 2 trouble.
    """
    from eduplan.check.config import Settings
    from eduplan.check.pipeline import check_result
    from eduplan.collect.returns import gather, returns_folder
    from eduplan.findings import Severity
    from eduplan.load.whole import load_whole
    from eduplan.rollup.engine import roll_up
    from eduplan.rollup.present import as_csv, as_json, human
    from eduplan.rollup.present import trace as traced

    # the command line starts with the collector off (eduplan.cli.startup); reading hundreds of workbooks
    # leaves cycles (openpyxl's) that only the collector frees: 3 GB at 30,000 schools without it, not 0.5
    gc.freeze()
    gc.enable()
    office, loaded = load_whole(plan)
    if office.unit_register is None or not office.unit_register.units:
        raise UsageError(
            _("{plan}: the plan has no register of units: add register.yaml beside plan.yaml").format(plan=plan)
        )
    if year not in office.period.years:
        raise UsageError(
            _("--year {year}: not a year of the plan ({start}-{end})").format(
                year=year, start=office.period.start, end=office.period.end
            )
        )
    if trace is not None and not any(at.indicator.id == trace for at in _rolled_up(office)):
        raise UsageError(_("--trace {id}: no indicator of the plan with that id declares `rollup:`").format(id=trace))
    if by is not None and trace is None:
        raise UsageError(_("--by goes with --trace"))
    checked = check_result(loaded, Settings(select=("RG", "RU")))
    gathered = gather(office, loaded, year)
    result = roll_up(office, gathered.returns, year, source=loaded.source, only=[trace] if trace else [])
    findings = sorted([*checked.findings, *gathered.findings, *result.findings], key=lambda f: f.sort_key)
    if not result.figures:
        raise UsageError(_("{plan}: no indicator of the plan declares `rollup:`").format(plan=plan))
    if trace is not None:
        print("\n".join(traced(result.figures[0], by.value if by else None)))
    elif output_format is Format.json:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
    elif output_format is Format.csv:
        sys.stdout.write(as_csv(result))
    else:
        print("\n".join(human(result)).rstrip("\n"))
    errors = [f for f in findings if f.severity is Severity.ERROR and f.accepted is None]
    if write:
        register_errors = [f for f in checked.findings if f.severity is Severity.ERROR and f.accepted is None]
        _write(office, loaded, result, findings, register_errors, returns_folder(loaded.root, year), replace=replace)
    else:
        print_findings(findings, sys.stderr)
    if errors:
        raise typer.Exit(EXIT_FINDINGS)


def _rolled_up(office: Plan) -> list[IndicatorAt]:
    from eduplan.model.walk import all_indicators

    return [at for at in all_indicators(office) if at.indicator.rollup is not None]


def _write(
    office: Plan,
    loaded: LoadResult,
    result: RollupResult,
    findings: list[Finding],
    errors: list[Finding],
    folder: Path,
    *,
    replace: bool,
) -> None:
    from eduplan.edit.writeback import prepare, trial_load
    from eduplan.output.atomic import Batch
    from eduplan.output.guard import Inputs
    from eduplan.rollup.write import planned_actuals

    base = loaded.root if loaded.root.is_dir() else loaded.root.parent
    shown = folder.relative_to(base).as_posix() if folder.is_relative_to(base) else str(folder)
    planned = planned_actuals(office, result, loaded.source, returns=shown, replace=replace)
    print_findings(sorted([*findings, *planned.findings], key=lambda f: f.sort_key), sys.stderr)
    if errors:  # the register or a declaration is wrong: no figure can be trusted
        fail(
            ngettext(
                "the register or a declaration has {count} error: nothing written",
                "the register or a declaration has {count} errors: nothing written",
                len(errors),
            ).format(count=len(errors)),
            EXIT_FINDINGS,
        )
    for line in planned.said:
        print(line, file=sys.stderr)
    if not planned.values and not planned.new_reports:
        print(_("nothing to write"), file=sys.stderr)
        return
    texts = prepare(loaded, planned.values, planned.new_reports)
    broken = trial_load(loaded.root, texts)
    if broken:
        print_findings(broken, sys.stderr)
        fail(_("the figures would leave the plan with errors; nothing written"), EXIT_FINDINGS)
    batch = Batch(Inputs().add(folder, N_("the returns")))
    for text in texts:
        batch.add(text.path, text.data())
    for written in batch.commit():
        print(f"eduplan: {written}", file=sys.stderr)
