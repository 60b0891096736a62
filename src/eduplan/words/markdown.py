"""Plan text inside Markdown: the one escaper of every Markdown eduplan writes.

validate's markdown report and GitHub job summary, ``diff -f markdown`` and ``gaps -f markdown``
put plan text (titles, messages, ids, file and directory names) into headings, lists and table
cells. None of it may become markup: a link ``[x](javascript:...)``, an image
``![](http://...)`` that GitHub fetches, raw HTML (``<img onerror=...>``, ``<script>``),
emphasis, a heading, a new table row or line. :func:`text` makes any string one line of
literal text; :func:`code` makes it a code span. The rendered documents (``render -f markdown``)
keep the plan's line breaks: :func:`block` escapes text over several lines.
"""

from __future__ import annotations

import re

__all__ = ["block", "code", "text"]

_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
"""Everything a browser, GitHub or an editor may take as a line break."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
"""Control characters and lone surrogates (from file names): invisible, or not encodable."""
_MARKUP = str.maketrans({c: "\\" + c for c in "\\`*_[]!|~#$"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;", "\t": " "})
"""Characters that start or end markup, escaped: a backslash before punctuation, entities for HTML."""


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?[0-9A-Za-z]+;))")
"""Characters with meaning anywhere in a line (``&`` only where it would start an entity)."""
_BULLET = re.compile(r"^([-+](?=[ \t]|$)|[-=](?=[-= \t]*$))", re.MULTILINE)
"""A line that would start a list, or underline the line before it into a heading."""
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)", re.MULTILINE)
"""A line that would start a numbered list."""


def block(value: str) -> str:
    r"""Text of several lines as literal Markdown: CommonMark backslash escapes for characters with meaning.

    >>> block("a|b <script>\n- not a list")
    'a\\|b \\<script\\>\n\\- not a list'
    """
    escaped = _SPECIAL.sub(r"\\\1", value)
    escaped = _BULLET.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\\2", escaped)


def text(value: str) -> str:
    """Any string as one line of literal Markdown text, safe in a paragraph, a heading or a table cell.

    Line breaks become spaces, control characters U+FFFD, punctuation that makes markup gets a
    backslash and ``<``, ``>``, ``&`` become entities: ``[x](javascript:...)`` shows as written
    and links nowhere, ``<img onerror=...>`` shows as text. (Only a line's start can make a
    list or a heading of ``-`` or ``1.``, and no line starts with the text.)
    """
    return _CONTROL.sub("\ufffd", _BREAKS.sub(" ", value)).translate(_MARKUP)


def code(value: str, *, table: bool = True) -> str:
    """Any string as a code span: shown as written, in a monospace font, never markup.

    The fence is one backtick longer than the longest run of backticks in the string. In a
    table cell (``table``, the default) a ``|`` is escaped, as GitHub requires even in code.
    """
    value = _CONTROL.sub("\ufffd", _BREAKS.sub(" ", value))
    if table:
        value = value.replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith(("`", " ")) or value.endswith(("`", " ")) or not value else ""
    return f"{fence}{pad}{value}{pad}{fence}"
