"""Reading one YAML file: bytes -> text -> node tree -> (data, source map, findings).

The node tree is composed once with libyaml (``CSafeLoader``); data and the source map are
built together from it, so every value keeps its line and column. Implicit types follow the
YAML 1.2 core schema (``yes`` and ``on`` stay text, no timestamps, no sexagesimal numbers),
extended so that plain numbers written with Thai digits (``๘๐``) or thousands separators
(``1,250,000``) resolve to numbers, as their Arabic twins do. Nothing here raises on bad
input: problems become findings.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
import unicodedata
from typing import Any

import yaml

from eduplan.findings import Finding, Path, Span
from eduplan.i18n import _
from eduplan.load.codes import finding
from eduplan.load.encoding import as_utf8, decode
from eduplan.load.mistakes import explain, fallback
from eduplan.load.source import SourceMap
from eduplan.words.thai import arabic_digits

__all__ = [
    "MAX_ALIAS_CHARS",
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_VALUES",
    "decode",
    "parse",
    "read_yaml",
]

MAX_DEPTH = 100
"""Deepest nesting accepted."""
MAX_ALIAS_NODES = 10_000
"""Most values that may be reached through aliases in one file."""
MAX_ALIAS_CHARS = 1_000_000
"""Most characters of text that may be reached through aliases in one file: a 1 MB string
repeated by 3,000 aliases would otherwise be 3 GB for the rules to read."""
MAX_VALUES = 200_000
"""Most values in one file: composing each costs about 700 bytes (the real plan holds 2,040
values in six files; an indicator with five targets holds 25)."""
MAX_DIGITS = 308
"""Most digits of a whole number: larger ones cannot be compared with decimals (10**400 > any float)."""

_D = "[0-9๐-๙]"
_INT = re.compile(rf"^[-+]?(?:{_D}+|{_D}{{1,3}}(?:,{_D}{{3}})+)$")
_FLOAT = re.compile(
    rf"^[-+]?(?:(?:{_D}+|{_D}{{1,3}}(?:,{_D}{{3}})+)(?:\.{_D}*)?(?:[eE][-+]?{_D}+)?|\.{_D}+(?:[eE][-+]?{_D}+)?)$"
    r"|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"
)
_NUMBER_START = list("-+.0123456789๐๑๒๓๔๕๖๗๘๙")

_STR = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_TEXT_TAGS = {_STR, "tag:yaml.org,2002:timestamp"}


class _TooManyValues(Exception):
    """Raised from inside libyaml's composer when a file holds more than MAX_VALUES values."""


class _Loader(yaml.CSafeLoader):
    """libyaml's composer with eduplan's implicit types."""

    yaml_implicit_resolvers: dict[str, Any] = {}

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> Any:
        """Resolve a value's tag: PyYAML's rules, without its per-call list building.

        libyaml asks for every value without an explicit tag, so this is the hottest Python
        code of a run. There are no wildcard and no path resolvers.
        """
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _CountingLoader(_Loader):
    """The same, counting the values it makes (15% slower: used only for files that may hold many)."""

    def __init__(self, stream: str | bytes) -> None:
        super().__init__(stream)
        self.counted = 0

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> Any:
        """Resolve a value's tag (libyaml asks for every value without an explicit tag)."""
        self.counted += 1
        if self.counted > MAX_VALUES:
            raise _TooManyValues
        return super().resolve(kind, value, implicit)


def _most_values(text: str | bytes) -> tuple[int, int]:
    """An upper bound of the number of values in a document, and the number of explicit tags.

    Every value but the root needs one of ``, - [ { ? :`` (a mapping entry makes two values).
    """
    raw = text.encode("utf-8") if isinstance(text, str) else text
    marks = sum(raw.count(c) for c in (b"-", b"[", b"{", b"?", b":"))
    return 2 * marks + raw.count(b",") + 1, raw.count(b"!")


_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Loader.add_implicit_resolver(_INT_TAG, _INT, _NUMBER_START)
_Loader.add_implicit_resolver(_FLOAT_TAG, _FLOAT, _NUMBER_START)
_Loader.add_implicit_resolver(_MERGE, re.compile(r"^<<$"), ["<"])


