"""The Typer app: its command group, ``--version``, and the commands registered in help order.

Commands import what they need when they run, so that ``eduplan --version`` and ``--help``
stay fast, and the app builds only the command the line names (:class:`_Commands`): Typer would
read the annotations of every command and build every option on each run. Every
:class:`~eduplan.errors.EduplanError` and every usage error (a bad option value, a missing
argument, an unknown option) is caught here, in the app's own group, and printed as one line on
stderr (exit code 2); findings decide exit code 1.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Iterator, MutableMapping
from difflib import get_close_matches
from typing import Annotated, Any

import typer
from typer._click import Command
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo

from eduplan import __version__, i18n
from eduplan.cli import (
    collect,
    diff,
    explain,
    gaps,
    helpscreen,
    init,
    plan,
    register,
    render,
    rollup,
    sheet,
    site,
    thaiwrap,
    usage,
    validate,
)
from eduplan.cli.coercion import lighten
from eduplan.cli.common import EXIT_TROUBLE, configured_lang
from eduplan.errors import EduplanError

__all__ = ["app", "run"]


class _InWords(Command):
    """What the group and every command share: usage errors that name the command, help in the run's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Click's parsing; words left over are :class:`~.usage.ExtraArguments`; every usage error names the command."""
        allowed = ctx.allow_extra_args  # a group's: its command and the command's words
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise usage.ExtraArguments(rest, ctx)
        return rest

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        """The usage line, ``Usage:`` in the run's language."""
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), helpscreen.usage_prefix())

    def get_help_option(self, ctx: Any) -> Any:
        """``--help``, in the run's language."""
        option = helpscreen.help_option(super().get_help_option(ctx))
        lighten([option])
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help screen, Typer's own words in the run's language."""
        helpscreen.show_in_language()
        helpscreen.breakable_help(self, self.get_help_option(ctx))
        with thaiwrap.wrapping_at_word_breaks():
            super().format_help(ctx, formatter)


class _Group(_InWords, TyperGroup):
    """The app's command group: every error that stops a command is one line on stderr, in the run's language.

    Click (through Typer) would print a usage error as a box of five or six lines; eduplan
    promises ``eduplan: error: ...`` and exit code 2 for every kind of trouble, so the group
    runs the command line in click's non-standalone mode and prints the errors itself.
    ``--help`` and ``--version`` are unchanged. Tests that invoke ``app`` in-process see the
    same lines and exit codes as the installed command.
    """

    def __init__(self, **attrs: Any) -> None:
        """The group as Typer builds it, with ``--lang`` and words for every value (:mod:`.helpscreen`).

        Its commands are the app's, each built when named (:class:`_Commands`).
        """
        super().__init__(**attrs)
        commands = _Commands(app.lazy_commands, app)
        commands.update(self.commands)
        self.commands = commands
        helpscreen.prepare([self])
        lighten(self.params)

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: ARG002  # click's signature
        """The names of the commands, in help order, without building them."""
        return list(self.commands)

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
        except EduplanError:
            with i18n.using(i18n.choose(None, configured_lang)):  # said in the language the run speaks without it
                code = _error(_lang_error(argv))
        else:
            with i18n.using(i18n.choose(option, configured_lang)):
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
            if type(exc).__name__ == "NoArgsIsHelpError":
                code = EXIT_TROUBLE
            elif isinstance(exc, UsageError):
                code = _error(usage.message(exc))
            else:
                code = _error(str(exc))
        except typer.Abort:
            code = _error(i18n._("aborted"))
        return code

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command ``args`` name; an unknown name is :class:`~.usage.NoSuchCommand`, with the names meant."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise usage.NoSuchCommand(name, get_close_matches(name, list(self.commands)), ctx)
        return super().resolve_command(ctx, args)


class _Command(_InWords, TyperCommand):
    """A command of the app: usage errors that name it, help in the run's language."""


def _lang_option(argv: list[str]) -> str | None:
    """The value of ``--lang`` anywhere on the command line (help is shown before options are read).

    ``--lang`` with nothing after it is left to the command line's parser ("needs a value").

    Raises:
        EduplanError: the value is neither ``th`` nor ``en``.
    """
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 == len(argv):
            return None
        value = argv[i + 1] if arg == "--lang" else arg.partition("=")[2]
        if arg == "--lang" or arg.startswith("--lang="):
            try:
                return i18n.lang_of(value)
            except ValueError as exc:
                raise EduplanError(f"--lang: {exc}") from None
    return None


def _lang_error(argv: list[str]) -> str:
    """The error of a ``--lang`` that names no language, in the language of the moment."""
    try:
        _lang_option(argv)
    except EduplanError as exc:
        return str(exc)
    return "--lang"  # not reached: called for a --lang that names no language


