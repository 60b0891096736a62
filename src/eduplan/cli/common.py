"""What the commands share: exit codes, option helpers, one-line failures, JSON text.

Only :mod:`eduplan.cli` and its command modules import this; nothing below the CLI does.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import typer

from eduplan.cli.usage import BadChoice
from eduplan.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

    from eduplan.findings import Finding
    from eduplan.model import Plan

__all__ = [
    "DIGITS_HELP",
    "EXIT_FINDINGS",
    "EXIT_TROUBLE",
    "OUTPUT_HELP",
    "TEMPLATES_HELP",
    "DigitsChoice",
    "LangChoice",
    "choice",
    "configured_lang",
    "fail",
    "load_or_exit",
    "print_findings",
    "to_json",
    "wants_color",
]

OUTPUT_HELP = "Write to this file instead of standard output (- is standard output)."
"""The words of ``-o/--output`` wherever it names one file."""

DIGITS_HELP = "Digits of the numbers, years and dates eduplan writes."
TEMPLATES_HELP = "A directory of templates that replace the packaged ones file by file."


class DigitsChoice(StrEnum):
    """Digits for the numbers eduplan writes."""

    arabic = "arabic"
    thai = "thai"


class LangChoice(StrEnum):
    """Language of the words eduplan writes (plan text is never translated)."""

    th = "th"
    en = "en"


def configured_lang() -> str | None:
    """The ``lang:`` of the configuration found from the current directory up, if any (a bad file: none).

    :func:`eduplan.i18n.choose` calls it only when neither ``--lang`` nor ``EDUPLAN_LANG`` decides.
    """
    from eduplan.load.configfile import configured_lang as found  # read only when asked

    return found()


_E = TypeVar("_E", bound=StrEnum)

EXIT_FINDINGS = 1
EXIT_TROUBLE = 2


def choice(words: type[_E], **aliases: _E) -> dict[str, Any]:
    """``typer.Option`` arguments for a choice of ``words`` that also takes older spellings.

    Help shows only the current words (``markdown|html|pdf``); an alias such as ``md`` for
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
            raise BadChoice(str(value), names) from None

    parser: Callable[[str], _E] = parse
    return {"parser": parser, "metavar": "|".join(names)}


def wants_color(stream: TextIO, explicit: bool | None = None) -> bool:
    """Whether to colour what goes to ``stream``: every command decides it here, the same way.

    ``--color``/``--no-color`` when given; else ``NO_COLOR`` (set and not empty) turns colour off
    and ``FORCE_COLOR`` on (https://no-color.org); else colour on a terminal only.
    """
    if explicit is not None:
        return explicit
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def to_json(body: object) -> str:
    """JSON text for people and tools: UTF-8 as is, indented, newline at the end."""
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def fail(message: str, code: int) -> NoReturn:
    """Print one error line on stderr and exit with ``code``."""
    sys.stderr.write(f"eduplan: error: {message}\n")
    raise typer.Exit(code)


def print_findings(findings: list[Finding], stream: TextIO) -> None:
    """Print findings one per line (the concise format), hints indented below."""
    from eduplan.reporters.common import plain

    for f in findings:
        line = plain(f)
        if f.hint:
            line += "\n    " + _("hint: {hint}").format(hint=f.hint)
        print(line, file=stream)


def load_or_exit(path: Path) -> Plan:
    """The plan a command needs whole (see :mod:`eduplan.load.whole`: refused with one line, exit 2)."""
    from eduplan.load.whole import load_whole

    return load_whole(path)[0]