_JSON_NUMBER_KEY = re.compile(r"^(?:0|[1-9][0-9]{0,8})$")
"""A key of a JSON file read as a whole number (a year, a quarter)."""

_ODD_BREAKS = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
"""NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR in UTF-8: line breaks to libyaml (YAML 1.1), not to editors."""
_EDITOR_BREAK = re.compile(r"\r\n?|\n")


class _Lines:
    """Lines and columns as editors count them, from libyaml's marks.

    libyaml counts NEL (U+0085), U+2028 and U+2029 as line breaks; editors, ``git diff`` and
    GitHub do not, so every later line number would be off by one per such character. A mark's
    character index (a BOM not counted) gives the position editors show. Files without these
    characters (nearly all) keep libyaml's own line and column.
    """

    def __init__(self, text: str | bytes) -> None:
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        self.starts: list[int] | None = None
        if any(odd in raw for odd in _ODD_BREAKS):
            chars = raw.decode("utf-8", "replace").removeprefix("\ufeff")
            self.starts = [0, *(m.end() for m in _EDITOR_BREAK.finditer(chars))]

    def at(self, mark: Any) -> tuple[int, int]:
        """The 1-based line and column of a libyaml mark."""
        if self.starts is None:
            return mark.line + 1, mark.column + 1
        line = bisect.bisect_right(self.starts, mark.index) - 1
        return line + 1, mark.index - self.starts[line] + 1

    def odd_break(self, text: str | bytes, line: int, context: Any) -> tuple[int, str, str] | None:
        """``(2, "U+2028", "LINE SEPARATOR")``: a NEL, U+2028 or U+2029 on a syntax error's line or its context's."""
        if self.starts is None:
            return None
        chars = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        chars = chars.removeprefix("\ufeff")
        for number in dict.fromkeys([line] + ([self.at(context)[0]] if context is not None else [])):
            if not 1 <= number <= len(self.starts):
                continue
            end = self.starts[number] if number < len(self.starts) else len(chars)
            found = next((c for c in chars[self.starts[number - 1] : end] if c in "\x85\u2028\u2029"), None)
            if found is not None:
                return number, f"U+{ord(found):04X}", unicodedata.name(found, "NEXT LINE (NEL)")
        return None

    def span(self, file: str, start: Any, end: Any) -> Span:
        """The span between two marks."""
        return Span(file, *self.at(start), *self.at(end))


def parse(text: str | bytes, file: str) -> tuple[Any, SourceMap, list[Finding]]:
    """Parse one YAML document (text, or UTF-8 bytes) into plain data and its source map.

    Returns ``(None, map, findings)`` when the document cannot be read at all.
    """
    source = SourceMap()
    bound, tags = _most_values(text)
    if tags > MAX_VALUES:
        return None, source, [_too_many(file)]  # values with an explicit tag (!!str 0) are not counted below
    try:
        loader = _CountingLoader(text) if bound > MAX_VALUES else _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        deep = _too_deep(text, file) if "nesting depth" in (exc.problem or "") else None
        return None, source, [deep or _syntaxfinding(exc, text, file, _Lines(text))]
    except yaml.reader.ReaderError as exc:
        return None, source, [_readerfinding(exc, text, file)]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always gives a mark
        return None, source, [finding("YA01", str(exc), Span(file, 1, 1, 1, 1))]
    except _TooManyValues:
        return None, source, [_too_many(file)]
    except RecursionError:
        return (
            None,
            source,
            [finding("YA06", _too_deep_message(), Span(file, 1, 1, 1, 1))],
        )
    if node is None:
        return None, source, []
    aliased = b"*" in text if isinstance(text, bytes) else "*" in text  # without an alias no node is met twice
    builder = (_AliasBuilder if aliased else _Builder)(file, source, _Lines(text))
    return builder.build(node, (), 0), source, builder.findings


