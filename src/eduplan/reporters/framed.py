"""The human format's findings, grouped per file, each with a code frame: plain text, coloured by hand.

Plan text is printed as text: ``[ปี 2566]`` stays as written; spaces YAML does not read as spaces
(a no-break space from Word) show as ``⍽``. Columns in the frame are counted in terminal cells
(:func:`cells`: Thai vowels and tone marks above and below a letter take none, East Asian wide
characters two), so the caret lands under Thai text.

The text is the one Rich drew for this format (eduplan's first human format), byte for byte: the
same control characters dropped (bell, backspace, vertical tab, form feed, carriage return), tabs
in a message set to the next multiple of 8 cells, and with ``--color`` the same terminal codes,
each coloured piece of a line opened and closed on its own. Drawing it without Rich costs a tenth
of the time, so that a run of thousands of plans, whose workers draw each plan's findings
(:func:`prepared_blocks`), is not held up by the process that writes them.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TextIO

from eduplan.check.pipeline import PlanCheck
from eduplan.check.result import RunResult
from eduplan.findings import Finding
from eduplan.i18n import _
from eduplan.load.mistakes import VISIBLE
from eduplan.reporters import ReportOptions, file_lines, source_lines, summary
from eduplan.reporters.common import by_file_and_acceptance, hidden, listed, severity_word, tail

__all__ = ["Painter", "cells", "frame_width", "prepared_blocks", "write_findings"]

CONTEXT = 1
"""Lines shown above and below the offending line."""

_CODES = {
    "bold": "1",
    "dim": "2",
    "bold underline": "1;4",
    "bold underline green": "1;4;32",
    "bold red": "1;31",
    "bold green": "1;32",
    "green": "32",
    "yellow": "33",
    "cyan": "36",
    "dim bold": "1;2",
}
"""Each style the format uses, as terminal (SGR) codes: attributes in Rich's order, then the colour."""
_SEVERITY = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_DROPPED = dict.fromkeys((7, 8, 11, 12, 13))
"""Control characters a terminal would act on (bell, backspace, vertical tab, form feed, carriage return)."""
_TAB = 8

Piece = tuple[str, str | None]
"""A run of text and its style (None: plain)."""


@lru_cache(maxsize=4096)
def _char_cells(char: str) -> int:
    code = ord(char)
    if code < 32 or 0x7F <= code < 0xA0:
        return 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Mc", "Zl", "Zp") or (category == "Cf" and code != 0xAD):
        return 0  # marks above and below a letter (Thai vowels and tone marks), invisible formatting
    if category != "Cn" and unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def cells(text: str) -> int:
    """The terminal cells ``text`` takes: combining marks none, East Asian wide and full-width characters two."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(_char_cells, text))


def frame_width(options: ReportOptions, environ: Mapping[str, str] = os.environ) -> int:
    """The width frames are cut to: ``options.width``, else 120 without colour, else the terminal's.

    The terminal's is ``COLUMNS``, else the size of standard input, output or error, else 80 (and
    80 on a dumb terminal), as Rich measured it for this format.
    """
    width = options.width if options.width else (None if options.color else 120)
    if width is None:
        columns = environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else None
    lines = environ.get("LINES", "")
    if width is not None and lines.isdigit():
        return width
    if options.color and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80
    if width is not None:
        return width
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


class Painter:
    """Lines of styled pieces as text: plain, or with each piece's terminal codes (``color``)."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def line(self, *pieces: Piece) -> str:
        """One printed line (a line break inside a piece starts another), ending with a line break."""
        cleaned = [(text.translate(_DROPPED), style) for text, style in pieces]
        if any("\t" in text for text, _ in cleaned):
            cleaned = _expand_tabs(cleaned)
        if not self.color:
            return "".join(text for text, _ in cleaned) + "\n"
        out: list[str] = []
        for text, style in cleaned:
            if style is None:
                out.append(text)
            else:
                code = _CODES[style]
                out.append("\n".join(f"\x1b[{code}m{part}\x1b[0m" if part else "" for part in text.split("\n")))
        return "".join(out) + "\n"


def _expand_tabs(pieces: list[Piece]) -> list[Piece]:
    """Each tab as the spaces to the next multiple of 8 cells of its line, in its piece's style.

    A piece is cut after each tab's spaces: Rich drew the text up to a tab and the text after it
    as two pieces, each with its own colour codes.
    """
    done: list[Piece] = []
    position = 0
    for text, style in pieces:
        out: list[str] = []
        for n, line in enumerate(text.split("\n")):
            if n:
                out.append("\n")
                position = 0
            parts = line.split("\t")
            for i, part in enumerate(parts):
                out.append(part)
                position += cells(part)
                if i < len(parts) - 1:
                    spaces = _TAB - position % _TAB
                    out.append(" " * spaces)
                    position += spaces
                    done.append(("".join(out), style))
                    out = []
        done.append(("".join(out), style))
    return done


