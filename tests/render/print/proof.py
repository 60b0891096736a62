"""Reading a printed PDF back: its lines per page (pdftotext), and the faults a Thai reader sees.

:func:`lines` reads every page's lines with their boxes (``pdftotext -bbox-layout``); :class:`Source`
is what the document's HTML says (its text, headings, captions, contents). Each check compares
the two and returns the faults it finds, in words a failing test prints:

* :func:`split_words`: a line that ends inside a dictionary word;
* :func:`torn_lines`: a line made only of combining marks (a line torn across a page foot);
* :func:`orphan_headings`: a page whose lowest line is (the start of) a heading;
* :func:`parted_captions`: a caption on another page than its chart or table, or itself split;
* :func:`parted_numbers`: a number at the end of a line, its unit at the start of the next;
* :func:`wrong_contents`: an entry of the contents whose page is not the page of its heading;
* :func:`invisible_characters`: a zero-width space, word joiner or soft hyphen in the text layer.

Lines are read in the order pdftotext gives (per page, top to bottom within each column); two
lines count as one wrapped line only when their joined ends are contiguous text of the source.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from eduplan.render.linebreak import boundaries

_NS = "{http://www.w3.org/1999/xhtml}"
_LETTERS = "\u0e01-\u0e4f\u0e5a\u0e5b"
_DIGITS = "0-9\u0e50-\u0e59"
_THAI_END = re.compile(f"[{_LETTERS}][{_LETTERS}.]*$")
_THAI_START = re.compile(f"^[{_LETTERS}.]+")
_NUMBER_END = re.compile(f"[{_DIGITS}][{_DIGITS},.%]*$")
_NUMBER_START = re.compile(f"^[{_DIGITS}][{_DIGITS},.%]*")
_WORD_END = re.compile(r"\S+$")
_LETTER_WORD = re.compile(f"[A-Za-z{_LETTERS}]")
_WORD_START = re.compile(r"^\S+")
_PAGE_NUMBER = re.compile(f"[{_DIGITS}]+$")
_INVISIBLE = {"\u200b": "ZWSP", "\u2060": "WJ", "\u00ad": "SHY", "\ufeff": "ZWNBSP"}


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page as pdftotext reads it: its text (words joined by spaces) and its box (points)."""

    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def available() -> bool:
    """Whether pdftotext (poppler-utils) is installed."""
    return shutil.which("pdftotext") is not None