def _too_many(file: str) -> Finding:
    return finding(
        "YA08", _("the file holds more than {count} values").format(count=f"{MAX_VALUES:,}"), Span(file, 1, 1, 1, 1)
    )


def _too_deep_message() -> str:
    return _("values are nested deeper than {depth} levels").format(depth=MAX_DEPTH)


def _too_deep(text: str | bytes, file: str) -> Finding | None:
    """The YA06 finding at the first value nested deeper than MAX_DEPTH, from the event stream.

    Newer libyaml stops at its own limit (1,000 levels) with a syntax error, and its scanner reads
    far ahead of the events. PyYAML's Python parser has no limit and reads at most 1,024 characters
    ahead, so its events show where eduplan's lower limit was crossed: the finding is the same on
    every libyaml version. Only files that libyaml refused are read this way.
    """
    keys: list[bool | None] = []  # per open collection: a mapping's next node is a key (True) or not; None: a list
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                keys.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            is_key = bool(keys) and keys[-1] is True
            if keys and keys[-1] is not None:
                keys[-1] = not keys[-1]  # a mapping alternates key, value
            start, end = event.start_mark, event.end_mark
            if not is_key and len(keys) > MAX_DEPTH and start is not None and end is not None:
                span = _Lines(text).span(file, start, end)
                return finding("YA06", _too_deep_message(), span)
            if isinstance(event, yaml.CollectionStartEvent):
                keys.append(True if isinstance(event, yaml.MappingStartEvent) else None)
    except yaml.YAMLError:
        return None
    return None  # pragma: no cover - the error came from a depth libyaml reached


def read_yaml(data: bytes, file: str) -> tuple[Any, SourceMap, list[Finding]]:
    """Decode and parse one file's bytes."""
    utf8, findings = as_utf8(data, file)
    if utf8 is None:
        return None, SourceMap(), findings
    value, source, more = parse(utf8, file)
    return value, source, findings + more


def _syntaxfinding(exc: yaml.MarkedYAMLError, text: str | bytes, file: str, lines: _Lines) -> Finding:
    """A syntax error as a finding at its cause, explained (:mod:`.mistakes`), else in libyaml's words."""
    mark = exc.problem_mark or exc.context_mark
    line, col = lines.at(mark) if mark is not None else (1, 1)
    problem = exc.problem or "invalid YAML"
    context_line = lines.at(exc.context_mark)[0] if exc.context_mark is not None else None
    at = mark.index if mark is not None else -1  # in characters, a BOM not counted
    text = (text.decode("utf-8", "replace") if isinstance(text, bytes) else text).removeprefix("\ufeff")
    char = text[at] if 0 <= at < len(text) else ""
    if "another document" in problem or "<document start>" in problem:  # a second ---, or text after ...
        message = _("the file holds more than one YAML document")
        hint: str | None = _("a plan file holds one document; remove the '---' line or split the file")
    elif odd := lines.odd_break(text, line, exc.context_mark):
        number, code, name = odd
        message, _hint = fallback(problem, exc.context, context_line, line, char)
        hint = (
            _("the line holds {code} {name}, which YAML reads as a line break: delete it, or put the text in quotes")
            if number == line
            else _(
                "line {line} holds {code} {name}, which YAML reads as a line break: "
                "delete it, or put the text in quotes"
            )
        ).format(line=number, code=code, name=name)
    elif found := explain(text, line, col, problem, context_line):
        return finding(
            "YA01", found.message, Span(file, found.line, found.col, found.line, found.end_col), hint=found.hint
        )
    else:
        message, hint = fallback(problem, exc.context, context_line, line, char)
    return finding("YA01", message, Span(file, line, col, line, col + 1), hint=hint)


def _readerfinding(exc: yaml.reader.ReaderError, text: str | bytes, file: str) -> Finding:
    # libyaml gives the offset in bytes of the UTF-8 it read (a BOM included)
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    begin = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    position = max(begin, min(exc.position, len(raw)))
    line = raw.count(b"\n", begin, position) + 1
    line_start = max(begin, raw.rfind(b"\n", 0, position) + 1)
    col = len(raw[line_start:position].decode("utf-8", "replace")) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return finding(
        "YA01",
        _("the file contains the control character {code}, which YAML does not allow").format(
            code=f"U+{ord(char):04X}"
        ),
        Span(file, line, col, line, col + 1),
        hint=_("delete it; it is invisible in most editors"),
    )


