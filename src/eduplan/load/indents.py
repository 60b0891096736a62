"""YAML as lines of text: block structure, quotes and brackets, for explaining a file that did not parse.

A plan file is mostly block mappings and lists, one key or item per line. :func:`blocks` walks the
lines up to libyaml's stop with the columns of the open mappings and lists, and finds the first
line whose indentation fits none of them: indented further after a line that already has a
value, or between two levels. Lines inside block scalars (``|``), quoted or bracketed values
spread over lines, and continued plain text are skipped. This is a model, not a parser:
:mod:`eduplan.load.mistakes` names a cause only when lining the line up makes the file parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "CLOSER",
    "Block",
    "Target",
    "Wrong",
    "blocks",
    "line_up",
    "open_brackets",
    "opens",
    "plain",
    "quoted",
    "quoted_end",
]

_KEY = re.compile(r"(?P<key>[^\s#'\"\[\]{},&*!|>%@`-][^#]*?|-\S[^#]*?)[ ]*:(?=[ ]|$)")
_BLOCK_SCALAR = re.compile(r"^[|>][-+0-9]*$")


@dataclass(frozen=True, slots=True)
class Block:
    """One line of block structure: a key, a list item, or both (``- id: p1``); columns 0-based."""

    number: int
    first: int
    dashes: tuple[int, ...]
    key: str | None
    content: int
    value: str

    @property
    def opens(self) -> bool:
        """Whether a nested block may follow: ``key:`` or ``-`` with nothing after it."""
        return not self.value

    @property
    def anchor(self) -> int:
        """The column a nested block must be indented past (the key's, or the last dash's)."""
        return self.content if self.key else self.dashes[-1]

    @property
    def shown(self) -> str:
        """How the line is named in a message: ``vision:`` or ``- ตัวชี้วัด``."""
        named = f"{self.key}:" if self.key else self.value[:20]
        return f"- {named}".rstrip() if self.dashes else named


@dataclass(frozen=True, slots=True)
class Target:
    """A column a wrongly indented line could start at: lined up with a line above, or nested inside it."""

    col: int
    line: int
    shown: str
    inside: bool = False


@dataclass(frozen=True, slots=True)
class Wrong:
    """Why a line's indentation fits nothing: ``deeper`` or ``between``; the columns it could start at."""

    kind: str
    targets: list[Target] = field(default_factory=list)


def _parse(number: int, line: str) -> Block:
    first = len(line) - len(line.lstrip(" "))
    i, dashes = first, []
    while i < len(line) and line[i] == "-" and (i + 1 == len(line) or line[i + 1] == " "):
        dashes.append(i)
        i += 1
        while i < len(line) and line[i] == " ":
            i += 1
    match = _KEY.match(line, i)
    rest = line[match.end() :] if match else line[i:]
    value = re.sub(r"(?:^|[ ]+)#.*$", "", rest).strip()
    return Block(number, first, tuple(dashes), match["key"].strip() if match else None, i, value)


def _unclosed(value: str) -> bool:
    """Whether a value that starts with a quote or a bracket goes on to the next line."""
    if not value or value[0] not in "\"'[{":
        return False
    if value[0] in "\"'":
        return not (len(value) > 1 and value.endswith(value[0]))
    return value.count(value[0]) > value.count("]" if value[0] == "[" else "}")


_Level = tuple[int, str, Block]
"""An open collection: its column, ``map`` or ``seq``, and the line that opened it."""


def _judge(block: Block, kind: str, prev: Block | None, levels: list[_Level]) -> Wrong | None:
    """What is wrong with ``block``'s indentation after ``prev``, with ``levels`` open; ``None``: it fits."""
    if (
        prev is not None
        and prev.opens
        and (block.first > prev.anchor or (kind == "seq" and prev.key and block.first == prev.content))
    ):
        return None  # the value of the line before
    if not levels:
        return None
    if block.first > levels[-1][0]:
        sibling = [Target(prev.content, prev.number, f"{prev.key}:")] if prev is not None and prev.key else []
        return Wrong("deeper", sibling)
    if any(col == block.first and k == kind for col, k, _ in levels):
        return None
    wanted = "seq" if kind == "seq" else "map"
    near = sorted((abs(col - block.first), -col, k, b) for col, k, b in levels if k == wanted)
    targets = [Target(-col, b.number, f"{b.key}:" if k == "map" else b.shown) for _, col, k, b in near[:2]]
    if kind == "seq" and prev is not None and prev.opens:
        targets = [Target(prev.anchor + 2, prev.number, prev.shown, inside=True), *targets]
    return Wrong("between", targets)


