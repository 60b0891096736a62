"""The Typer app: its command group, ``--version``, and the commands registered in help order.

Commands import what they need when they run, so that ``eduplan --version`` and ``--help``
stay fast. Every :class:`~eduplan.errors.EduplanError` and every usage error (a bad option
value, a missing argument, an unknown option) is caught here, in the app's own group, and
printed as one line on stderr (exit code 2); findings decide exit code 1.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from eduplan import __version__
from eduplan.cli import diff, explain, gaps, init, plan, render, sheet, validate
from eduplan.cli.common import EXIT_TROUBLE
from eduplan.errors import EduplanError

if TYPE_CHECKING:
    pass

__all__ = ["app", "run"]


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


def run() -> None:
    """Run the app (its group prints every error as one line on stderr)."""
    try:
        app(prog_name="eduplan")  # not "python -m eduplan" in usage lines
    except KeyboardInterrupt:
        sys.stderr.write("eduplan: interrupted\n")
        sys.exit(130)


# The commands, in the order of `eduplan --help`. Each module holds one thin command function and
# imports what it needs when it runs, so that `eduplan --version` and `--help` stay fast.
app.command()(validate.validate)
app.command()(gaps.gaps)
app.command()(explain.explain)
app.command()(render.render)
app.command()(diff.diff)
app.command()(plan.export)
app.command()(plan.schema)
app.command("import")(sheet.import_)
app.command()(init.init)
