"""The ``gaps`` command: what indicators lack and what the projects leave out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from eduplan.errors import UsageError
from eduplan.i18n import _


def gaps(
    paths: Annotated[list[Path], typer.Argument(help="Plan directories, plan files, or folders holding plans.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="human, markdown or json.")] = "human",
    alignment: Annotated[
        Path | None,
        typer.Option(help="Your own list of higher-plan codes (YAML, as eduplan's); adds or replaces schemes."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="Configuration file (default: nearest eduplan.yaml or pyproject.toml).")
    ] = None,
) -> None:
    """Show what indicators lack, what nothing links to, and what the projects leave out.

    Per policy of every level (and for a school's standards): indicators with a unit, owner,
    baseline and every target, an indicator with sub-indicators counted once (it has what all its
    parts have); goals and missions no policy or indicator links to. Per action plan: policies
    without a project (a project on a กลยุทธ์ serves its ประเด็นยุทธศาสตร์ too), indicators no project
    serves, and the higher-plan codes (national strategy, master plans, NDP13, national education
    plan, SDG 4, and the plan's own `schemes:`) the projects and policies never link to. The
    configuration's `alignment: FILE` names a list of codes of your own, as --alignment does.
    """
    from eduplan.analysis.alignment import load_alignment
    from eduplan.analysis.gaps import ALIASES, FORMATS, coverage, render
    from eduplan.check.config import load_settings
    from eduplan.check.pipeline import plan_targets
    from eduplan.load.configfile import config_file
    from eduplan.load.whole import load_whole

    output_format = ALIASES.get(output_format, output_format)
    if output_format not in FORMATS:
        raise UsageError(
            _("{option}: unknown format {value!r}; use one of {formats}").format(
                option="--format", value=output_format, formats=", ".join(FORMATS)
            )
        )
    schemes, source = load_alignment(
        alignment or load_settings(config_file(config, paths[0] if paths else None)).alignment
    )
    reports = []
    for path in plan_targets(paths):
        plan, _loaded = load_whole(path)  # what was dropped would read as gaps
        reports.append(coverage(plan, str(path), schemes, source))
    sys.stdout.write(render(reports, output_format))
