"""The ``explain`` command: what a finding code means, as plain terminal text in the run's language.

A code's documentation is light markup (:mod:`eduplan.explain`); here it becomes text for a
terminal: a heading (code, name, severity), the summary, the paragraphs wrapped to the width of
the terminal, the *Fails:*/*Passes:* labels and the examples indented, exactly as written. Code
spans are shown as they are typed, bold on a terminal; no backquote, asterisk or fence is ever
printed, in Thai or in English.

Thai has no spaces between words, only between phrases: lines break at spaces, and a phrase
longer than the line is cut between words when PyThaiNLP is installed, else between character
clusters (a consonant is never parted from its vowels and tone marks).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from eduplan.errors import UsageError
from eduplan.i18n import _

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from eduplan.findings import CodeInfo

__all__ = ["MAX_WIDTH", "explain", "explanation", "listing", "wrap"]

MAX_WIDTH = 100
"""The widest a paragraph is wrapped, however wide the terminal: longer lines are hard to read."""
INDENT = "    "
"""The indentation of examples under their label."""
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_SPAN_STYLE = {"text": "", "code": "bold cyan", "emphasis": "italic"}
_CONTENT = re.compile(r"\S+")


def explain(
    code: Annotated[str | None, typer.Argument(help="A code (TG02), a dotted name or a family (TG).")] = None,
    list_codes: Annotated[bool, typer.Option("--list", help="List every code with its summary.")] = False,
) -> None:
    """Explain a finding code, with a failing and a passing example."""
    from eduplan.check.pipeline import all_codes
    from eduplan.cli.common import wants_color
    from eduplan.collect.codes import CODES as RETURN_CODES
    from eduplan.rollup.codes import CODES as ROLLUP_CODES
    from eduplan.word.notes import CODES as WORD_CODES

    # validate's codes, a Word import's, the returns', the roll-up's
    codes = {**all_codes(), **WORD_CODES, **RETURN_CODES, **ROLLUP_CODES}
    console = _console(wants_color(sys.stdout))
    if list_codes or code is None:
        for line in listing(codes.values()):
            console.print(line)
        return
    wanted = code.strip()
    found = [i for i in codes.values() if wanted.upper() == i.code or wanted == i.name]
    if not found:
        found = [i for i in codes.values() if i.code.rstrip("0123456789") == wanted.upper()]
    if not found:
        raise UsageError(_("unknown code {code!r}; see eduplan explain --list").format(code=code))
    width = min(_terminal_width(), MAX_WIDTH)
    for n, info in enumerate(found):
        if n:
            console.print()
        for line in explanation(info, width):
            console.print(line)


def explanation(info: CodeInfo, width: int) -> Iterator[Text]:
    """The lines that explain ``info`` in the run's language, wrapped to ``width`` cells."""
    from rich.text import Text

    from eduplan.explain import example_lines, paragraphs, translated

    heading = Text(f"{info.code} ", style="bold")
    heading.append(info.name, style="bold")
    heading.append(" (")
    heading.append(info.severity.word, style=_SEVERITY_STYLE[info.severity.value])
    heading.append(")")
    yield heading
    after_label = False
    for block in paragraphs(info.doc):
        if block.kind == "summary":
            yield from wrap(_styled(translated(block)), width)
            continue
        if not after_label:
            yield Text()
        if block.kind == "label":
            yield Text(translated(block), style="bold")
        elif block.kind == "example":
            yield from _example(example_lines(block))
        else:  # prose, or a literal written after its label
            yield from wrap(_styled(translated(block)), width, INDENT if after_label else "")
        after_label = block.kind == "label"


def listing(codes: Iterable[CodeInfo]) -> Iterator[Text]:
    """One line per code: code, name, severity and summary, in the run's language."""
    from rich.cells import cell_len
    from rich.text import Text

    from eduplan.explain import Block, translated
    from eduplan.findings import Severity

    infos = list(codes)
    names = max((len(i.name) for i in infos), default=0)
    words = max(cell_len(s.word) for s in Severity)
    for info in infos:
        word = info.severity.word
        line = Text(f"{info.code}  {info.name:<{names}} ")
        line.append(word, style=_SEVERITY_STYLE[info.severity.value])
        line.append(" " * (words - cell_len(word) + 1))
        line.append_text(_styled(translated(Block("summary", info.summary))))
        yield line


