"""Plain explanations of YAML mistakes: what the user did, where, and what to do, from libyaml's stop.

libyaml stops where it noticed a problem, in its own words ("mapping values are not allowed in
this context"), often a line after the cause: a no-break space pasted from Word, a colon inside an
unquoted Thai sentence, a quote left open. :func:`explain` runs only when a file did not parse (so
the happy path costs nothing): each detector proposes a cause at or before libyaml's stop, repairs
it in a copy of the text and parses the copy again. A cause is named only if its repair parses,
or moves the first error further down the file; otherwise libyaml's words are given
(:func:`fallback`), translated. The text of a large file is not re-read (:data:`MAX_CHARS`), nor a
text holding line breaks only libyaml sees (NEL, U+2028, U+2029).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

from eduplan.i18n import N_, _, ngettext
from eduplan.load.indents import CLOSER, Block, Target, blocks, line_up, open_brackets, opens, plain, quoted, quoted_end

__all__ = ["MAX_CHARS", "ODD", "VISIBLE", "Mistake", "explain", "fallback"]

MAX_CHARS = 2_000_000
"""Largest file whose text is repaired and parsed again to confirm a cause (a plan file is ~20 kB)."""
_TRIES = 40
"""Most repaired copies parsed for one error (fewer for a large file: :data:`_TRIED_CHARS`)."""
_TRIED_CHARS = 4_000_000
"""Most characters parsed again for one error: a 1 MB file is repaired at most 4 times (about a second)."""

_NBSP = "\u00a0\u202f\u2007"
_WIDE = "\u3000"
_SPACES = "".join(map(chr, range(0x2000, 0x200B))).replace("\u2007", "") + "\u205f\u1680"
_INVISIBLE = "\u200b\u2060\ufeff"
ODD = _NBSP + _WIDE + _SPACES + _INVISIBLE
"""Characters that look like a space (or like nothing) and that YAML does not read as a space."""
VISIBLE = str.maketrans(dict.fromkeys(_NBSP + _WIDE + _SPACES, "⍽") | dict.fromkeys(_INVISIBLE, "¦"))
"""Shows them in a code frame, one character for one: a look-alike space as ``⍽``, an invisible one as ``¦``."""


@dataclass(frozen=True, slots=True)
class Mistake:
    """A cause found: its place (1-based line, columns in characters, end exclusive), message and hint."""

    line: int
    col: int
    end_col: int
    message: str
    hint: str | None


_SCANNING = ("while scanning a quoted", "while scanning a simple key", "while parsing a flow", "while scanning a block")


class _Text:
    """The failed text as editor lines, and the test of a repair: does the copy parse further?"""

    def __init__(self, text: str, stop: tuple[int, int], problem: str, context_line: int | None) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.stop = stop
        self.budget = min(_TRIES, max(3, _TRIED_CHARS // max(1, len(text))))
        self.problem = problem
        self.context_line = context_line
        self.written: set[str] | None = None
        self.tries = 0

    def upto(self) -> range:
        """Indexes of the lines a cause can be on: those up to libyaml's stop."""
        return range(min(self.stop[0], len(self.lines)))

    def fixed(self, lines: list[str], at: int | None = None) -> bool:
        """Whether ``lines`` parse, or parse further than the text did (the repair removed the first error).

        A repair of the line at index ``at`` that only starts a new error there (a quote it opened,
        read to the end of the file) fixed nothing.
        """
        if self.tries >= self.budget:
            return False
        self.tries += 1
        try:
            yaml.compose("\n".join(lines), Loader=yaml.CSafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            begun = exc.context_mark is not None and exc.context_mark.line == at
            if begun and (exc.context or "").startswith(_SCANNING):
                return False
            return mark is not None and (mark.line + 1, mark.column + 1) > self.stop
        except (yaml.YAMLError, RecursionError):
            return False
        return True

    def written_keys(self) -> set[str]:
        """The keys written in the file (``title`` of ``title: ...``), to tell a key without its colon from text."""
        if self.written is None:
            self.written = set(_KEYS.findall("\n".join(self.lines)))
        return self.written

    def with_line(self, index: int, line: str) -> list[str]:
        return [*self.lines[:index], line, *self.lines[index + 1 :]]

    def at_stop(self, problem: str) -> tuple[int, int, str] | None:
        """Where libyaml stopped (line index, column index, the line), if it said ``problem``."""
        index, col = self.stop[0] - 1, self.stop[1] - 1
        if not self.problem.startswith(problem) or not 0 <= index < len(self.lines):
            return None
        return index, col, self.lines[index]


def explain(text: str, line: int, col: int, problem: str, context_line: int | None) -> Mistake | None:
    """The cause of the syntax error libyaml reported at ``line``:``col`` (1-based), if one is sure.

    Args:
        text: The file's text (no BOM).
        line: Line of libyaml's problem mark.
        col: Its column.
        problem: libyaml's words.
        context_line: The line of libyaml's context mark (where the construct it was reading began), if any.
    """
    if len(text) > MAX_CHARS or any(odd in text for odd in "\x85\u2028\u2029"):
        return None  # libyaml counts these as line breaks: its lines in a repaired copy would not be the editor's
    doc = _Text(text, (line, col), problem, context_line)
    for detect in _DETECTORS:
        found = detect(doc)
        if found is not None:
            return found
    return None


# -- look-alike spaces and tabs ---------------------------------------------------------------------

_INDENT_MESSAGES = {
    "nbsp": N_("the indentation holds a no-break space ({code}), which YAML does not read as a space"),
    "wide": N_("the indentation holds a full-width space ({code}), which YAML does not read as a space"),
    "space": N_("the indentation holds the Unicode space {code} {name}, which YAML does not read as a space"),
    "invisible": N_("the indentation holds the invisible character {code} {name}"),
}
_COLON_MESSAGES = {
    "nbsp": N_("a no-break space ({code}) follows the colon of `{key}:`; YAML needs an ordinary space there"),
    "wide": N_("a full-width space ({code}) follows the colon of `{key}:`; YAML needs an ordinary space there"),
    "space": N_("the Unicode space {code} {name} follows the colon of `{key}:`; YAML needs an ordinary space there"),
    "invisible": N_("the invisible character {code} {name} follows the colon of `{key}:`"),
}
_ODD_HINTS = {
    "nbsp": N_(
        "replace it with an ordinary space; text copied from Word or a web page brings no-break spaces "
        "(search the file for U+00A0 to find them all)"
    ),
    "wide": N_("replace it with an ordinary space; a keyboard in full-width mode (Chinese or Japanese input) types it"),
    "space": N_("replace it with an ordinary space; it came with text copied from another document"),
    "invisible": N_("delete it; it is invisible in most editors"),
}


def _kind(char: str) -> str:
    if char in _NBSP:
        return "nbsp"
    if char in _WIDE:
        return "wide"
    return "space" if char in _SPACES else "invisible"


def _odd_places(line: str) -> Iterator[tuple[int, str]]:
    """Look-alike spaces where YAML needs spaces: ``(column index, "indent" or "colon")``."""
    i = 0
    while i < len(line) and (line[i] in " \t-" + ODD):
        if line[i] in ODD:
            yield i, "indent"
        elif line[i] == "-" and not (i + 1 < len(line) and line[i + 1] in " \t" + ODD):
            break
        i += 1
    for match in re.finditer(f":[{ODD}]", line):
        yield match.start() + 1, "colon"


def _odd_spaces(doc: _Text) -> Mistake | None:
    candidates = [(index, places) for index in doc.upto() if (places := list(_odd_places(doc.lines[index])))]
    everywhere = list(doc.lines)
    for index, places in candidates:
        line = doc.lines[index]
        for at, _where in places:
            everywhere[index] = everywhere[index][:at] + " " + everywhere[index][at + 1 :]
        for width in (" ", "", "  "):  # the look-alike for a space, an extra one, a full-width one for two
            chars = list(line)
            for at, _where in places:
                chars[at] = width if width != "  " or line[at] in _WIDE else " "
            if doc.fixed(doc.with_line(index, "".join(chars)), index):
                return _odd_mistake(index, line, *places[0])
    if candidates and doc.fixed(everywhere):  # each one alone is not enough: all of them together
        index, places = candidates[0]
        return _odd_mistake(index, doc.lines[index], *places[0])
    return None


def _odd_mistake(index: int, line: str, at: int, where: str) -> Mistake:
    char = line[at]
    kind = _kind(char)
    code, name = f"U+{ord(char):04X}", unicodedata.name(char, "")
    if where == "indent":
        message = _(_INDENT_MESSAGES[kind]).format(code=code, name=name)
    else:
        key = line[:at].strip(" -" + ODD).rstrip(":").rpartition(" ")[2] or line[: at - 1].strip()
        message = _(_COLON_MESSAGES[kind]).format(code=code, name=name, key=key)
    return Mistake(index + 1, at + 1, at + 2, message, _(_ODD_HINTS[kind]))


def _tabs(doc: _Text) -> Mistake | None:
    for index in doc.upto():
        line = doc.lines[index]
        indent = len(line) - len(line.lstrip(" \t-"))
        if "\t" not in line[:indent]:
            continue
        certain = "'\\t'" in doc.problem and index + 1 == doc.stop[0]
        widths = (" ", "", "  ", "    ")  # for a space, an extra one, for an indent of 2 or 4
        if certain or any(doc.fixed(doc.with_line(index, line.replace("\t", width, 8)), index) for width in widths):
            at = line.index("\t")
            return Mistake(index + 1, at + 1, at + 2, _("a tab character cannot indent YAML"), _("indent with spaces"))
    return None


# -- quotes and brackets ----------------------------------------------------------------------------

_VALUE_START = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s#'\"\[\]{}][^#]*?[ ]*:[ ]+|-[ ]+|)(?=[\"'\[{])")
"""The part of a line before a value that starts with a quote or a bracket (``title: "``, ``- [``)."""


def _key_of(line: str) -> str:
    return line.strip(" -").partition(":")[0].strip() or "-"


def _quotes(doc: _Text) -> Mistake | None:
    for index in doc.upto():
        line = doc.lines[index]
        match = _VALUE_START.match(line)
        if match is None or line[match.end()] not in "\"'":
            continue
        start = match.end()
        quote, end = line[start], quoted_end(line, start)
        if end is None:
            if doc.fixed(doc.with_line(index, line.rstrip() + quote)):
                message = (
                    _("the text in double quotes that starts here is not closed")
                    if quote == '"'
                    else _("the text in single quotes that starts here is not closed")
                )
                hint = (
                    _('close it with " at the end of the text; a " inside the text is written \\"')
                    if quote == '"'
                    else _("close it with ' at the end of the text; a ' inside the text is written twice ('')")
                )
                return Mistake(index + 1, start + 1, start + 2, message, hint)
            continue
        rest = line[end:].strip()
        if rest and not rest.startswith("#") and match.group().strip(" -"):
            whole = quoted(line[start:].rstrip())
            if doc.fixed(doc.with_line(index, line[:start] + whole), index):
                message = _("text follows the closing quote of the value of `{key}`").format(key=_key_of(line))
                hint = _("put the whole value inside the quotes, or write it without quotes")
                return Mistake(index + 1, end + 1, end + 2, message, hint)
    return None


def _flows(doc: _Text) -> Mistake | None:
    """An unclosed ``[`` or ``{``: libyaml names where it opened (its context); the repair closes it."""
    context_line = doc.context_line
    if context_line is None or not 1 <= context_line <= len(doc.lines):
        return None
    index = context_line - 1
    line = doc.lines[index]
    match = _VALUE_START.match(line)
    if match is None or line[match.end()] not in CLOSER:
        return None
    start = match.end()
    opened = open_brackets(doc.lines, index, start)
    if not opened:
        return None
    last, stack, comment = opened
    repaired = doc.with_line(last, doc.lines[last].rstrip() + "".join(CLOSER[b] for b in reversed(stack)))
    if comment is not None:
        commented = doc.lines[last][comment:]
        repaired = doc.with_line(last, doc.lines[last][:comment].rstrip() + commented.lstrip("# "))
        if doc.fixed(repaired):
            message = _("the `#` here starts a comment, which hides the rest of the line and its `{closer}`").format(
                closer=CLOSER[stack[0]]
            )
            hint = _("a `#` after a space starts a comment: put the text with `#` in quotes")
            return Mistake(last + 1, comment + 1, comment + 2, message, hint)
    elif doc.fixed(repaired):
        bracket = line[start]
        message = (
            _("the list in brackets that opens here is never closed with `]`")
            if bracket == "["
            else _("the mapping in braces that opens here is never closed with `}`")
        )
        hint = _("add `{closer}` at its end, after the last item; items are separated by commas").format(
            closer=CLOSER[bracket]
        )
        return Mistake(index + 1, start + 1, start + 2, message, hint)
    return None


def _comma(doc: _Text) -> Mistake | None:
    """``{2566: 80 2567: 85}``: two items of a flow with no comma between them."""
    stop = doc.at_stop("did not find expected ','")
    if stop is None:
        return None
    index, col, line = stop
    space = line.rfind(" ", 0, col)
    before = line[:space].rstrip()
    if space <= 0 or not before or before[-1] in ",[{:" or not line[space + 1 : col].strip():
        return None
    if not doc.fixed(doc.with_line(index, before + "," + line[len(before) :]), index):
        return None
    word = line[space + 1 : col].strip()
    message = _("a comma is missing before `{item}`").format(item=word)
    hint = _("the items in brackets or braces are separated by commas: `{fixed}`").format(
        fixed=f"{before.split()[-1]}, {word}"
    )
    return Mistake(index + 1, space + 2, space + 2 + len(word), message, hint)


# -- colons -----------------------------------------------------------------------------------------

_GLUED = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/\\][^#]*?)[ ]*(?:[ ]#.*)?$")
"""``key:value``: a key and its value with no space between, which YAML reads as one text."""


def _glued(doc: _Text) -> Mistake | None:
    for index in doc.upto():
        line = doc.lines[index]
        match = _GLUED.match(line)
        if match is None or (match["value"][:1].isdigit() and match["key"].isdigit()) or opens(match["value"]):
            continue
        at = match.end("key")
        if doc.fixed(doc.with_line(index, line[: at + 1] + " " + line[at + 1 :]), index):
            key, value = match["key"], match["value"]
            message = _("a space is missing after `{key}:`, so YAML reads `{text}` as one text").format(
                key=key, text=f"{key}:{value}"
            )
            hint = _("write a space after the colon: `{key}: {value}`").format(key=key, value=value)
            return Mistake(index + 1, at + 1, at + 2, message, hint)
    return None


def _colon_in_value(doc: _Text) -> Mistake | None:
    """``title: ตัวชี้วัด: ร้อยละ``: libyaml stops at the second colon, on the line of the first."""
    stop = doc.at_stop("mapping values are not allowed")
    if stop is None:
        return None
    index, col, line = stop
    match = re.match(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^\s#'\"\[\]{}][^#]*?):[ ]+(?P<value>.*)$", line)
    if match is None or match.start("value") > col or line[col : col + 1] != ":":
        return None
    value = match["value"].rstrip()
    written = quoted(value)
    if not doc.fixed(doc.with_line(index, line[: match.start("value")] + written), index):
        return None
    key = match["key"].strip()
    shown = written if len(written) <= 42 else written[:40] + '…"'
    message = _("the value of `{key}` holds a colon and a space (`: `), which YAML reads as the start of a key").format(
        key=key
    )
    return Mistake(
        index + 1,
        col + 1,
        col + 2,
        message,
        _("put the value in quotes: `{key}: {value}`").format(key=key, value=shown),
    )


# -- indentation ------------------------------------------------------------------------------------


def _indentation(doc: _Text) -> Mistake | None:
    found = blocks(doc.lines, doc.stop[0])
    if not found:
        return None
    block, wrong = found[-1]
    if wrong is None:
        return None
    if block.key is None and not block.dashes:
        return _text_line(doc, block, found[-2][0] if len(found) > 1 else None)
    for target in wrong.targets:
        if doc.fixed(line_up(doc.lines, block, target.col), block.number - 1):
            return _indent_mistake(block, wrong.kind, target)
    return None


_WORD = re.compile(r"^[ ]*(?P<word>[A-Za-z_][\w-]*)(?:[ ]+(?P<rest>[^:#]*?))?[ ]*$")
_KEYS = re.compile(r"^[ ]*(?:-[ ]+)*([A-Za-z_][\w-]*):(?:[ ]|$)", re.MULTILINE)
_THAI = re.compile("[\u0e00-\u0e7f]")


def _text_line(doc: _Text, block: Block, above: Block | None) -> Mistake | None:
    """A line of text where a key belongs: a key without its colon, or a long text broken over two lines."""
    index = block.number - 1
    line = doc.lines[index]
    word = _WORD.match(line)
    if word is not None and (not word["rest"] or _THAI.match(word["rest"]) or word["word"] in doc.written_keys()):
        at = word.end("word")
        if not doc.fixed(doc.with_line(index, line[:at] + ":" + line[at:]), index):
            return None
        key, rest = word["word"], word["rest"] or ""
        message = _("`{key}` has no colon after it, so YAML reads the line as text, not as a key").format(key=key)
        hint = _("write a colon after the key: `{fixed}`").format(fixed=f"{key}: {rest}".rstrip())
        return Mistake(block.number, block.first + 1, at + 1, message, hint)
    if ":" in line or not _THAI.match(line.strip()) or above is None or not above.key or not plain(above.value):
        return None  # a line with a colon was meant as a key: joining it to the text above would hide it
    before = index - 1
    while before > 0 and not doc.lines[before].strip():
        before -= 1
    joined = doc.lines[before].rstrip() + " " + line.strip()
    if not doc.fixed([*doc.lines[:before], joined, *doc.lines[index + 1 :]], before):
        return None
    fields = {"above": f"{above.key}:", "line": above.number}
    message = _(
        "this line reads as text, not as a key: it goes on from the value of `{above}` on line {line}, "
        "but is not indented under it"
    ).format(**fields)
    hint = _("join it to the end of line {line}, or indent it further than `{above}`").format(**fields)
    return Mistake(block.number, block.first + 1, max(len(line.rstrip()) + 1, block.first + 2), message, hint)


def _indent_mistake(block: Block, kind: str, target: Target) -> Mistake:
    what = block.shown
    if kind == "deeper":
        message = (
            _("`{key}` is indented further than `{above}` on line {line}, which already has a value")
            if not block.dashes
            else _("this list item is indented further than `{above}` on line {line}, which already has a value")
        )
        hint = _(
            "line it up with `{above}` (column {col}); if it belongs inside `{above}`, "
            "nothing may follow the colon of `{above}`"
        )
    else:
        message = (
            ngettext(
                "`{key}` is indented by {count} space, which lines it up with no key above it",
                "`{key}` is indented by {count} spaces, which lines it up with no key above it",
                block.first,
            )
            if not block.dashes
            else ngettext(
                "this list item is indented by {count} space, which lines it up with no list above it",
                "this list item is indented by {count} spaces, which lines it up with no list above it",
                block.first,
            )
        )
        hint = (
            _("indent it further than `{above}` on line {line} (to column {col})")
            if target.inside
            else _("line it up with `{above}` on line {line} (column {col})")
        )
    fields = {"key": what, "above": target.shown, "line": target.line, "col": target.col + 1}
    col = block.first + 1
    return Mistake(
        block.number, col, col + len(what), message.format(count=block.first, **fields), hint.format(**fields)
    )


# -- libyaml's words, when no cause is sure -----------------------------------------------------------

_PROBLEMS = [
    ("mapping values are not allowed", N_("a colon (`:`) stands where no key can start")),
    ("could not find expected ':'", N_("a key or a text is not followed by a colon (`:`)")),
    ("did not find expected key", N_("a key was expected here: the line does not fit the lines above")),
    ("did not find expected '-' indicator", N_("a list item (`-`) was expected here, lined up with the items above")),
    ("did not find expected node content", N_("a value was expected here")),
    ("did not find expected ',' or ']'", N_("a comma or `]` was expected here, in the list in brackets")),
    ("did not find expected ',' or '}'", N_("a comma or `}` was expected here, in the mapping in braces")),
    ("found unexpected end of stream", N_("the file ends before the value that began above is finished")),
    ("found undefined alias", N_("the alias (`*`) names no anchor (`&`) above it")),
    ("found character that cannot start any token", N_("this character cannot start a value")),
    ("found unknown escape character", N_("a backslash in double quotes starts no known escape sequence")),
    ("block sequence entries are not allowed", N_("a list item (`-`) stands where no list can start")),
    ("expected <block end>", N_("the line does not fit the indentation of the lines above")),
    ("expected alphabetic or numeric character", N_("an anchor or alias (`&`, `*`) needs a name right after its sign")),
    ("found unexpected ':'", N_("a colon (`:`) stands where no key can start")),
    ("found incompatible YAML document", N_("the file asks for a YAML version this reader does not know")),
]
_CONTEXTS = [
    ("while scanning a quoted scalar", N_("the quoted text began at line {line}")),
    ("while parsing a flow", N_("the list or mapping in brackets began at line {line}")),
    ("while scanning a block scalar", N_("the block of text (`|` or `>`) began at line {line}")),
    ("while scanning a simple key", N_("the key or text without its colon is on line {line}")),
]


def fallback(
    problem: str, context: str | None, context_line: int | None, line: int, char: str
) -> tuple[str, str | None]:
    """The words of libyaml, explained as well as they can be without knowing the cause: (message, hint).

    ``char`` is the character at libyaml's mark ("" at the end of the file). The original words
    stay in the message, in both languages, for whoever searches for them.
    """
    if char == "\t":
        return _("a tab character cannot indent YAML"), _("indent with spaces")
    plain = next(
        (text for start, text in _PROBLEMS if problem.startswith(start)), N_("the file is not valid YAML here")
    )
    message = _("{plain} (the YAML reader says `{original}`)").format(plain=_(plain), original=problem)
    hint = None
    if context and context_line is not None and context_line != line:
        hint = next((_(text).format(line=context_line) for start, text in _CONTEXTS if context.startswith(start)), None)
    return message, hint


_DETECTORS: list[Callable[[_Text], Mistake | None]] = [
    _odd_spaces,
    _tabs,
    _quotes,
    _flows,
    _comma,
    _glued,
    _colon_in_value,
    _indentation,
]