def lines(pdf: Path) -> list[list[Line]]:
    """The lines of every page of ``pdf``, in reading order (page 1 first)."""
    done = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True)
    root = etree.fromstring(done.stdout, parser=etree.XMLParser(recover=True, huge_tree=True))
    pages: list[list[Line]] = []
    for number, page in enumerate(root.iter(f"{_NS}page"), start=1):
        found: list[Line] = []
        for line in page.iter(f"{_NS}line"):
            text = " ".join(w.text or "" for w in line.iter(f"{_NS}word")).strip()
            if text:
                box = [float(line.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
                found.append(Line(number, text, *box))
        pages.append(found)
    return pages


def page_text(pdf: Path, page: int) -> str:
    """The text of one page as search and copy-paste get it (``pdftotext -f N -l N``)."""
    command = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, check=True, text=True).stdout


def flat(text: str) -> str:
    """``text`` without any whitespace (NFC): what the source and the PDF both say, wherever lines break."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def spaced(text: str) -> str:
    """``text`` with every run of whitespace one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_BLOCKS = {
    "p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
    "div", "section", "header", "footer", "nav", "main", "table", "tr", "ol", "ul", "dl", "figure", "br",
}  # fmt: skip


def _blocks_text(element: Any) -> str:
    """The text of ``element`` with a line break around every block (a cell, a list number, a heading)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        block = node.tag in _BLOCKS or "num" in (node.get("class") or "").split()
        parts.append("\n" if block else "")
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        parts.append("\n" if block else "")

    walk(element)
    return "\n".join(spaced(line) for line in "".join(parts).split("\n") if line.strip())


@dataclass
class Source:
    """What a document's HTML says: its text, headings, captions of charts and tables, contents entries.

    ``text`` has one line per block (a paragraph, a cell, a heading, a list number): two pieces of
    text on one line of it may be on one printed line, or wrapped.
    """

    text: str
    headings: list[str] = field(default_factory=list)
    chart_captions: list[str] = field(default_factory=list)
    table_captions: list[tuple[str, str]] = field(default_factory=list)
    """(caption, the first header cell of its table)."""
    contents: list[str] = field(default_factory=list)
    contents_title: str = ""

    @classmethod
    def of(cls, html: str) -> Source:
        """Read a rendered document's HTML."""
        root = lxml_html.document_fromstring(html)
        for gone in root.xpath("//style|//script|//svg|//*[local-name()='svg']"):
            gone.drop_tree()
        body = root.find("body")
        assert body is not None
        source = cls(_blocks_text(body))
        source.headings = [
            spaced(e.text_content())
            for e in root.xpath("//main//h2|//main//h3|//main//h4|//main//h5|//main//h6|//dl[@class='components']/dt")
        ]
        source.chart_captions = [spaced(e.text_content()) for e in root.xpath("//figure/figcaption")]
        for caption in root.xpath("//table/caption"):
            head = caption.getparent().xpath(".//th")
            first = spaced(head[0].text_content()) if head else ""
            source.table_captions.append((spaced(caption.text_content()), first))
        source.contents = [spaced(e.text_content()) for e in root.xpath("//nav[@data-toc]//li")]
        source.contents_title = "".join(spaced(e.text_content()) for e in root.xpath("//nav[@data-toc]/h2"))
        return source


HEADER = 50.0
"""Points from the top of a page above which a line is the running header (the page number)."""


def _pairs(pages: list[list[Line]]) -> list[tuple[Line, Line]]:
    """Each line and the line it may have wrapped onto: the nearest line just below it that starts where it starts.

    The last line of a column on a page goes on at the first line of the next page that starts where
    it starts (below the running header). Cells of a table row, side by side, are never a pair.
    """
    found: list[tuple[Line, Line]] = []
    for number, page in enumerate(pages):
        body = [line for line in page if line.y0 >= HEADER]
        lowest = max((line.y1 for line in body), default=0.0)
        for line in body:
            height = line.y1 - line.y0
            # the next line of a paragraph follows at the line pitch; the next cell of a column is further down
            below = [o for o in body if abs(o.x0 - line.x0) < 2 and line.y1 - 1 < o.y0 < line.y1 + 0.3 * height]
            if below:
                found.append((line, min(below, key=lambda o: o.y0)))
            elif line.y1 > lowest - height and number + 1 < len(pages):
                following = [o for o in pages[number + 1] if o.y0 >= HEADER and abs(o.x0 - line.x0) < 2]
                if following:
                    found.append((line, min(following, key=lambda o: o.y0)))
    return found


def split_words(pages: list[list[Line]], source: Source) -> list[str]:
    """Lines that end inside a word: the end of one line and the start of the next are one run of Thai letters
    of the source, and the dictionary has no boundary between them."""
    text = source.text
    faults: list[str] = []
    for before, after in _pairs(pages):
        tail, head = _THAI_END.search(before.text), _THAI_START.search(after.text)
        if tail is None or head is None:
            continue
        run = tail.group() + head.group()
        if run not in text:  # two runs that only meet here (a heading, then a paragraph; a space between)
            continue
        if not any(_boundary_at(text, at, len(tail.group())) for at in _occurrences(text, run)):
            faults.append(f"page {before.page}: {tail.group()}/{head.group()}")
    return faults


def _occurrences(text: str, piece: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(piece), text)]


def _boundary_at(text: str, at: int, offset: int) -> bool:
    """Whether the dictionary has a boundary ``offset`` letters after ``at``, in the whole run of Thai there."""
    start = at
    while start > 0 and re.match(f"[{_LETTERS}.]", text[start - 1]):
        start -= 1
    end = at
    while end < len(text) and re.match(f"[{_LETTERS}.]", text[end]):
        end += 1
    return at + offset - start in boundaries(text[start:end])


