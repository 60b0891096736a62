"""Surgical edits of YAML text: change values where they are written and keep everything else.

An edit sets a value at a data path, deletes a mapping key or a list item, or appends a list
item. Each becomes a splice of the file's text at the spans that :func:`eduplan.yamlio.parse`
records, so comments, the modeline, quoting, flow or block style and the layout of every
untouched line survive byte for byte. New keys go where the caller's ``order`` puts them,
indented like their siblings; numbers written with Thai digits or thousands separators keep
that style.

After splicing, the new text is parsed again and its data compared with the intended data; any
difference raises :class:`EditError` (nothing is written by this module in any case).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from eduplan.edit.splice import DELETE, Edit, EditError, check, expand_scalars, get, new_lists, show
from eduplan.findings import Path, Severity
from eduplan.i18n import _
from eduplan.load.yamlio import parse
from eduplan.words.thai import with_digits

__all__ = ["DELETE", "Edit", "EditError", "edit_text", "render_flow"]


Order = Callable[[Path, Any], Any]
"""``order(parent_path, key)``: a sort key telling where a new key goes among its siblings."""

_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")


def edit_text(
    text: str,
    edits: list[Edit],
    *,
    file: str = "<text>",
    order: Order | None = None,
    expand: Callable[[Path, Any], dict[Any, Any] | None] | None = None,
) -> str:
    """Apply edits to one YAML document's text and return the new text.

    ``expand`` tells what mapping a scalar shorthand stands for (see :func:`~eduplan.edit.splice.expand_scalars`),
    so that a key can be set under it.

    Raises:
        EditError: the document does not parse cleanly, an edit touches a value that comes
            through an alias or has a layout this module does not edit, or the edited text
            does not read back as the intended data.
    """
    if not edits:
        return text
    doc = _Doc(text, file)
    if expand is not None:
        edits = expand_scalars(doc.data, edits, expand, order or (lambda _p, _k: 0))
    edits = new_lists(doc.data, edits)
    splices: list[tuple[int, int, int, str]] = []
    groups: dict[Path, list[Edit]] = {}
    for edit in edits:
        if not edit.path:
            raise EditError(_("{file}: cannot replace the whole document").format(file=file))
        groups.setdefault(edit.path[:-1], []).append(edit)
    for parent, group in groups.items():
        splices += [(a, b, -len(parent), s) for a, b, s in doc.splices(parent, group, order or (lambda _p, _k: 0))]
    # from the end of the text; of two insertions at one place, the deeper one (the end of an
    # item's last key) must come before the shallower one (a new item after it): splice it last
    splices.sort(key=lambda s: s[:3], reverse=True)
    new = text
    last_start = len(text) + 1
    for start, end, _ignored, replacement in splices:
        if end > last_start:
            raise EditError(_("{file}: two edits overlap").format(file=file))
        new = new[:start] + replacement + new[end:]
        last_start = start
    check(new, doc.data, edits, file)
    return new


def render_flow(value: Any, *, block: bool = False) -> str:
    """One value as YAML text on one line: plain scalars when safe, else double quotes; flow collections."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{render_flow(k)}: {render_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    text = str(value)
    probe = f"k: {text}" if block else f"{{k: {text}}}"
    data, _ignored, findings = parse(probe, "<probe>")
    if not findings and data == {"k": text} and "\n" not in text and "#" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


