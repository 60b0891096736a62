"""Documents written as the plans arrive: their long lists kept on disk, the document put together at the end.

The JSON, SARIF and JUnit documents open with totals (how many findings, how many fail) that are
known only when every plan is checked. So their writers turn each plan's findings into text as
it arrives, add it to a :class:`Spool` (a temporary file past the first megabyte, deleted when
closed) and keep nothing else; at the end they write the head of the document, then the spooled
items. Memory stays flat however many plans there are (where no temporary file can be made, the
items stay in memory, and the document is the same).

:func:`write_json` writes a JSON document whose long lists come from spools, exactly as
``json.dump(document, out, ensure_ascii=False, indent=2)`` would write it with the lists in place.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterator
from typing import Any, TextIO

__all__ = ["Spool", "depth_of", "item_json", "write_json"]

_END = "\x00"
"""Ends each item in a spool: JSON text never holds it raw (it is written ``\\u0000``), nor XML."""
_IN_MEMORY = 1 << 20
"""Characters kept in memory before the spool moves to a temporary file."""


class Spool:
    """Items of text, in order, in memory up to a megabyte and then in a temporary file."""

    def __init__(self) -> None:
        self._memory: list[str] = []
        self._held = 0
        self._file: TextIO | None = None
        self._disk = True  # until a temporary file cannot be made
        self.count = 0

    def add(self, text: str) -> None:
        """Add one item."""
        self.count += 1
        if self._file is not None:
            self._file.write(text + _END)
            return
        self._memory.append(text)
        self._held += len(text)
        if self._held > _IN_MEMORY and self._disk:
            try:
                spilled = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115  # see close()
            except OSError:  # no writable temporary folder: keep the items in memory
                self._disk = False
                return
            spilled.write("".join(item + _END for item in self._memory))
            self._file, self._memory, self._held = spilled, [], 0

    def items(self) -> Iterator[str]:
        """The items, in the order they were added (once)."""
        if self._file is None:
            yield from self._memory
            return
        self._file.seek(0)
        rest = ""
        while chunk := self._file.read(1 << 16):
            *done, rest = (rest + chunk).split(_END)
            yield from done
        self._file.close()

    def close(self) -> None:
        """Delete the temporary file, if any (it has no name: a run stopped half-way leaves nothing behind)."""
        if self._file is not None and not self._file.closed:
            self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def item_json(data: Any, indent: int) -> str:
    """``data`` as ``json.dump(..., indent=2)`` writes an item of a list nested ``indent`` spaces deep."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return " " * indent + text.replace("\n", "\n" + " " * indent)


def write_json(
    document: dict[str, Any], lists: dict[str, tuple[Spool, Callable[[str], str] | None]], out: TextIO
) -> None:
    """Write ``document`` whose lists named in ``lists`` (by a marker string left in their place) are in spools.

    Each marker is a one-item list ``[marker]`` in ``document``, in the order the document holds
    them; its spool's items must have been made by :func:`item_json` at the list's depth
    (:func:`depth_of` tells it). ``fix``, when given, is applied to each item on its way out (a
    value known only at the end).
    """
    text = json.dumps(document, ensure_ascii=False, indent=2)
    at = 0
    for marker, (spool, fix) in lists.items():
        found = re.search(rf'\[\n( *)"{re.escape(marker)}"\n( *)\]', text[at:])
        assert found is not None, f"no list {marker} in the document"
        out.write(text[at : at + found.start()])
        at += found.end()
        if not spool.count:
            out.write("[]")
            continue
        out.write("[\n")
        for n, item in enumerate(spool.items()):
            out.write((",\n" if n else "") + (fix(item) if fix is not None else item))
        out.write("\n" + found.group(2) + "]")
        spool.close()
    out.write(text[at:] + "\n")


def depth_of(document: dict[str, Any], marker: str) -> int:
    """How many spaces deep the items of the list ``[marker]`` of ``document`` are written."""
    found = re.search(rf'\n( *)"{re.escape(marker)}"\n', json.dumps(document, ensure_ascii=False, indent=2))
    assert found is not None, f"no list {marker} in the document"
    return len(found.group(1))