def torn_lines(pages: list[list[Line]]) -> list[str]:
    """Lines torn across a page foot: only their upper vowels and tone marks on this page, the rest on the next.

    Chromium draws what sticks out above a line that moved to the next page at the foot of this
    one, and writes the clusters it drew there into the text layer with no width; a line of
    combining marks alone is the same fault in another engine.
    """
    return [
        f"page {line.page}: {line.text!r}"
        for page in pages
        for line in page
        if line.x1 - line.x0 < 0.5 or all(unicodedata.category(c) in ("Mn", "Zs") for c in line.text)
    ]


def orphan_headings(pages: list[list[Line]], source: Source) -> list[str]:
    """Pages whose lowest line is a heading, or its first line, with its text on the next page."""
    headings = [flat(h) for h in source.headings if len(flat(h)) > 1]
    skipped = contents_pages(pages, source)
    faults: list[str] = []
    for page in pages[:-1]:
        if not page or page[0].page in skipped:
            continue
        lowest = max(page, key=lambda line: line.y1)
        margin = min(line.x0 for line in page)
        last = flat(lowest.text)
        if lowest.x0 > margin + 2:  # not at the left margin: a table cell, a chart's label
            continue
        if any(h == last or (len(last) > 3 and h.startswith(last)) for h in headings):
            faults.append(f"page {page[0].page}: {last}")
    return faults


def contents_pages(pages: list[list[Line]], source: Source) -> set[int]:
    """The pages of the table of contents: from its title to its last entry."""
    if not source.contents_title:
        return set()
    title = flat(source.contents_title)
    first = next((p for p, page in enumerate(pages, 1) if any(flat(line.text) == title for line in page)), None)
    if first is None:
        return set()
    last = flat(source.contents[-1])[-12:] if source.contents else title
    for number in range(first, len(pages) + 1):
        if last in flat(" ".join(line.text for line in pages[number - 1])):
            return set(range(first, number + 1))
    return {first}


def parted_captions(pages: list[list[Line]], source: Source) -> list[str]:
    """Captions not on the page of their chart or table: split over two pages, or the last text of their page.

    Captions that say the same (every project's แผนการดำเนินงานรายไตรมาส) are checked each where it
    is printed, in order.
    """
    faults: list[str] = []
    wanted = [(caption, None) for caption in source.chart_captions] + list(source.table_captions)
    for caption in dict.fromkeys(c for c, _ in wanted):
        expected = [header for c, header in wanted if c == caption]
        found = _all_where(pages, caption)
        if len(found) < len(expected):
            faults.append(f"{caption[:40]}: printed {len(found)} times of {len(expected)}")
        for where, header in zip(found, expected, strict=False):
            if len(where) != 1:
                faults.append(f"{caption[:40]}: on pages {sorted(where)}")
                continue
            page, bottom = next(iter(where.items()))
            below = [line for line in pages[page - 1] if line.y0 >= bottom - 0.5]
            if header is None and not below:  # the chart (its axis labels are text) is not under it
                faults.append(f"{caption[:40]}: the last text of page {page}")
            elif header is not None and flat(header)[:12] not in flat(" ".join(x.text for x in below)):
                faults.append(f"{caption[:40]}: its table does not start under it on page {page}")
    return faults


def _all_where(pages: list[list[Line]], text: str) -> list[dict[int, float]]:
    """Every place the lines spell ``text`` (see :func:`_where`), in page order."""
    found: list[dict[int, float]] = []
    for page in pages:
        for line in page:
            where = _where_from(pages, line, text)
            if where:
                found.append(where)
    return found


def _where(pages: list[list[Line]], text: str) -> dict[int, float]:
    """The pages (and the bottom of the last line on each) of the first lines that spell ``text``."""
    found = _all_where(pages, text)
    return found[0] if found else {}


def _where_from(pages: list[list[Line]], line: Line, text: str) -> dict[int, float]:
    """The pages (and bottoms) of the lines from ``line`` on that spell ``text`` in one column, or nothing.

    A caption of a chart in a grid is read line by line across the grid's columns: its next line
    is the nearest line below it that starts where it starts.
    """
    wanted = flat(text)
    got = flat(line.text)
    if not got or not wanted.startswith(got):
        return {}
    where, current = {line.page: line.y1}, line
    while got != wanted:
        following = _next_in_column(pages, current)
        if following is None or not wanted.startswith(got + flat(following.text)):
            return {}
        got += flat(following.text)
        where[following.page] = max(where.get(following.page, 0.0), following.y1)
        current = following
    return where


