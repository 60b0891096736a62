"""The ``explain`` command: what a finding code means."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from eduplan.errors import UsageError


def explain(
    code: Annotated[str | None, typer.Argument(help="A code (TG02), a dotted name or a family (TG).")] = None,
    list_codes: Annotated[bool, typer.Option("--list", help="List every code with its summary.")] = False,
) -> None:
    """Explain a finding code, with a failing and a passing example."""
    from eduplan.check.pipeline import all_codes
    from eduplan.word.notes import CODES as WORD_CODES

    codes = {**all_codes(), **WORD_CODES}  # validate's codes, then those of a Word import
    if list_codes or code is None:
        for info in codes.values():
            sys.stdout.write(f"{info.code}  {info.name:<28} {info.severity.value:<8} {info.summary}\n")
        return
    wanted = code.strip()
    found = [i for i in codes.values() if wanted.upper() == i.code or wanted == i.name]
    if not found:
        found = [i for i in codes.values() if i.code.rstrip("0123456789") == wanted.upper()]
    if not found:
        raise UsageError(f"unknown code {code!r}; see eduplan explain --list")
    sys.stdout.write("\n\n".join(f"{i.code} {i.name} ({i.severity.value})\n\n{i.doc}" for i in found) + "\n")