def wrap(text: Text, width: int, indent: str = "") -> list[Text]:
    """``text`` in lines of at most ``width`` cells (``indent`` included), broken at spaces.

    A run without spaces longer than a line (a long Thai phrase, a path) is cut where
    :func:`_pieces` allows; every line starts with ``indent``; spaces at the ends of lines go.
    """
    from rich.cells import cell_len
    from rich.text import Text

    room = max(width - cell_len(indent), 12)
    plain = text.plain
    pieces = [piece for start, end in _runs(text) for piece in _pieces(plain, start, end, room)]
    lines: list[tuple[int, int]] = []
    for start, end in pieces:
        if lines and cell_len(plain[lines[-1][0] : end]) <= room:
            lines[-1] = (lines[-1][0], end)
        else:
            lines.append((start, end))
    return [Text(indent) + text[start:end] for start, end in lines]


def _runs(text: Text) -> list[tuple[int, int]]:
    """Where ``text`` may not break: its runs without spaces, and each code span whole (``1 - Copy.yaml``)."""
    code = [(span.start, span.end) for span in text.spans if span.style == _SPAN_STYLE["code"]]
    runs: list[tuple[int, int]] = []
    for match in _CONTENT.finditer(text.plain):
        gap = (runs[-1][1], match.start()) if runs else None
        if gap and any(start <= gap[0] and gap[1] <= end for start, end in code):
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    return runs


def _pieces(plain: str, start: int, end: int, room: int) -> list[tuple[int, int]]:
    """The run ``plain[start:end]`` (no spaces) as one piece, or cut into pieces that fit ``room`` cells."""
    from rich.cells import cell_len

    if cell_len(plain[start:end]) <= room:
        return [(start, end)]
    cuts: list[tuple[int, int]] = []
    at = start
    for token in _tokens(plain[start:end]):
        step = (at, at + len(token))
        if cuts and cell_len(plain[cuts[-1][0] : step[1]]) <= room:
            cuts[-1] = (cuts[-1][0], step[1])
        elif cell_len(token) > room:  # one token wider than the line: by characters
            cuts.extend((i, i + 1) for i in range(*step))
        else:
            cuts.append(step)
        at = step[1]
    return cuts


def _tokens(run: str) -> list[str]:
    """A run cut between words (PyThaiNLP, when installed) or else between character clusters."""
    from eduplan.diff.words import clusters

    if re.search("[\u0e00-\u0e7f]", run):
        from eduplan.words.thainlp import offline

        offline()
        try:
            from pythainlp.tokenize import word_tokenize
        except ImportError:
            pass
        else:
            words = [w for w in word_tokenize(run, engine="newmm") if w]
            if "".join(words) == run:
                return words
    return clusters(run)


def _styled(text: str) -> Text:
    """A paragraph's markup as styles: code bold, emphasis italic (plain where colour is off)."""
    from rich.text import Text

    from eduplan.explain import spans

    styled = Text()
    for piece, kind in spans(text):
        styled.append(piece, style=_SPAN_STYLE[kind])
    return styled


def _example(lines: list[str]) -> Iterator[Text]:
    """An example's lines, indented and as written; YAML in colour on a terminal."""
    from rich.syntax import Syntax
    from rich.text import Text

    code = "\n".join(lines)
    highlighted = Syntax(code, "yaml", theme="ansi_dark", background_color="default").highlight(code)
    for line in highlighted.split("\n")[: len(lines)]:
        yield Text(INDENT) + line


def _console(color: bool) -> Console:
    """A console on stdout that prints what it is given: no wrapping, markup or highlighting of its own."""
    from eduplan.console import plain_console

    return plain_console(sys.stdout, color=color)


def _terminal_width() -> int:
    """The width to wrap to: ``COLUMNS`` when set, else the terminal's, else 80 (a pipe, a file)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return 80