def _next_in_column(pages: list[list[Line]], line: Line) -> Line | None:
    """The nearest line below ``line`` that starts where it starts; on the next page, its first such line."""
    below = [o for o in pages[line.page - 1] if abs(o.x0 - line.x0) < 3 and o.y0 > line.y0 + 1]
    if below:
        return min(below, key=lambda o: o.y0)
    if line.page < len(pages):
        column = [o for o in pages[line.page] if abs(o.x0 - line.x0) < 3]
        return min(column, key=lambda o: o.y0) if column else None
    return None


def parted_numbers(pages: list[list[Line]], source: Source) -> list[str]:
    """A number at the end of a line and the word after it at the start of the next, or a word and its number.

    A number holds on to the word on each side of it (``ร้อยละ 90``, ``90 บาท``, ``ที่ 21``), as
    :mod:`eduplan.render.linebreak` marks it in one text; a number beside a number (a list of years),
    or beside a bracket or a full stop, may part.
    """
    text = source.text
    faults: list[str] = []
    for before, after in _pairs(pages):
        number_end, number_start = _NUMBER_END.search(before.text), _NUMBER_START.search(after.text)
        word_end, word_start = _WORD_END.search(before.text), _WORD_START.search(after.text)
        if word_end is None or word_start is None:
            continue
        tail, head = word_end.group(), word_start.group()
        if (number_end is None) == (number_start is None):  # no number, or a number on each side
            continue
        if not _LETTER_WORD.match(head if number_end else tail[::-1]):  # a bracket or a full stop may part
            continue
        joined = [f"{tail} {head}", f"{tail}{head}"]
        if any(j in text for j in joined):
            faults.append(f"page {before.page}: {tail} / {head}")
    return faults


def wrong_contents(pages: list[list[Line]], source: Source) -> list[str]:
    """Entries of the contents whose printed page is not the page where their heading is.

    The contents' page numbers are the lines that end at the right edge of the contents' page with
    a number; the text before each (over one or more lines) is its entry.
    """
    if not source.contents:
        return []
    title_page = next((p for p, page in enumerate(pages) if _spells(page, source.contents[0])), None)
    if title_page is None:
        return ["the contents are not in the PDF"]
    printed: list[tuple[str, int]] = []
    pending = ""
    for page in pages[title_page:]:
        right = max(line.x1 for line in page)
        for line in page:
            number = _PAGE_NUMBER.search(line.text)
            if number and line.x1 > right - 1.5:
                printed.append((pending + flat(line.text[: number.start()]), _digits(number.group())))
                pending = ""
            else:
                pending += flat(line.text)
        if len(printed) >= len(source.contents):
            break
    texts = [flat(" ".join(line.text for line in page)) for page in pages]
    faults: list[str] = []
    if len(printed) < len(source.contents):
        faults.append(f"{len(source.contents)} entries, {len(printed)} page numbers")
    for entry, (said, page) in zip(source.contents, printed, strict=False):
        wanted = flat(entry)
        if not said.endswith(wanted):
            faults.append(f"{wanted[:30]}: printed as {said[-30:]}")
        elif not 0 < page <= len(pages) or page - 1 == title_page or wanted[:24] not in texts[page - 1]:
            faults.append(f"{wanted[:30]}: page {page} does not have its heading")
    return faults


def _spells(page: list[Line], text: str) -> bool:
    return flat(text)[:16] in flat(" ".join(line.text for line in page))


def _digits(text: str) -> int:
    return int("".join(str(unicodedata.digit(c)) for c in text))


def invisible_characters(pdf: Path) -> list[str]:
    """Zero-width spaces, word joiners, soft hyphens in the text layer (search and copy-paste would get them)."""
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True)
    return [f"{name}: {done.stdout.count(char)}" for char, name in _INVISIBLE.items() if char in done.stdout]
