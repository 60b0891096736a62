"""The table of contents (สารบัญ): built from the document's headings, with page numbers in the PDF.

A template marks where the contents go with an empty ``<nav class="toc" data-toc="decimal">`` (its
title inside, ``<h2>{{ doc.L.contents }}</h2>``; ``data-toc="thai"`` for Thai page numbers);
:func:`fill_contents` puts a list there of every heading after it: each ``<h2>`` (level 1), and
each ``<h3>`` that opens a ``<section>`` (a sub-policy: level 2). An entry links to the heading's
``id``, else to its section's, else the heading gets one (``toc-3``).

In HTML the entries are links. The PDF shows the page of each entry: Chromium has no
``target-counter()``, so :mod:`eduplan.render.pdf` prints twice. The first print has a
placeholder of the same width in each entry's page slot; the page each heading landed on is read
from the PDF's named destinations (Chromium writes one for every target of an internal link,
:func:`destination_pages`); :func:`set_pages` writes the numbers in, and the second print is
checked to give every heading the same page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from eduplan.words.thai import Digits, with_digits

__all__ = ["PAGE_SLOT", "Entry", "anchors", "destination_pages", "entries", "fill_contents", "has_pages", "set_pages"]

PAGE_SLOT = '<span class="toc-page"></span>'
"""The empty page slot of an entry, as HTML shows it (no numbers: a browser has no pages)."""

_NAV = re.compile(r"(<nav\b[^>]*\bdata-toc\b[^>]*>)(.*?)(</nav>)", re.DOTALL)
_HEADING = re.compile(r"<(h[23])\b([^>]*)>(.*?)</\1>", re.DOTALL)
_ID = re.compile(r"""\bid=(["'])(.*?)\1""")
_SECTION_OPEN = re.compile(r"<section\b[^>]*>\s*$")
_TAGS = re.compile(r"<[^>]+>")
_SLOT = re.compile(r'<span class="toc-page">[^<]*</span>')
_HREF = re.compile(r'<a href="#([^"]+)">')


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the contents.

    Attributes:
        level: 1 for a chapter (``h2``), 2 for a section within it (an ``h3`` that opens a section).
        anchor: The heading's ``id``.
        html: The heading's content (escaped HTML, without tags).
    """

    level: int
    anchor: str
    html: str


def entries(html: str, start: int = 0) -> tuple[str, list[Entry]]:
    """The headings of ``html`` after ``start`` that the contents list, and ``html`` with an ``id`` on each."""
    found: list[Entry] = []
    out: list[str] = [html[:start]]
    at = start
    for match in _HEADING.finditer(html, start):
        tag, attributes, content = match.groups()
        section = _SECTION_OPEN.search(html, at, match.start())
        if tag == "h3" and section is None:
            continue
        named = _ID.search(attributes) or (_ID.search(section.group()) if section else None)
        if named is None:
            anchor = f"toc-{len(found) + 1}"
            out.append(html[at : match.start()] + f'<{tag}{attributes} id="{anchor}">{content}</{tag}>')
        else:
            anchor = named.group(2)
            out.append(html[at : match.end()])
        at = match.end()
        text = " ".join(_TAGS.sub("", content).split())
        found.append(Entry(1 if tag == "h2" else 2, anchor, text))
    out.append(html[at:])
    return "".join(out), found


def fill_contents(html: str) -> str:
    """``html`` with its ``<nav data-toc>`` filled in (links to the headings after it); as it is without one."""
    nav = _NAV.search(html)
    if nav is None:
        return html
    tail, found = entries(html, nav.end())
    if not found:
        return html
    items = "\n".join(
        f'  <li class="toc-{e.level}"><a href="#{e.anchor}"><span class="toc-text">{e.html}</span>{PAGE_SLOT}</a></li>'
        for e in found
    )
    listing = f'{nav.group(1)}{nav.group(2).rstrip()}\n  <ol class="toc-list">\n{items}\n  </ol>\n{nav.group(3)}'
    return html[: nav.start()] + listing + tail[nav.end() :]


def has_pages(html: str) -> bool:
    """Whether ``html`` has a table of contents whose entries wait for page numbers."""
    return PAGE_SLOT in html


def set_pages(html: str, pages: Mapping[str, int]) -> str:
    """``html`` with each entry's page slot showing the page of its heading, in the digits of the page numbers.

    The digits are the marker's value, ``data-toc="thai"`` (the template writes the page counter
    style there), else Arabic. An entry whose heading has no page (it is not in ``pages``) keeps
    an empty slot.
    """
    nav = _NAV.search(html)
    if nav is None:
        return html
    digits: Digits = "thai" if 'data-toc="thai"' in nav.group(1) else "arabic"

    def number(page: int) -> str:
        return with_digits(str(page), digits)

    def entry(match: re.Match[str]) -> str:
        item = match.group()
        href = _HREF.search(item)
        page = pages.get(href.group(1)) if href else None
        shown = "" if page is None else number(page)
        return _SLOT.sub(f'<span class="toc-page">{shown}</span>', item)

    body = re.sub(r"<li\b.*?</li>", entry, nav.group(2), flags=re.DOTALL)
    return html[: nav.start()] + nav.group(1) + body + nav.group(3) + html[nav.end() :]


def anchors(html: str) -> list[str]:
    """The anchors the contents link to, in order."""
    nav = _NAV.search(html)
    return [] if nav is None else _HREF.findall(nav.group(2))


_OBJECT = re.compile(rb"(?:^|[\r\n])(\d+) 0 obj\s*")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+)\s+0\s+R")
_DESTS = re.compile(rb"/Dests\s+(\d+)\s+0\s+R")
_ROOT = re.compile(rb"/Root\s+(\d+)\s+0\s+R")
_PAGES = re.compile(rb"/Pages\s+(\d+)\s+0\s+R")
_DEST = re.compile(rb"/([^\s/\[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R")


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (1 = the first) of every named destination of a PDF Chromium printed (its ``/Dests`` dictionary).

    Chromium writes its objects uncompressed, the catalog's ``/Dests`` a dictionary of
    ``/name [page 0 R /XYZ x y 0]``; a PDF laid out otherwise gives no pages (an empty dict).
    """
    objects = _objects(pdf)
    catalog = next((body for body in objects.values() if b"/Type /Catalog" in body), None)
    if catalog is None:
        return {}
    dests, pages = _DESTS.search(catalog), _PAGES.search(catalog)
    if dests is None or pages is None:
        return {}
    order: dict[int, int] = {}
    _page_order(objects, int(pages.group(1)), order, depth=0)
    found: dict[str, int] = {}
    for name, page in _DEST.findall(objects.get(int(dests.group(1)), b"")):
        if int(page) in order:
            found[_name(name)] = order[int(page)]
    return found


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Every ``N 0 obj ... endobj`` of the file, its dictionary part only (streams cut off)."""
    found: dict[int, bytes] = {}
    for match in _OBJECT.finditer(pdf):
        end = pdf.find(b"endobj", match.end())
        body = pdf[match.end() : end if end >= 0 else len(pdf)]
        stream = body.find(b"stream")
        found[int(match.group(1))] = body if stream < 0 else body[:stream]
    return found


def _page_order(objects: dict[int, bytes], node: int, order: dict[int, int], depth: int) -> None:
    """Number the page objects under the ``/Pages`` node ``node`` in document order."""
    body = objects.get(node, b"")
    kids = _KIDS.search(body)
    if kids is None or depth > 32:
        if b"/Type /Page" in body:
            order[node] = len(order) + 1
        return
    for ref in _REF.findall(kids.group(1)):
        _page_order(objects, int(ref), order, depth + 1)


def _name(raw: bytes) -> str:
    """A PDF name's text: ``#xx`` escapes decoded."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode("utf-8", "replace")