def _translate_help(command: Any) -> None:
    """Put the help of ``command``, its parameters and subcommands in the run's language (in place).

    Typer builds the commands afresh on every run; their help is written in English in the code
    (docstrings, ``help=``) and translated here, where it is shown (``tools/catalog.py`` reads it
    from the same tree).
    """
    for attribute in ("help", "short_help", "epilog"):
        if text := getattr(command, attribute, None):
            setattr(command, attribute, _paragraphs(i18n._(text)))
    for param in command.params:
        if text := getattr(param, "help", None):
            param.help = i18n._(text)
    commands = getattr(command, "commands", {})
    if isinstance(commands, _Commands):
        commands.translate = _translate_help  # the commands built from now on, as they are built
    for sub in commands.built() if isinstance(commands, _Commands) else commands.values():
        _translate_help(sub)


def _paragraphs(text: str) -> str:
    """A command's help with each paragraph on one line: the screen wraps it, not the docstring's breaks."""
    return "\n\n".join(" ".join(part.split()) for part in inspect.cleandoc(text).split("\n\n"))


def _error(message: str, code: int = EXIT_TROUBLE) -> int:
    sys.stderr.write(f"eduplan: error: {message}\n")
    return code


class _Commands(MutableMapping[str, Any]):
    """The app's commands by name, in help order, each built by Typer when first looked up.

    A run names one command: building it alone spares reading every other command's annotations
    and building its options (Typer's ``get_command`` would build them all). Help screens and
    ``tools/catalog.py`` look every command up, and so build them all. Each is built as the
    app's group built them: ``--lang`` and metavars (:mod:`.helpscreen`), the light value
    readers (:mod:`.coercion`) and, during a run, its help in the run's language.
    """

    def __init__(self, infos: list[CommandInfo], typer_app: typer.Typer) -> None:
        self._infos = {_command_name(info): info for info in infos}
        self._built: dict[str, Any] = {}
        self._app = typer_app
        self.translate: Callable[[Any], None] | None = None

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            info = self._infos[name]  # KeyError: no such command
            command = typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=self._app.pretty_exceptions_short,
                rich_markup_mode=self._app.rich_markup_mode,
            )
            helpscreen.prepare([command])
            lighten(command.params)
            if self.translate is not None:
                self.translate(command)
            self._built[name] = command
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._infos.pop(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._infos and name not in self._built:
            raise KeyError(name)
        self._infos.pop(name, None)
        self._built.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._infos or name in self._built

    def __iter__(self) -> Iterator[str]:
        yield from self._infos
        yield from (name for name in self._built if name not in self._infos)

    def __len__(self) -> int:
        return len(self._infos.keys() | self._built.keys())

    def built(self) -> list[Any]:
        """The commands built so far."""
        return list(self._built.values())


def _command_name(info: CommandInfo) -> str:
    """A command's name, as Typer names it: its own, or its function's with dashes."""
    return info.name or typer.main.get_command_name(getattr(info.callback, "__name__", ""))


class _App(typer.Typer):
    """The Typer app, whose commands its group builds when they are named (:class:`_Commands`).

    ``app.command()`` registers a command as Typer does; the registration is kept apart, so that
    Typer's ``get_command`` builds the group alone.
    """

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.lazy_commands: list[CommandInfo] = []

    def command(  # type: ignore[override]  # Typer's parameters, passed on as they are
        self, *args: Any, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a command, as :meth:`typer.Typer.command`, to be built when named."""
        register = super().command(*args, **kwargs)

        def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
            register(function)
            self.lazy_commands.append(self.registered_commands.pop())
            return function

        return decorator


app = _App(
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
        try:
            lang = i18n.choose(_lang_option(sys.argv[1:]), configured_lang)
        except EduplanError:
            lang = i18n.choose(None, configured_lang)
        with i18n.using(lang):
            said = i18n._("interrupted")
            sys.stderr.write(f"eduplan: {said}\n")
        sys.exit(130)


# The commands, in the order of `eduplan --help`. Each module holds one thin command function and
# imports what it needs when it runs, so that `eduplan --version` and `--help` stay fast.
app.command(cls=_Command)(validate.validate)
app.command(cls=_Command)(gaps.gaps)
app.command(cls=_Command)(explain.explain)
app.command(cls=_Command)(render.render)
app.command(cls=_Command)(diff.diff)
app.command(cls=_Command)(site.site)
app.command(cls=_Command)(plan.export)
app.command(cls=_Command)(plan.schema)
app.command("import", cls=_Command)(sheet.import_)
app.command(cls=_Command)(register.register)
app.command(cls=_Command)(collect.collect)
app.command(cls=_Command)(rollup.rollup)
app.command(cls=_Command)(init.init)
