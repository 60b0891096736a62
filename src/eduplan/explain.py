"""The documentation of a code as blocks: prose paragraphs, which are translated, and examples, which are not.

A code's documentation (a rule's module docstring, a load code's text) is light Markdown: a first
line that sums it up, paragraphs, ``*Fails:*`` and ``*Passes:*`` labels and fenced YAML examples.
:func:`paragraphs` cuts it into :class:`Block` values; the message catalogs hold each prose
paragraph as one message (``python tools/catalog.py`` extracts them with this function), and
``eduplan explain`` shows them in the run's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from eduplan.i18n import N_, _

__all__ = ["LABELS", "Block", "Kind", "paragraphs", "plain", "translated"]

Kind = Literal["summary", "prose", "label", "example"]

LABELS = {"*Fails:*": N_("Fails:"), "*Passes:*": N_("Passes:")}
"""The labels before the examples, as written in the documentation and as shown."""

_FENCE = re.compile(r"^```")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a code's documentation.

    Attributes:
        kind: ``summary`` (the first line), ``prose`` (a paragraph), ``label`` (*Fails:*/*Passes:*)
            or ``example`` (a fenced block, fences included).
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
    lines = doc.strip().splitlines()
    blocks: list[Block] = []
    if not lines:
        return blocks
    blocks.append(Block("summary", lines[0].strip()))
    current: list[str] = []
    fence: list[str] | None = None

    def close() -> None:
        if current:
            text = " ".join(line.strip() for line in current)
            blocks.append(Block("label" if text in LABELS else "prose", text))
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


def translated(block: Block) -> str:
    """The block's text in the run's language (examples as written)."""
    if block.kind == "label":
        return _(LABELS[block.text])
    return _(block.text) if block.prose else block.text


_CODE = re.compile(r"``(.+?)``")


def plain(text: str) -> str:
    """Markdown of a paragraph with reStructuredText's double backquotes made single (``x`` -> `x`)."""
    return _CODE.sub(r"`\1`", text)