class Framer:
    """Draws findings as the human format shows them, each with its code frame."""

    def __init__(self, options: ReportOptions, lines_of: Callable[[str], list[str]]) -> None:
        self.paint = Painter(options.color)
        self.width = frame_width(options)
        self.lines_of = lines_of

    def heading(self, file: str, accepted: bool) -> str:
        """The line naming a file, marked "(accepted)" over its accepted findings."""
        name = (file or _("(no file)"), "bold underline")
        if accepted:
            return self.paint.line(name, (" " + _("(accepted)"), "bold underline green"))
        return self.paint.line(name)

    def block(self, finding: Finding) -> str:
        """One finding: its line, its frame, its hint and the reason it is accepted."""
        span = finding.span
        style = "green" if finding.accepted is not None else _SEVERITY[finding.severity.value]
        out = [
            self.paint.line(
                ("  ", None),
                (f"{span.line}:{span.col}" if span else "-", "bold"),
                ("  ", None),
                (severity_word(finding), style),
                (f"  {finding.code}  ", "bold"),
                (finding.message, None),
                (f"  {finding.name}", "dim"),
            )
        ]
        if span is not None:
            out.extend(self.frame(self.lines_of(span.file), finding, style))
        if finding.hint:
            out.append(self.paint.line(("      " + _("hint: {hint}").format(hint=finding.hint), "dim")))
        if finding.accepted is not None:
            reason = _("accepted: {reason}").format(reason=finding.accepted)
            out.append(self.paint.line(("      " + reason, "green")))
        return "".join(out)

    def frame(self, lines: list[str], finding: Finding, style: str) -> Iterator[str]:
        """The lines around the finding's, the caret under its characters."""
        span = finding.span
        if span is None or not 1 <= span.line <= len(lines):
            return
        first, last = max(1, span.line - CONTEXT), min(len(lines), span.line + CONTEXT)
        gutter = len(str(last))
        budget = max(40, self.width - gutter - 10)
        # Only the characters around the column are looked at (a 60 kB line is cut first, in one slice):
        # the frame shows at most ``budget`` cells of them, so the cost per finding does not grow with the line.
        reach = 3 * budget
        offset = max(0, span.col - 1 - reach)
        line = _shown(lines[span.line - 1], offset, span.col - 1 + reach)
        start = min(span.col - 1 - offset, len(line))
        end = span.end_col - 1 - offset if span.end_line == span.line else len(line)
        end = max(start + 1, min(end, len(line)))
        left = max(0, min(start - budget // 3, len(line) - budget)) if cells(line) > budget or offset else 0
        while 0 < left < len(line) and cells(line[left]) == 0:
            left -= 1  # never start on a combining mark
        for number in range(first, last + 1):
            full = lines[number - 1]
            text = _window(_shown(full, offset, span.col - 1 + reach), left, budget, offset, len(full))
            here = number == span.line
            yield self.paint.line(
                (f"    {'>' if here else ' '} {number:>{gutter}} | ", "dim"), (text, "dim bold" if here else "dim")
            )
            if here:
                shown = ("…" if left or offset else "") + line[left:start]
                carets = "^" * min(max(1, cells(line[start:end])), budget)
                yield self.paint.line((" " * (4 + 2 + gutter + 3 + cells(shown)), None), (carets, style))


def _shown(line: str, start: int, stop: int) -> str:
    """The characters of a source line a frame may show, tabs as one space, look-alike spaces visible."""
    return line[start:stop].expandtabs(1).translate(VISIBLE)


def _window(text: str, left: int, budget: int, offset: int = 0, length: int | None = None) -> str:
    """The part of a long line that the frame shows, with "…" where it is cut.

    ``text`` is the line from character ``offset`` on (of ``length`` characters in all).
    """
    length = offset + len(text) if length is None else length
    if cells(text) <= budget and not left and not offset and len(text) == length:
        return text
    part = text[left:]
    while cells(part) > budget:
        part = part[: max(1, len(part) - max(1, cells(part) - budget))]
    cut_left = bool(left or offset)
    return ("…" if cut_left else "") + part + ("…" if offset + left + len(part) < length else "")


def prepared_blocks(options: ReportOptions, check: PlanCheck) -> PlanCheck:
    """``check`` with the blocks of the findings it lists drawn (``shown``): what a worker does for this format.

    ``options.width`` should be fixed (:func:`frame_width`) by the process that writes, so that
    every worker draws to the same width.
    """
    framer = _framer(options)
    return replace(check, shown=[framer.block(f) for f in listed(check.findings, options.show_accepted)])


@lru_cache(maxsize=4)
def _framer(options: ReportOptions) -> Framer:
    return Framer(options, file_lines)


def write_findings(
    run: RunResult, findings: Iterable[tuple[Finding, str | None]], out: TextIO, options: ReportOptions
) -> None:
    """Write ``findings`` (the run's, as listed, each with its block if drawn), then the "+N more" and the summary."""
    framer = Framer(options, lambda file: source_lines(run, file))
    shown = 0
    for file, accepted, group in by_file_and_acceptance(findings, lambda pair: pair[0]):
        out.write(framer.heading(file, accepted))
        for finding, block in group:
            out.write(block if block is not None else framer.block(finding))
        out.write("\n")
        shown += len(group)
    more = hidden(run, shown, options.show_accepted)
    if more > 0:
        out.write(framer.paint.line((tail(more), "dim")))
    line = summary(run, accepted_hidden=not options.show_accepted)
    out.write(framer.paint.line((line, "bold red" if run.failing else "bold green")))