class _Doc:
    """One document's text with its data, source map and line starts."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        data, source, findings = parse(text, file)
        bad = [f for f in findings if f.severity is Severity.ERROR]
        if bad or not isinstance(data, dict):
            raise EditError(_("{file}: the file does not read cleanly; fix it before importing").format(file=file))
        self.data: dict[Any, Any] = data
        self.source = source
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        self.children: dict[Path, list[Path]] = {}
        for path in source.values:
            if path:
                self.children.setdefault(path[:-1], []).append(path)

    # -- positions ---------------------------------------------------------------------------

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col - 1

    def start(self, path: Path) -> int:
        span = self.source.values[path]
        return self.offset(span.line, span.col)

    def end(self, path: Path) -> int:
        span = self.source.values[path]
        return self.offset(span.end_line, span.end_col)

    def key_start(self, path: Path) -> int:
        span = self.source.keys[path]
        return self.offset(span.line, span.col)

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def is_flow(self, path: Path) -> bool:
        return self.text[self.start(path) : self.start(path) + 1] in ("{", "[")

    def content_end(self, path: Path) -> int:
        """Where a value's own text ends (a block collection's end mark is the next token)."""
        kids = self.children.get(path)
        if kids and not self.is_flow(path):
            return self.content_end(kids[-1])
        return self.end(path)

    def entry_end(self, path: Path) -> int:
        """The start of the line after a value (comments on its last line stay with it)."""
        at = self.content_end(path)
        if at == self.line_start(at) and at > 0:
            return at
        match = _BREAK.search(self.text, at)
        return match.end() if match else len(self.text)

    def indent_at(self, offset: int) -> str:
        return " " * (offset - self.line_start(offset))

    # -- splices -----------------------------------------------------------------------------

    def splices(self, parent: Path, edits: list[Edit], order: Order) -> list[tuple[int, int, str]]:
        node = get(self.data, parent)
        if parent not in self.source.values or node is None or isinstance(node, str | int | float):
            raise EditError(_("{file}: nothing to edit at {path}").format(file=self.file, path=show(parent)))
        for edit in edits:
            if any(edit.path[:n] in self.source.via_alias for n in range(1, len(edit.path) + 1)):
                raise EditError(
                    _("{file}: {path} comes through a YAML alias; edit it by hand").format(
                        file=self.file, path=show(edit.path)
                    )
                )
        if isinstance(node, dict):
            return self._mapping(parent, node, edits, order)
        return self._sequence(parent, node, edits)

    def _mapping(self, parent: Path, node: dict[Any, Any], edits: list[Edit], order: Order) -> list[Any]:
        out = []
        flow = self.is_flow(parent)
        new = [e for e in edits if e.path[-1] not in node and e.value is not DELETE]
        gone = {e.path[-1] for e in edits if e.path[-1] in node and e.value is DELETE}
        if gone and gone == set(node) and not new and not flow:
            raise EditError(_("{file}: cannot remove every key of {path}").format(file=self.file, path=show(parent)))
        if flow and len(new) + len(gone) > 1:
            return [self._rebuild_flow(parent, node, edits, order)]
        for edit in edits:
            if edit.path[-1] not in node:
                continue
            if edit.value is DELETE:
                out.append(self._delete_entry(parent, edit.path, flow))
            else:
                out.append(self._replace(edit.path, edit.value, flow))
        by_anchor: dict[Any, list[Edit]] = {}
        keys = list(node)
        for edit in sorted(new, key=lambda e: order(parent, e.path[-1])):
            rank = order(parent, edit.path[-1])
            before = [k for k in keys if order(parent, k) <= rank]
            anchor = before[-1] if before else None
            by_anchor.setdefault(anchor, []).append(edit)
        for anchor, group in by_anchor.items():
            out.append(self._insert(parent, keys, anchor, group, flow))
        return out

    def _rebuild_flow(
        self, parent: Path, node: dict[Any, Any], edits: list[Edit], order: Order
    ) -> tuple[int, int, str]:
        """Several keys added or removed in one flow mapping: write it again from its entries' own text."""
        start, end = self.start(parent), self.end(parent)
        entries: list[tuple[Any, str | None]] = []
        for key in node:
            path = (*parent, key)
            entries.append((key, self.text[self.key_start(path) : self.end(path)]))
        gaps = self.text[start:end]
        for _ignored, text in entries:
            gaps = gaps.replace(text or "", "", 1)
        if "#" in gaps:
            raise EditError(
                _("{file}: {path} has comments inside its braces; edit it by hand").format(
                    file=self.file, path=show(parent)
                )
            )
        changed = {e.path[-1]: e.value for e in edits}
        for index, (key, _ignored) in enumerate(entries):
            if key in changed:
                value = changed.pop(key)
                if value is DELETE:
                    entries[index] = (key, None)
                else:
                    a, b, rendered = self._replace((*parent, key), value, True)
                    entries[index] = (key, self.text[self.key_start((*parent, key)) : a] + rendered)
        for key, value in sorted(changed.items(), key=lambda kv: order(parent, kv[0])):
            if value is DELETE:
                continue
            rank = order(parent, key)
            at = max((i + 1 for i, (k, _ignored) in enumerate(entries) if order(parent, k) <= rank), default=0)
            entries.insert(at, (key, f"{render_flow(key)}: {render_flow(value)}"))
        return start, end, "{" + ", ".join(text for _ignored, text in entries if text is not None) + "}"

    def _replace(self, path: Path, value: Any, in_flow: bool) -> tuple[int, int, str]:
        old = get(self.data, path)
        if isinstance(old, dict | list) and not self.is_flow(path):
            raise EditError(
                _("{file}: {path} is written as a block; edit it by hand").format(file=self.file, path=show(path))
            )
        start, end = self.start(path), self.end(path)
        text = render_flow(value, block=not in_flow)
        written = self.text[start:end]
        if isinstance(value, int | float) and not isinstance(value, bool):
            if "," in written and isinstance(value, int | float) and float(value).is_integer():
                text = f"{int(value):,}"
            if path in self.source.thai_digits:
                text = with_digits(text, "thai")
        return start, end, text

    def _delete_entry(self, parent: Path, path: Path, flow: bool) -> tuple[int, int, str]:
        siblings = self.children.get(parent, [])
        siblings = [p for p in siblings if p in self.source.keys]
        index = siblings.index(path)
        if flow:
            if index + 1 < len(siblings):
                return self.key_start(path), self.key_start(siblings[index + 1]), ""
            if index > 0:
                return self.end(siblings[index - 1]), self.end(path), ""
            return self.key_start(path), self.end(path), ""
        key = self.key_start(path)
        if self.text[self.line_start(key) : key].strip():
            if index + 1 >= len(siblings):
                raise EditError(
                    _("{file}: cannot remove {path} here; edit it by hand").format(file=self.file, path=show(path))
                )
            return key, self.key_start(siblings[index + 1]), ""
        return self.line_start(key), self.entry_end(path), ""

    def _insert(
        self, parent: Path, keys: list[Any], anchor: Any, group: list[Edit], flow: bool
    ) -> tuple[int, int, str]:
        entries = [(e.path[-1], e.value) for e in group]
        if flow:
            body = ", ".join(f"{render_flow(k)}: {render_flow(v)}" for k, v in entries)
            if anchor is not None:
                at = self.end((*parent, anchor))
                return at, at, ", " + body
            if keys:
                at = self.key_start((*parent, keys[0]))
                return at, at, body + ", "
            start, end = self.start(parent), self.end(parent)
            return start, end, "{" + body + "}"
        first = self.key_start((*parent, keys[0]))
        indent = self.indent_at(first)
        lines = "".join(self._block_entry(indent, k, v) for k, v in entries)
        if anchor is None:
            return first, first, lines[len(indent) :] + indent
        at = self.entry_end((*parent, anchor))
        if at == len(self.text) and not self.text.endswith(("\n", "\r")):
            lines = self.newline + lines
        return at, at, lines

    def _block_entry(self, indent: str, key: Any, value: Any) -> str:
        nl = self.newline
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            items = "".join(self._block_item(indent + "  ", v) for v in value)
            return f"{indent}{render_flow(key)}:{nl}{items}"
        return f"{indent}{render_flow(key)}: {render_flow(value, block=True)}{nl}"

    def _block_item(self, dash_indent: str, value: Any) -> str:
        if not isinstance(value, dict) or not value:
            return f"{dash_indent}- {render_flow(value, block=True)}{self.newline}"
        inner = dash_indent + "  "
        lines = [self._block_entry(inner, k, v) for k, v in value.items()]
        return dash_indent + "- " + lines[0][len(inner) :] + "".join(lines[1:])

    def _sequence(self, parent: Path, node: list[Any], edits: list[Edit]) -> list[Any]:
        out = []
        appended = [e for e in edits if isinstance(e.path[-1], int) and e.path[-1] >= len(node)]
        if [e.path[-1] for e in appended] != list(range(len(node), len(node) + len(appended))):
            raise EditError(
                _("{file}: items can only be appended at the end of {path}").format(file=self.file, path=show(parent))
            )
        deleted = [e for e in edits if e not in appended and e.value is DELETE]
        if deleted and len(deleted) == len(node) and not appended:
            raise EditError(_("{file}: cannot remove every item of {path}").format(file=self.file, path=show(parent)))
        for edit in edits:
            if edit in appended:
                continue
            if edit.value is not DELETE:
                out.append(self._replace(edit.path, edit.value, self.is_flow(parent)))
                continue
            if self.is_flow(parent):
                raise EditError(
                    _("{file}: {path} is a flow list; remove the item by hand").format(
                        file=self.file, path=show(parent)
                    )
                )
            start = self.start(edit.path)
            line = self.line_start(start)
            if self.text[line:start].strip() != "-":
                raise EditError(
                    _("{file}: cannot remove {path} here; edit it by hand").format(file=self.file, path=show(edit.path))
                )
            out.append((line, self.entry_end(edit.path), ""))
        if appended:
            out.append(self._append(parent, node, [e.value for e in appended]))
        return out

    def _append(self, parent: Path, node: list[Any], values: list[Any]) -> tuple[int, int, str]:
        if self.is_flow(parent):
            if node:
                raise EditError(
                    _("{file}: {path} is a flow list; write it as a block list").format(
                        file=self.file, path=show(parent)
                    )
                )
            key = self.key_start(parent)
            indent = self.indent_at(key) + "  "
            start = self.start(parent)
            while start > 0 and self.text[start - 1] == " ":
                start -= 1
            items = "".join(self._block_item(indent, v) for v in values)
            at = self.entry_end(parent)
            tail = self.text[self.end(parent) : at]
            if not tail.endswith(("\n", "\r")):
                tail += self.newline
            return start, at, tail + items
        last = (*parent, len(node) - 1)
        item_start = self.start(last)
        prefix = re.fullmatch(r"( *)-[ ]+", self.text[self.line_start(item_start) : item_start])
        if prefix is None:
            raise EditError(
                _("{file}: cannot append to {path} here; edit it by hand").format(file=self.file, path=show(parent))
            )
        dash_indent = prefix.group(1)
        at = self.entry_end(last)
        items = "".join(self._block_item(dash_indent, v) for v in values)
        if at == len(self.text) and not self.text.endswith(("\n", "\r")):
            items = self.newline + items
        return at, at, items
