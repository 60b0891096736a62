"""The documentation of a code as blocks: prose paragraphs, which are translated, and examples, which are not.

A code's documentation (a rule's module docstring, a load code's text) is light markup: a first
line that sums it up, paragraphs with ``double backquoted`` code and ``*emphasis*``, ``*Fails:*``
and ``*Passes:*`` labels (alone, or before an example written in the same paragraph) and
examples, fenced (```` ```yaml ````) or after a paragraph ending in ``::``.
:func:`paragraphs` cuts it into :class:`Block` values; the message catalogs hold each summary
and prose paragraph as one message (``python tools/catalog.py`` extracts them with this
function), and ``eduplan explain`` shows them in the run's language, the markup turned into
plain text by :func:`spans`.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Literal

from eduplan.i18n import N_, _

__all__ = ["LABELS", "Block", "Kind", "Span", "example_lines", "paragraphs", "spans", "translated"]

Kind = Literal["summary", "prose", "label", "literal", "example"]

LABELS = {"*Fails:*": N_("Fails:"), "*Passes:*": N_("Passes:")}
"""The labels before the examples, as written in the documentation and as shown."""

_FENCE = re.compile(r"^```")
_INLINE_LABEL = re.compile(r"^(\*(?:Fails|Passes):\*)\s+(\S.*)$", re.DOTALL)
_MARKUP = re.compile(r"``(.+?)``|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a code's documentation.

    Attributes:
        kind: ``summary`` (the first line), ``prose`` (a paragraph), ``label`` (*Fails:*/*Passes:*),
            ``literal`` (a paragraph of code alone: file names after a label, nothing to translate)
            or ``example`` (a fenced block, fences included, or an indented literal block).
        text: The block's text; a paragraph's lines joined by single spaces.
    """

    kind: Kind
    text: str

    @property
    def prose(self) -> bool:
        """Whether the block is words to translate (a summary or a paragraph)."""
        return self.kind in ("summary", "prose")


def paragraphs(doc: str) -> list[Block]:
    """The blocks of ``doc``, in order; the summary is its own block, even with no blank line after it."""
    lines = _fenced(doc.strip().splitlines())
    blocks: list[Block] = []
    if not lines:
        return blocks
    blocks.append(Block("summary", lines[0].strip()))
    current: list[str] = []
    fence: list[str] | None = None

    def close() -> None:
        if current:
            blocks.extend(_paragraph(" ".join(line.strip() for line in current)))
            current.clear()

    for line in lines[1:]:
        if fence is not None:
            fence.append(line)
            if _FENCE.match(line.strip()):
                blocks.append(Block("example", "\n".join(fence)))
                fence = None
            continue
        if _FENCE.match(line.strip()):
            close()
            fence = [line]
        elif not line.strip():
            close()
        else:
            current.append(line)
    close()
    if fence is not None:
        blocks.append(Block("example", "\n".join(fence)))
    return blocks


def _fenced(lines: list[str]) -> list[str]:
    """``lines`` with each literal block (indented, after a paragraph ending in ``::``) fenced instead."""
    out: list[str] = []
    literal: list[str] | None = None
    for line in [*lines, ""]:
        if literal is not None:
            if not line.strip() or line[:1].isspace():
                literal.append(line)
                continue
            out.extend(["```", *textwrap.dedent("\n".join(literal)).strip("\n").splitlines(), "```", ""])
            literal = None
        if not line.strip() and out and out[-1].rstrip().endswith("::") and not _FENCE.match(out[-1].strip()):
            literal = []
        out.append(line)
    if literal and any(line.strip() for line in literal):
        out.extend(["```", *textwrap.dedent("\n".join(literal)).strip("\n").splitlines(), "```"])
    return out


def _paragraph(text: str) -> list[Block]:
    """A paragraph's blocks: a label, a label and its example (``*Fails:* ``x.yaml````), or prose."""
    if text in LABELS:
        return [Block("label", text)]
    if found := _INLINE_LABEL.match(text):
        rest = found.group(2)
        words = _MARKUP.sub("", rest).strip(" ,.;:()")
        return [Block("label", found.group(1)), Block("prose" if words else "literal", rest)]
    if text.endswith("::"):  # reStructuredText: "text::" is shown "text:", the literal block follows
        text = text[:-1]
    return [Block("prose", text)]


def translated(block: Block) -> str:
    """The block's text in the run's language (examples and literals as written)."""
    if block.kind == "label":
        return _(LABELS[block.text])
    return _(block.text) if block.prose else block.text


def example_lines(block: Block) -> list[str]:
    """The lines of an example as the user writes them: no fences."""
    lines = block.text.splitlines()
    if lines and _FENCE.match(lines[0].strip()):
        lines = lines[1:]
        if lines and _FENCE.match(lines[-1].strip()):
            lines = lines[:-1]
    return lines


Span = tuple[str, Literal["text", "code", "emphasis"]]


def spans(text: str) -> list[Span]:
    """A paragraph as plain pieces: words, code (````x````) and emphasis (``*x*``), the markup removed.

    >>> spans("the ``direction`` is *not due*")
    [('the ', 'text'), ('direction', 'code'), (' is ', 'text'), ('not due', 'emphasis')]
    """
    found: list[Span] = []
    at = 0
    for match in _MARKUP.finditer(text):
        if match.start() > at:
            found.append((text[at : match.start()], "text"))
        code, emphasis = match.groups()
        found.append((code, "code") if code is not None else (emphasis, "emphasis"))
        at = match.end()
    if at < len(text):
        found.append((text[at:], "text"))
    return found