def _shown(text: str) -> str:
    """A number as written, for a message: quoted, its start alone when it is long."""
    if len(text) <= 40:
        return repr(text)
    return _("{start}... ({count} characters)").format(start=repr(text[:20]), count=f"{len(text):,}")


_NUMBER_TAGS = (_INT_TAG, _FLOAT_TAG)
_AS_WRITTEN = frozenset({"number"})
"""Keys whose plain numbers are kept as written: an item's number ``3.10`` is the text "3.10", not 3.1."""


class _Builder:
    """Builds plain data and the source map from a node tree, collecting findings.

    This is the hottest Python of a run after the resolver (every value of every file passes
    here), so a span is made in one step from the node's marks, and a file without aliases (no
    ``*`` at all: nearly every file) has no alias bookkeeping, since only an alias reaches a node
    twice. Merge keys (``<<``) are followed here too, and counted as aliases are.
    """

    def __init__(self, file: str, source: SourceMap, lines: _Lines) -> None:
        self.file = file
        self.source = source
        self.values = source.values
        self.keys = source.keys
        self.lines = lines
        self.json = file.endswith(".json")
        self.findings: list[Finding] = []
        self.alias_nodes = 0
        self.alias_chars = 0
        self.in_alias = 0
        self.alias_reported = False
        self.leaves = True
        """Whether a text value of a mapping is taken at once (not with an anchor: it may be reached again)."""

    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        if self.lines.starts is None:  # libyaml's own lines and columns (nearly every file)
            return Span(self.file, start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        return self.lines.span(self.file, start, end)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            if depth == MAX_DEPTH + 1:
                self.findings.append(finding("YA06", _too_deep_message(), self.span(node), path))
            return None
        if self.in_alias and self.over_alias_budget(node, path):
            return None
        return self.node(node, path, depth)

    def node(self, node: yaml.Node, path: Path, depth: int) -> Any:
        """The value of one node (its span recorded), its depth and aliases already judged."""
        self.values[path] = self.span(node)
        kind = type(node)
        if kind is yaml.ScalarNode:
            return self.scalar(node, path)  # type: ignore[arg-type]
        if kind is yaml.SequenceNode:
            if node.tag != _SEQ:
                self.bad_tag(node, path)
                return None
            return self.sequence(node, path, depth)  # type: ignore[arg-type]
        if kind is not yaml.MappingNode or node.tag != _MAP:
            self.bad_tag(node, path)
            return None
        return self.mapping(node, path, depth)  # type: ignore[arg-type]

    def over_alias_budget(self, node: yaml.Node, path: Path) -> bool:
        """Count a value reached through an alias; past the budget, report once and say so."""
        self.source.via_alias.add(path)
        self.alias_nodes += 1
        if isinstance(node, yaml.ScalarNode):
            self.alias_chars += len(node.value)
        if self.alias_nodes <= MAX_ALIAS_NODES and self.alias_chars <= MAX_ALIAS_CHARS:
            return False
        if not self.alias_reported:
            self.alias_reported = True
            message = _(
                "aliases expand to more than {values} values or {chars} characters; the rest is ignored"
            ).format(values=f"{MAX_ALIAS_NODES:,}", chars=f"{MAX_ALIAS_CHARS:,}")
            self.findings.append(finding("YA04", message, self.span(node), path))
        return True

    def bad_tag(self, node: yaml.Node, path: Path) -> None:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        self.findings.append(
            finding(
                "YA03",
                _("the tag {tag} is not allowed in a plan file").format(tag=tag),
                self.span(node),
                path,
                hint=_("remove the tag; plan files hold plain text, numbers, lists and mappings"),
            )
        )

    def scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        tag, text = node.tag, node.value
        if tag in _TEXT_TAGS:
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return text.lower() == "true"
        if tag in (_INT_TAG, _FLOAT_TAG):
            if text.isascii() and text[:1].isdigit() and len(text) <= 15 and "," not in text:
                try:  # 85, 2567, 85.5 as written (nearly every number): nothing to check
                    return int(text) if tag == _INT_TAG else float(text)
                except ValueError:
                    pass  # 1e999 and the like: read below, with their findings
            integer = tag == _INT_TAG
            too_long = len(text) > 2 * MAX_DIGITS or len(text.replace(",", "").lstrip("+-")) > MAX_DIGITS
            number = None if integer and too_long else self.number(text, integer)
            if integer and (number is None or abs(number) > sys.float_info.max) and _INT.match(text):
                # 10**400 is a valid int but no float: comparing or charting it would overflow
                problem = _("{value} is too large: a number in a plan has at most {digits} digits").format(
                    value=_shown(text), digits=MAX_DIGITS
                )
                self.findings.append(finding("SC03", problem, self.span(node), path))
                return None
            if number is None:
                problem = _("{value} cannot be read as a number").format(value=_shown(text))
                self.findings.append(finding("SC03", problem, self.span(node), path))
            elif arabic_digits(text) != text:
                self.source.thai_digits.add(path)
            return number
        self.bad_tag(node, path)
        return None

    @staticmethod
    def number(text: str, integer: bool) -> int | float | None:
        plain = arabic_digits(text).replace(",", "")
        lowered = plain.lower()
        if lowered.lstrip("+-") == ".inf":
            return -math.inf if plain.startswith("-") else math.inf
        if lowered == ".nan":
            return math.nan
        try:
            return int(plain, 10) if integer else float(plain)
        except ValueError:
            return None

    def key(self, node: yaml.Node, path: Path) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            message = _("a mapping key must be text or a number, not a list or mapping")
            self.findings.append(finding("YA07", message, self.span(node), path))
            return None
        if self.json and node.tag == _STR and _JSON_NUMBER_KEY.match(node.value):
            return int(node.value)  # JSON keys are always text: "2566" is the year, as YAML's 2566
        return self.scalar(node, path)

    def no_key(self, node: yaml.Node, span: Span, path: Path) -> None:
        """Report a key that YAML reads as a boolean or as null (``true:``, ``~:``); its entry is left out."""
        key = node.value if isinstance(node, yaml.ScalarNode) else ""
        if not key:
            message = _("an empty key is read as null (nothing), not as text: a key in a plan is text or a number")
            hint = _("give the key a name")
        else:
            message = (
                _("the key '{key}' is read as null (nothing), not as text: a key in a plan is text or a number")
                if key.lower() in ("~", "null")
                else _("the key '{key}' is read as a boolean, not as text: a key in a plan is text or a number")
            ).format(key=key)
            hint = _("write the key in quotes ('{key}') or use the key you meant").format(key=key)
        self.findings.append(finding("SC03", message, span, path, hint=hint))

    def sequence(self, node: yaml.SequenceNode, path: Path, depth: int) -> list[Any]:
        if not (self.leaves and self.lines.starts is None and depth + 1 <= MAX_DEPTH and not self.in_alias):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        file, values = self.file, self.values
        items: list[Any] = []
        for i, item in enumerate(node.value):
            if type(item) is yaml.ScalarNode and item.tag == _STR:  # a text, as build() would take it
                start, end = item.start_mark, item.end_mark
                values[(*path, i)] = Span(file, start.line + 1, start.column + 1, end.line + 1, end.column + 1)
                items.append(item.value)
            else:
                items.append(self.build(item, (*path, i), depth + 1))
        return items

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Span] = {}
        merged: dict[Any, Any] = {}
        file, values, keys = self.file, self.values, self.keys
        plain = self.lines.starts is None and not self.json  # keys are text as written, spans libyaml's
        leaf = plain and self.leaves and depth + 1 <= MAX_DEPTH and not self.in_alias  # a text: nothing to check
        for key_node, value_node in node.value:
            tag = key_node.tag
            if plain and tag == _STR and type(key_node) is yaml.ScalarNode:
                key = key_node.value  # the common case, as key() would give it
                start, end = key_node.start_mark, key_node.end_mark
                key_span = Span(file, start.line + 1, start.column + 1, end.line + 1, end.column + 1)
            elif tag == _MERGE:
                self.merge(value_node, path, depth, merged)
                continue
            else:
                key = self.key(key_node, path)
                if key is None and not isinstance(key_node, yaml.ScalarNode):
                    continue
                key_span = self.span(key_node)
                if key is None or isinstance(key, bool):
                    self.no_key(key_node, key_span, path)
                    continue  # True == 1 in Python: kept, it would clash with a key 1 (a year, a quarter)
            if key in first_seen:
                self.duplicate(key, first_seen[key], key_span, path)
                continue
            first_seen[key] = key_span
            child = (*path, key)
            keys[child] = key_span
            if type(value_node) is yaml.ScalarNode:
                if leaf and value_node.tag == _STR:
                    start, end = value_node.start_mark, value_node.end_mark
                    values[child] = Span(file, start.line + 1, start.column + 1, end.line + 1, end.column + 1)
                    result[key] = value_node.value
                    continue
                if key in _AS_WRITTEN and value_node.tag in _NUMBER_TAGS:
                    values[child] = self.span(value_node)
                    result[key] = value_node.value  # 3.10 stays "3.10", as published
                    continue
            result[key] = self.build(value_node, child, depth + 1)
        for key, value in merged.items():
            result.setdefault(key, value)
        return result

    def duplicate(self, key: Any, first: Span, span: Span, path: Path) -> None:
        """Report a key given twice in one mapping; the second is ignored."""
        self.findings.append(
            finding(
                "YA02",
                _("duplicate key {key}: it is already defined at line {line}").format(key=repr(key), line=first.line),
                span,
                (*path, key),
                hint=_("remove one of the two; this one is ignored"),
            )
        )

    def merge_cycle(self, source: yaml.Node, path: Path) -> bool:  # noqa: ARG002  # the alias builder's
        """Whether a merge source is a mapping being built: without aliases, never."""
        return False

    def merge(self, node: yaml.Node, path: Path, depth: int, into: dict[Any, Any]) -> None:
        sources = node.value if isinstance(node, yaml.SequenceNode) else [node]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                message = _("a merge key (<<) needs a mapping or a list of mappings")
                self.findings.append(finding("YA01", message, self.span(source), path))
                continue
            if self.merge_cycle(source, path):
                continue
            self.in_alias += 1
            try:
                value = self.build(source, path, depth + 1)  # a merge nests as deep as a value
            finally:
                self.in_alias -= 1
            if isinstance(value, dict):
                for key, item in value.items():
                    into.setdefault(key, item)


class _AliasBuilder(_Builder):
    """The builder for a file that may hold aliases: it counts what they reach and refuses merge cycles.

    A node reached a second time came through an alias: its values are counted against the alias
    budget and marked ``via_alias`` (their spans point at the anchor).
    """

    def __init__(self, file: str, source: SourceMap, lines: _Lines) -> None:
        super().__init__(file, source, lines)
        self.seen: set[int] = set()
        self.open_mappings: set[int] = set()
        self.leaves = False

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            return super().build(node, path, depth)
        alias = id(node) in self.seen
        self.seen.add(id(node))
        if alias:
            self.in_alias += 1
        try:
            return super().build(node, path, depth)
        finally:
            if alias:
                self.in_alias -= 1

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        self.open_mappings.add(id(node))
        try:
            return super().mapping(node, path, depth)
        finally:
            self.open_mappings.discard(id(node))

    def merge_cycle(self, source: yaml.Node, path: Path) -> bool:
        """Whether a merge source is a mapping being built (``&a {<<: *a}``); reported once."""
        if id(source) not in self.open_mappings:
            return False
        message = _("a merge key (<<) includes the mapping it is in")
        self.findings.append(finding("YA01", message, self.span(source), path, hint=_("remove the << line")))
        return True
