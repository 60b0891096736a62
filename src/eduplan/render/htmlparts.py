"""Reading eduplan's own HTML for the Word writer: tables as a grid, content in order, charts as pictures.

:mod:`eduplan.render.docx` lays the HTML out again as Word; this module knows HTML: where each cell
of a table lands once its rowspans and colspans are placed (as a browser places them) and how wide
each column wants to be, an element's text and children in document order, and a chart's SVG drawn
as a PNG by librsvg.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

from lxml.etree import _Element

from eduplan.errors import EduplanError
from eduplan.i18n import _

__all__ = ["Grid", "children", "data_image", "owning_table", "picture", "table_grid", "text_of"]

_SPACE = re.compile(r"\s+")


class Grid:
    """Where each cell of an HTML table lands: ``(row, col, rowspan, colspan) -> element``, and the width."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int, int, int], _Element] = {}
        self.width = 0

    def weights(self) -> list[tuple[float, float]]:
        """What each column needs and wants, in characters: its longest word that cannot break, its longest text.

        A word of digits or Latin letters (a year, 2566-2570, an English name) cannot be broken, so
        its column is at least that wide; Thai breaks between words, so a Thai column needs only a
        few characters and wants its longest text (bounded), shared out by :func:`widths`.
        """
        need = [2.0] * self.width
        want = [2.0] * self.width
        for (_row, col, _rowspan, colspan), element in self.cells.items():
            if colspan != 1:
                continue
            words = _SPACE.sub(" ", element.text_content()).strip()
            unbroken = max((len(w) if w.isascii() else min(len(w), 4) for w in words.split()), default=0)
            need[col] = max(need[col], unbroken)
            want[col] = max(want[col], min(len(words), 40))
        return [(n, max(w, n)) for n, w in zip(need, want, strict=True)]


def table_grid(rows: list[_Element]) -> Grid:
    """The cells of ``rows`` placed as a browser places them, rowspans and colspans included."""
    grid = Grid()
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(rows):
        col = 0
        for cell in tr.iterchildren("td", "th"):
            while (r, col) in taken:
                col += 1
            rowspan = max(1, min(_int(cell.get("rowspan")), len(rows) - r))
            colspan = max(1, _int(cell.get("colspan")))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, col + dc))
            grid.cells[(r, col, rowspan, colspan)] = cell
            col += colspan
        grid.width = max(grid.width, max((c + 1 for rr, c in taken if rr == r), default=0))
    return grid


def _int(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


def owning_table(tr: _Element) -> _Element | None:
    """The table a row belongs to (not a table nested in one of its cells)."""
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def children(element: _Element, *, with_text: bool = False) -> Iterator[Any]:
    """The element's text, children and their tails, in document order (text as ``str``)."""
    if with_text and element.text:
        yield element.text
    for child in element:
        if not isinstance(child.tag, str):  # a comment
            if with_text and child.tail:
                yield child.tail
            continue
        yield child
        if with_text and child.tail:
            yield child.tail


def text_of(piece: Any) -> str:
    """The text of a piece of content: a ``str`` as it is, an element's text with its descendants'."""
    return piece if isinstance(piece, str) else piece.text_content()


_DATA = re.compile(r"^data:(image/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/=\s]+)$")


def data_image(src: str) -> tuple[str, bytes] | None:
    """The type and bytes of an image embedded as a ``data:`` address (eduplan's own, base64), else None."""
    match = _DATA.match(src.strip())
    if match is None:
        return None
    try:
        return match[1], base64.b64decode(match[2], validate=False)
    except ValueError:
        return None


def picture(svg: bytes) -> bytes | None:
    """The PNG of a chart, drawn by librsvg at print resolution; ``None`` when librsvg is not installed."""
    program = shutil.which("rsvg-convert")
    if program is None:
        return None
    done = subprocess.run(  # a fixed program, the SVG eduplan drew on stdin
        [program, "--format", "png", "--dpi-x", "150", "--dpi-y", "150", "--zoom", "2"],
        input=svg,
        capture_output=True,
        check=False,
        timeout=30,
    )
    if done.returncode != 0:
        raise EduplanError(_("a chart cannot be drawn: {problem}").format(problem=done.stderr.decode(errors="replace")))
    return done.stdout