def _open(block: Block, levels: list[_Level]) -> None:
    """Close the collections ``block`` ends and open those it starts."""
    while levels and levels[-1][0] > block.first:
        levels.pop()
    for col in block.dashes:
        if not (levels and levels[-1][:2] == (col, "seq")):
            levels.append((col, "seq", block))
    if block.key and not (levels and levels[-1][:2] == (block.content, "map")):
        levels.append((block.content, "map", block))


def blocks(lines: list[str], upto: int) -> list[tuple[Block, Wrong | None]]:
    """The block lines of ``lines[:upto]``, the last one with what is wrong with its indentation, if anything."""
    found: list[tuple[Block, Wrong | None]] = []
    levels: list[_Level] = []
    prev: Block | None = None
    scalar_at: int | None = None  # inside a block scalar: lines indented past this column are its text
    flow: str | None = None  # inside a value spread over lines: the text so far
    for number, line in enumerate(lines[:upto], 1):
        stripped = line.lstrip(" ")
        if (
            not stripped
            or stripped.startswith("#")
            or (scalar_at is not None and len(line) - len(stripped) > scalar_at)
        ):
            continue
        scalar_at = None
        if flow is not None:
            flow = f"{flow} {stripped}" if _unclosed(f"{flow} {stripped}") else None
            continue
        if re.match(r"(?:---|\.\.\.)(?:[ ]|$)", line):
            levels, prev = [], None  # a document marker: what follows starts again at the left
            continue
        block = _parse(number, line)
        kind = "seq" if block.dashes else "map" if block.key else "scalar"
        wrong = _judge(block, kind, prev, levels)
        if wrong is not None and wrong.kind == "deeper" and kind == "scalar":
            continue  # plain text continued from the line before
        found.append((block, wrong))
        if wrong is not None:
            break
        _open(block, levels)
        prev = block
        if _BLOCK_SCALAR.match(block.value):
            scalar_at = block.first
        elif _unclosed(block.value):
            flow = block.value
    return found


def line_up(lines: list[str], block: Block, target: int) -> list[str]:
    """``lines`` with ``block``'s line and the lines nested under it moved to start at column ``target``."""
    delta = target - block.first
    out = list(lines)
    for index in range(block.number - 1, len(lines)):
        line = lines[index]
        indent = len(line) - len(line.lstrip(" "))
        if index > block.number - 1 and line.strip() and indent <= block.first:
            break
        if not line.strip():
            continue
        out[index] = " " * delta + line if delta >= 0 else line[min(-delta, indent) :]
    return out


# -- quotes and brackets on a line ------------------------------------------------------------------


def quoted(text: str) -> str:
    """``text`` in double quotes, as YAML reads it back."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_end(line: str, start: int) -> int | None:
    """The index after the quoted text that opens at ``start``, or ``None`` if it is not closed on the line."""
    quote, i = line[start], start + 1
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return None


CLOSER = {"[": "]", "{": "}"}


def open_brackets(lines: list[str], index: int, start: int) -> tuple[int, list[str], int | None] | None:
    """The brackets still open at the last line of the flow that opens at ``start``: (line, stack, comment).

    The flow ends at the first line, after the opening one, indented no further than it (a new key),
    or at the end of the file. ``comment`` is the column of a ``#`` comment on the last line.
    """
    indent = len(lines[index]) - len(lines[index].lstrip(" "))
    stack: list[str] = []
    quote: list[str] = []
    last, comment = index, None
    for number in range(index, len(lines)):
        line = lines[number]
        if number > index and line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break
        if number > index and not line.strip():
            continue
        last = number
        comment = _brackets_of(line, start if number == index else 0, stack, quote)
        if not stack:
            return None
    return (last, stack, comment) if stack else None


def _brackets_of(line: str, i: int, stack: list[str], quote: list[str]) -> int | None:
    """Follow the brackets and quotes of one line of a flow (``stack``, ``quote`` kept); the column of a comment."""
    while i < len(line):
        char = line[i]
        if quote:
            if char == "\\" and quote[0] == '"':
                i += 1
            elif char == quote[0]:
                quote.clear()
        elif char in "\"'" and (i == 0 or line[i - 1] in " [{,:"):
            quote.append(char)
        elif char in CLOSER:
            stack.append(char)
        elif char in "]}" and stack and CLOSER[stack[-1]] == char:
            stack.pop()
            if not stack:
                return None
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
        i += 1
    return None


def opens(value: str) -> bool:
    """Whether a value starts a quote or a bracket that it does not close (then the colon is not the mistake)."""
    if value[:1] in "\"'":
        return quoted_end(value, 0) is None
    if value[:1] in CLOSER:
        return value.count(value[0]) != value.count(CLOSER[value[0]])
    return False


def plain(value: str) -> bool:
    """Whether a value is plain text (not quoted, bracketed, a block of text, an alias or a tag)."""
    return bool(value) and value[0] not in "\"'[{|>&*!"
