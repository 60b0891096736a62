"""Thai digits everywhere: one display transform of a document's final text (``render --digits thai``).

A document in Thai digits (เลขไทย, as the Cabinet's resolution of 2 May 2543 asks of agencies)
must not show "พ.ศ.2567" beside "ปีงบประมาณ ๒๕๖๗" (rule TX05's concern): so the digits of the plan's
own text change too. The data never changes: this is how the rendered text is shown, applied once,
to the Markdown or HTML a template wrote (the PDF and the Word document are made from that HTML).

What is not text stays as written: in HTML every tag with its attributes (ids, anchors, classes,
the coordinates of the SVG charts), comments and the contents of ``<style>`` and ``<script>``; in
Markdown code spans, link targets and HTML comments; in both, character references (``&#39;``),
addresses (``https://...``, ``www...``, e-mail), codes of Latin letters and digits (``A1``, ``5Q``,
``COVID-19``, a file's name, an id: names, not numbers) and what the view marked with :func:`keep` (the
plan's id in the colophon; money when the budgets keep Arabic digits, ``--budget-digits arabic``, as the
resolution allows in budget tables). The marks are removed from the text whatever the digits.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from eduplan.words.thai import Digits

__all__ = ["KEEP_END", "KEEP_START", "Markup", "display", "keep", "thai_digits", "unmarked"]

Markup = Literal["html", "markdown"]

KEEP_START = "\ufdd0"
"""Opens a piece of text whose digits stay as written (a Unicode noncharacter: never in a document)."""
KEEP_END = "\ufdd1"
"""Closes it."""

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

_ADDRESS = r"(?:https?|ftp|file)://[^\s<>\"'`]+|www\.[^\s<>\"'`]+|mailto:[^\s<>\"'`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_REFERENCE = r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
_CODE = r"(?<![A-Za-z0-9_\\])(?=[A-Za-z0-9_.\\-]*?[A-Za-z])(?=[A-Za-z0-9_.\\-]*?[0-9])[A-Za-z0-9_][A-Za-z0-9_.\\-]*"
_KEPT = f"{KEEP_START}[^{KEEP_START}{KEEP_END}]*{KEEP_END}"
_HTML = (
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(script|style)\b.*?(?:</\1\s*>|\Z)"  # a style sheet or a script, with its contents
    r"|<[^>]*>?"  # a tag, with its attributes
    rf"|{_REFERENCE}|{_ADDRESS}|{_CODE}|{_KEPT}"  # a character reference, an address, a code, a kept piece
)
_MARKDOWN = (
    r"<!--.*?(?:-->|\Z)"  # an HTML comment
    r"|(?<!\\)(`+)(?:(?!\1).)+?\1"  # a code span
    r"|\]\([^)\s]*\)"  # a link's target
    r"|<(?:https?|ftp|mailto):[^>\s]*>"  # an autolink
    rf"|{_REFERENCE}|{_ADDRESS}|{_CODE}|{_KEPT}"
)


def keep(text: str) -> str:
    """``text`` marked so that its digits stay as written through :func:`display`."""
    return f"{KEEP_START}{unmarked(text)}{KEEP_END}"


def unmarked(text: str) -> str:
    """``text`` without the marks of :func:`keep` (two replaces: ``str.translate`` looks up every character)."""
    return text.replace(KEEP_START, "").replace(KEEP_END, "")


def thai_digits(text: str, markup: Markup) -> str:
    """Every Arabic digit of the text of a document as a Thai digit; markup, addresses and kept pieces as written.

    >>> thai_digits('<td class="c-2">พ.ศ.2567</td>', "html")
    '<td class="c-2">พ.ศ.๒๕๖๗</td>'
    >>> thai_digits("ดู https://example.org/2567 หน้า 12", "markdown")
    'ดู https://example.org/2567 หน้า ๑๒'
    """
    pattern = _pattern(_HTML if markup == "html" else _MARKDOWN)
    out: list[str] = []
    at = 0
    for match in pattern.finditer(text):
        out.append(text[at : match.start()].translate(_TO_THAI))
        out.append(match.group(0))
        at = match.end()
    out.append(text[at:].translate(_TO_THAI))
    return unmarked("".join(out))


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """What Thai digits leave as written, compiled when a document in Thai digits is first made."""
    return re.compile(source, re.DOTALL | re.IGNORECASE)


def display(text: str, markup: Markup, digits: Digits) -> str:
    """A document's final text in its digits: all Thai for ``thai``; in both cases without :func:`keep`'s marks."""
    return thai_digits(text, markup) if digits == "thai" else unmarked(text)
