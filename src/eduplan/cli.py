"""The command line: the only module that knows the terminal, files to write and exit codes.

Commands import what they need when they run, so that ``eduplan --version`` and ``--help``
stay fast. Every :class:`~eduplan.errors.EduplanError` and every usage error (a bad option
value, a missing argument, an unknown option) is caught here, in the app's own group, and
printed as one line on stderr (exit code 2); findings decide exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import EduplanError

if TYPE_CHECKING:
    from pathlib import Path

    from .findings import Finding
    from .model import Plan

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_TROUBLE",
    "OUTPUT_HELP",
    "app",
    "choice",
    "fail",
    "load_or_exit",
    "print_findings",
    "run",
    "to_json",
]

OUTPUT_HELP = "Write to this file instead of standard output (- is standard output)."
"""The words of ``-o/--output`` wherever it names one file."""

_E = TypeVar("_E", bound=StrEnum)

EXIT_FINDINGS = 1
EXIT_TROUBLE = 2


class _Group(TyperGroup):
    """The app's command group: every error that stops a command is one line on stderr.

    Click (through Typer) would print a usage error as a box of five or six lines; eduplan
    promises ``eduplan: error: ...`` and exit code 2 for every kind of trouble, so the group
    runs the command line in click's non-standalone mode and prints the errors itself.
    ``--help`` and ``--version`` are unchanged. Tests that invoke ``app`` in-process see the
    same lines and exit codes as the installed command.
    """

    def main(  # type: ignore[override]  # the same parameters, spelled out for mypy
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; exit (or, not standalone, return) with its exit code."""
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except EduplanError as exc:
            code = _error(str(exc))
        except typer.TyperException as exc:  # click's UsageError, BadParameter, NoSuchOption, ...
            # bare `eduplan`: the help is already printed
            help_shown = type(exc).__name__ == "NoArgsIsHelpError"
            code = EXIT_TROUBLE if help_shown else _error(_usage_message(exc))
        except typer.Abort:
            code = _error("aborted")
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _usage_message(exc: typer.TyperException) -> str:
    """Click's message as one line, naming the command and where its help is."""
    lines = [line.strip() for line in exc.format_message().splitlines() if line.strip()]
    text = "; ".join(lines).replace("Value error, ", "").rstrip(".")
    text = text[:1].lower() + text[1:]
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return text
    path = str(ctx.command_path)
    if ctx.parent is None:
        return f"{text} (see `{path} --help`)"
    return f"{ctx.info_name}: {text} (see `{path} --help`)"


def _error(message: str, code: int = EXIT_TROUBLE) -> int:
    sys.stderr.write(f"eduplan: error: {message}\n")
    return code


app = typer.Typer(
    cls=_Group,
    name="eduplan",
    help="A plan compiler for Thai education offices: validate, render and diff plans written as YAML.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eduplan {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """eduplan: the plan as data."""


def choice(words: type[_E], **aliases: _E) -> dict[str, Any]:
    """``typer.Option`` arguments for a choice of ``words`` that also takes older spellings.

    Help shows only the current words (``<markdown|html|pdf>``); an alias such as ``md`` for
    ``markdown`` is accepted and means the same. Any other value is a usage error naming the
    current words. Use as ``typer.Option("--format", "-f", **choice(Format, md=Format.markdown))``.
    """
    names = [w.value for w in words]
    lookup: dict[str, _E] = {**{w.value: w for w in words}, **aliases}

    def parse(value: str | _E) -> _E:
        if isinstance(value, words):
            return value
        try:
            return lookup[str(value)]
        except KeyError:
            raise typer.BadParameter(f"{str(value)!r} is not one of {', '.join(map(repr, names))}") from None

    parser: Callable[[str], _E] = parse
    return {"parser": parser, "metavar": f"<{'|'.join(names)}>"}


def to_json(body: object) -> str:
    """JSON text for people and tools: UTF-8 as is, indented, newline at the end."""
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def fail(message: str, code: int) -> NoReturn:
    """Print one error line on stderr and exit with ``code``."""
    sys.stderr.write(f"eduplan: error: {message}\n")
    raise typer.Exit(code)


def print_findings(findings: list[Finding], stream: TextIO) -> None:
    """Print findings one per line (the concise format), hints indented below."""
    for f in findings:
        location = str(f.span) if f.span else "-"
        line = f"{location}: {f.severity.value} {f.code} {f.message} ({f.name})"
        if f.hint:
            line += f"\n    hint: {f.hint}"
        print(line, file=stream)


def load_or_exit(path: Path) -> Plan:
    """Load a plan for a command that needs all of it; on errors print them and exit with code 1."""
    from .loader import load_plan

    result = load_plan(path)
    errors = [f for f in result.findings if f.severity.value == "error"]
    if result.plan is None or errors or result.partial:
        print_findings(result.findings, sys.stderr)
        fail(f"{path}: the plan has errors; fix them first (see `eduplan validate {path}`)", EXIT_FINDINGS)
    return result.plan


def run() -> None:
    """Run the app (its group prints every error as one line on stderr)."""
    try:
        app(prog_name="eduplan")  # not "python -m eduplan" in usage lines
    except KeyboardInterrupt:
        sys.stderr.write("eduplan: interrupted\n")
        sys.exit(130)


# Commands register themselves on ``app`` when imported; each keeps its heavy imports inside.
from .commands import diff as _diff_commands  # noqa: E402,F401
from .commands import explain as _explain_commands  # noqa: E402,F401
from .commands import gaps as _gaps_commands  # noqa: E402,F401
from .commands import plan as _plan_commands  # noqa: E402,F401
from .commands import render as _render_commands  # noqa: E402,F401
from .commands import spreadsheet as _spreadsheet_commands  # noqa: E402,F401
from .commands import validate as _validate_commands  # noqa: E402,F401
