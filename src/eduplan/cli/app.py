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

from eduplan import __version__, i18n
from eduplan.cli import diff, explain, gaps, init, plan, render, sheet, validate
from eduplan.cli.common import EXIT_TROUBLE, configured_lang
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
        """Run the command line in its language; exit (or, not standalone, return) with its exit code."""
        argv = list(sys.argv[1:] if args is None else args)
        try:
            option = _lang_option(argv)
            lang = i18n.choose(option, configured_lang() if option is None else None)
        except EduplanError as exc:
            code = _error(str(exc))
        else:
            with i18n.using(lang):
                code = self._run(argv, prog_name, complete_var, **extra)
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, argv: list[str], prog_name: str | None, complete_var: str | None, **extra: Any) -> Any:
        """Run the command line; its exit code (the errors that stop it printed as one line)."""
        try:
            _translate_help(self)
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except EduplanError as exc:
            code = _error(str(exc))
        except typer.TyperException as exc:  # click's UsageError, BadParameter, NoSuchOption, ...
            # bare `eduplan`: the help is already printed
            help_shown = type(exc).__name__ == "NoArgsIsHelpError"
            code = EXIT_TROUBLE if help_shown else _error(_usage_message(exc))
        except typer.Abort:
            code = _error("aborted")
        return code


def _lang_option(argv: list[str]) -> str | None:
    """The value of ``--lang`` anywhere on the command line (help is shown before options are read).

    Raises:
        EduplanError: the value is neither ``th`` nor ``en``.
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2]
        if arg == "--lang" or arg.startswith("--lang="):
            try:
                return i18n.lang_of(value)
            except ValueError as exc:
                raise EduplanError(f"--lang: {exc}") from None
    return None


def _translate_help(command: Any) -> None:
    """Put the help of ``command``, its parameters and subcommands in the run's language (in place).

    Typer builds the commands afresh on every run; their help is written in English in the code
    (docstrings, ``help=``) and translated here, where it is shown (``tools/catalog.py`` reads it
    from the same tree).
    """
    for attribute in ("help", "short_help", "epilog"):
        if text := getattr(command, attribute, None):
            setattr(command, attribute, i18n._(text))
    for param in command.params:
        if text := getattr(param, "help", None):
            param.help = i18n._(text)
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub)


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
