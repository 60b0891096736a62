"""Word output: a document's HTML laid out again as a .docx that an office finishes in Word.

The HTML eduplan prints its PDF from is the one source of every format's content and order, so
the .docx is made from it (as Pandoc reads HTML), element by element: headings become Word's
heading styles (Word's own table of contents and navigation pane work), paragraphs and lists
become paragraphs in the document's styles, tables become Word tables whose header rows repeat on
every page and whose rows do not split, and each chart (an SVG) becomes a PNG picture with its
caption (:mod:`eduplan.render.htmlparts` reads the HTML's tables, content and charts;
:mod:`eduplan.render.docxparts` knows Word's parts). What an office restyles in Word is the
styles: a ``reference.docx`` (the plan folder's, or ``--reference``) gives them, with its margins,
header, footer and logo, and eduplan writes only the body.

Thai needs what Word calls the complex-script properties: Word picks the font, size, bold and
language of Thai text from the ``w:cs``/``w:szCs``/``w:bCs``/``w:lang w:bidi`` slots, not from
the Latin ones, so every style and every run carries both (TH Sarabun New, body 16 pt, the
size the Cabinet's resolution on national fonts asks for, language th-TH); Word and LibreOffice
then break Thai lines between words with their own dictionaries.

The file is the same bytes for the same input: the package's parts are written in a fixed order
with the document's own time (``SOURCE_DATE_EPOCH``, or the plan's edition date), never the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html
from lxml.etree import _Element

from eduplan.errors import EduplanError
from eduplan.i18n import _, ngettext
from eduplan.render.docxparts import (
    SIZES,
    TABLE_STYLE,
    complex_script,
    deterministic,
    field_begin,
    field_end,
    house_styles,
    page,
    table_style,
    widths,
)
from eduplan.render.htmlparts import children, data_image, owning_table, picture, table_grid, text_of
from eduplan.word.bounds import check_docx
from eduplan.words.labels import Labels

__all__ = ["Reference", "html_to_docx"]

Reference = tuple[bytes, str]
"""A reference document: its bytes and its name for messages."""

_LANGUAGE = {"th": "th-TH", "en": "en-US"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "dl", "table", "figure", "section", "div", "header"}
_SPACE = re.compile(r"\s+")
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_CHART_WIDTH = Cm(7.5)
_CHARTS_PER_ROW = 2
_COMPACT_WIDTH = Cm(5)
_COMPACT_PER_ROW = 3
"""Compact charts (``render --charts compact``): smaller, three to a row."""
_IMAGE_HEIGHT = Cm(3.5)
"""The height of an image of the document (the logo on the cover)."""
_SIGNATURE_INDENT = Cm(7)
"""A signature stands on the right half of the text."""


def html_to_docx(
    text: str,
    labels: Labels,
    *,
    reference: Reference | None = None,
    when: dt.datetime | None = None,
    warnings: list[str] | None = None,
) -> bytes:
    """The .docx of a document's HTML (``text``): its body in ``reference``'s styles, or eduplan's.

    ``labels`` are the document's words (its language, the table of contents' title); ``reference``
    is a Word document's bytes and name, read by the caller (its body is dropped, its styles,
    page setup, header and footer kept). What the document leaves out is said in ``warnings``: the
    charts, with their captions kept, when librsvg is not installed to draw them (Windows).

    Raises:
        EduplanError: the reference document cannot be read as a Word document, or a chart cannot be drawn.
    """
    document = _open(reference)
    writer = _Writer(document, labels)
    root = lxml_html.document_fromstring(text)
    writer.draw_charts(root, text)
    writer.marked_toc = bool(root.xpath("//nav[@data-toc]"))
    body = root.find("body")
    writer.blocks(body if body is not None else root)
    writer.finish()
    if writer.missing_charts and warnings is not None:
        warnings.append(
            ngettext(
                "{count} chart is left out of the Word document (its caption is kept): rsvg-convert (librsvg) "
                "is not installed to draw it (Debian and Ubuntu: apt install librsvg2-bin)",
                "{count} charts are left out of the Word document (their captions are kept): rsvg-convert "
                "(librsvg) is not installed to draw them (Debian and Ubuntu: apt install librsvg2-bin)",
                writer.missing_charts,
            ).format(count=writer.missing_charts)
        )
    if writer.missing_images and warnings is not None:
        warnings.append(
            _(
                "the logo is left out of the Word document: rsvg-convert (librsvg) is not installed to draw "
                "the SVG (Debian and Ubuntu: apt install librsvg2-bin)"
            )
        )
    return deterministic(document, when)


def _open(reference: Reference | None) -> Document:
    if reference is None:
        document = docx.Document()
        house_styles(document)
        page(document)
        return document
    data, name = reference
    check_docx(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, XML and key errors for a file that is no .docx
        raise EduplanError(
            _("{file}: not a Word document (.docx) to take the styles from: {problem}").format(file=name, problem=exc)
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    table_style(document)
    return document


class _Writer:
    """Walks the HTML and appends to the document; knows where it is (the cell being filled)."""

    def __init__(self, document: Document, labels: Labels) -> None:
        self.document = document
        self.labels = labels
        self.lang = _LANGUAGE[labels.lang]
        self.missing_charts = 0
        self.missing_images = 0
        self.headings: list[tuple[int, str]] = []
        self._by_name: dict[str, Any] = {}
        self._sizes: dict[str, float] = {}  # style id -> its point size
        self._charts: dict[_Element, bytes | None] = {}
        self._toc: Paragraph | None = None
        self.marked_toc = False
        """Whether the HTML marks where the contents go (``<nav data-toc>``); else they follow the cover."""

    # -- blocks

    def blocks(self, element: _Element, container: Any = None) -> None:
        """Every block element under ``element``, in order, into ``container`` (the body or a cell)."""
        target = self.document if container is None else container
        loose: list[Any] = []  # inline content between blocks: one paragraph
        for child in children(element, with_text=True):
            if isinstance(child, str) or child.tag not in _BLOCKS | {"li", "dt", "dd", "footer", "main", "nav"}:
                loose.append(child)
                continue
            self._loose(loose, target)
            self.block(child, target)
        self._loose(loose, target)

    def _loose(self, loose: list[Any], target: Any) -> None:
        if loose and "".join(text_of(x) for x in loose).strip():
            paragraph = self._paragraph(target)
            for piece in loose:
                self.inline(paragraph, piece)
            _trim(paragraph)
        loose.clear()

    def block(self, element: _Element, target: Any) -> None:  # noqa: C901  # one branch per HTML element
        """One block element."""
        tag = element.tag
        classes = set((element.get("class") or "").split())
        if tag == "div" and "charts" in classes:
            self.charts(element, target)
        elif tag == "div" and "signature" in classes:
            self.signature(element, target)
        elif tag == "nav" and element.get("data-toc") is not None:
            self.contents_here()  # the templates' place for the contents: Word's TOC field
        elif tag in ("section", "div", "main", "nav", "footer"):
            self.blocks(element, None if target is self.document else target)
            if tag == "section" and "front" in classes and target is self.document:
                self._page_break()  # the approval page and the foreword stand on pages of their own
            if tag == "footer":
                return
        elif tag == "header":
            self.cover(element)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(tag[1]) - 1
            style = "Title" if level == 0 else f"Heading {min(level, 4)}"
            paragraph = self._paragraph(target, style)
            self.inline(paragraph, element, bold=target is not self.document)
            _trim(paragraph)
            paragraph.paragraph_format.keep_with_next = True
            if "part" in classes:
                paragraph.paragraph_format.page_break_before = True  # a part of the book starts a page
            if target is self.document and 1 <= level <= 3:
                self.headings.append((level, paragraph.text))
        elif tag == "p":
            paragraph = self._paragraph(target)
            self.inline(paragraph, element)
            _trim(paragraph)
            if classes & {"vision", "quote", "signature"}:  # a signature block's lines are centred
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag in ("ol", "ul"):
            for item in element.iterchildren("li"):
                self.item(item, target, numbered=tag == "ol")
        elif tag == "li":
            self.item(element, target, numbered=False)
        elif tag == "dl":
            for child in element.iterchildren():
                if child.tag in ("dt", "dd"):
                    paragraph = self._paragraph(target)
                    self.inline(paragraph, child, bold=child.tag == "dt")
                    _trim(paragraph)
                    if child.tag == "dd":
                        paragraph.paragraph_format.left_indent = Cm(1)
                    else:
                        paragraph.paragraph_format.keep_with_next = True
        elif tag in ("dt", "dd"):
            paragraph = self._paragraph(target)
            self.inline(paragraph, element, bold=tag == "dt")
            _trim(paragraph)
        elif tag == "table":
            self.table(element, target)
        elif tag == "figure":
            self.figure(element, target)

    def cover(self, element: _Element) -> None:
        """The cover: the office, the title and the metadata, centred; then the table of contents, on its own page."""
        for child in element.iterchildren():
            if child.tag == "dl":
                for term, value in zip(child.iterchildren("dt"), child.iterchildren("dd"), strict=False):
                    paragraph = self.document.add_paragraph()
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    self.inline(paragraph, term, bold=True)
                    self._run(paragraph, "  ")
                    self.inline(paragraph, value)
                continue
            before = len(self.document.paragraphs)
            self.block(child, self.document)
            for paragraph in self.document.paragraphs[before:]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._page_break()
        if not self.marked_toc:
            self.contents_here()

    def contents_here(self) -> None:
        """The table of contents (its title and Word's TOC field), on a page of its own; once in a document."""
        if self._toc is None:
            title = self.document.add_paragraph(
                style="TOC Heading" if _has_style(self.document, "TOC Heading") else None
            )
            self._run(title, self.labels["contents"], bold=True)
            self._toc = self.document.add_paragraph()
            self._page_break()

    def signature(self, element: _Element, target: Any) -> None:
        """A signature block: its lines centred on the right half of the page, as Thai official documents sign."""
        before = len(target.paragraphs)
        self.blocks(element, None if target is self.document else target)
        for paragraph in target.paragraphs[before:]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.left_indent = _SIGNATURE_INDENT
            paragraph.paragraph_format.keep_with_next = True

    def item(self, element: _Element, target: Any, *, numbered: bool) -> None:
        """A list item: its own number as written (``1.2.1``), or a bullet; nested lists below it."""
        paragraph = self._paragraph(target)
        paragraph.paragraph_format.left_indent = Cm(1)
        paragraph.paragraph_format.first_line_indent = Cm(-0.75)
        has_number = any("num" in (c.get("class") or "").split() for c in element.iterchildren())
        if not numbered or not has_number:
            self._run(paragraph, "• " if not numbered else "")
        nested = [c for c in element.iterchildren() if c.tag in ("ol", "ul", "table", "p", "div", "dl")]
        for piece in children(element, with_text=True):
            if not isinstance(piece, str) and piece in nested:
                continue
            self.inline(paragraph, piece)
        _trim(paragraph)
        for child in nested:
            self.block(child, target)

    def table(self, element: _Element, target: Any) -> None:
        """A table with its merged cells; header rows repeat on every page, rows never split."""
        rows = [(tr, tr.getparent().tag == "thead") for tr in element.iter("tr") if owning_table(tr) is element]
        grid = table_grid([tr for tr, _head in rows])
        if not grid.cells:
            return
        table = target.add_table(rows=len(rows), cols=grid.width)
        table.style = self._styles("Table Grid")
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for index, (_tr, head) in enumerate(rows):
            trpr = table.rows[index]._tr.get_or_add_trPr()
            trpr.append(OxmlElement("w:cantSplit"))
            if head:
                trpr.append(OxmlElement("w:tblHeader"))
        widths(table, grid.weights())
        cells = table._cells
        for (row, col, rowspan, colspan), cell_element in grid.cells.items():
            # one snapshot of the cells: table.cell() walks the whole table at every call
            cell = cells[row * grid.width + col]
            if rowspan > 1 or colspan > 1:
                cell = cell.merge(cells[(row + rowspan - 1) * grid.width + col + colspan - 1])
            self.cell(cell, cell_element, head=cell_element.tag == "th")

    def cell(self, cell: _Cell, element: _Element, *, head: bool) -> None:
        """A table cell's content: its inline text in the first paragraph, its blocks after."""
        first = cell.paragraphs[0]
        self._style(first, TABLE_STYLE)
        if any(not isinstance(c, str) and c.tag in _BLOCKS | {"li"} for c in children(element)):
            self.blocks(element, cell)
            if not first.text and len(cell.paragraphs) > 1:
                first._p.getparent().remove(first._p)
        else:
            self.inline(first, element, bold=head)
            _trim(first)
        if head:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        classes = set((element.get("class") or "").split())
        if classes & {"num", "target", "c-year", "c-num"}:
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def draw_charts(self, root: _Element, text: str) -> None:
        """Draw every chart of the document as a PNG, four at a time (each is one run of librsvg).

        The SVG is taken as eduplan wrote it (the HTML parser would lowercase ``viewBox``): the
        ``<svg>`` elements of the text and of the tree, in the same order.
        """
        sources = [m.encode("utf-8") for m in _SVG.findall(text)]
        elements = list(root.iter("svg"))
        if len(sources) != len(elements):
            raise EduplanError(_("the document's charts cannot be told apart (an <svg> inside another)"))
        with ThreadPoolExecutor(max_workers=4) as pool:
            pictures = list(pool.map(picture, dict.fromkeys(sources)))
        drawn = dict(zip(dict.fromkeys(sources), pictures, strict=True))
        self._charts = {element: drawn[source] for element, source in zip(elements, sources, strict=True)}

    def charts(self, element: _Element, target: Any) -> None:
        """A gallery of charts: two to a row of a table without borders (compact: three), each with its caption."""
        figures = list(element.iterchildren("figure"))
        if not figures:
            return
        compact = "compact" in (element.get("class") or "").split()
        per_row, width = (_COMPACT_PER_ROW, _COMPACT_WIDTH) if compact else (_CHARTS_PER_ROW, _CHART_WIDTH)
        rows = -(-len(figures) // per_row)
        table = target.add_table(rows=rows, cols=per_row)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for index, figure in enumerate(figures):
            cell = table.rows[index // per_row].cells[index % per_row]
            self.figure(figure, cell, width)
            first = cell.paragraphs[0]
            if not first.text and not first.runs and len(cell.paragraphs) > 1:
                first._p.getparent().remove(first._p)
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    def figure(self, element: _Element, target: Any, width: Any = _CHART_WIDTH) -> None:
        """A chart: its SVG as a PNG picture (librsvg) ``width`` wide, its caption under it, kept together."""
        svg = next(element.iter("{http://www.w3.org/2000/svg}svg", "svg"), None)
        if svg is not None:
            png = self._charts.get(svg)
            if png is None:
                self.missing_charts += 1
            else:
                paragraph = self._paragraph(target)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = True
                paragraph.add_run().add_picture(io.BytesIO(png), width=width)
        for caption in element.iter("figcaption"):
            paragraph = self._paragraph(target, "Caption")
            self.inline(paragraph, caption)
            _trim(paragraph)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        others = [c for c in element.iterchildren() if c.tag not in ("figcaption", "svg") and c.tag in _BLOCKS]
        for child in others:
            self.block(child, target)

    # -- inline content

    def inline(self, paragraph: Paragraph, piece: Any, *, bold: bool = False, italic: bool = False) -> None:
        """Text and inline elements as runs; ``<strong>``/``<b>`` bold, ``<em>``/``<i>`` italic, ``<br>`` a break."""
        if isinstance(piece, str):
            self._run(paragraph, piece, bold=bold, italic=italic)
            return
        tag = piece.tag if isinstance(piece.tag, str) else ""
        if tag in ("script", "style", "svg") or not tag:
            return
        if tag == "img":
            self.image(paragraph, piece)
            return
        if tag == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            return
        bold = bold or tag in ("strong", "b", "th")
        italic = italic or tag in ("em", "i")
        for child in children(piece, with_text=True):
            self.inline(paragraph, child, bold=bold, italic=italic)
        if "num" in (piece.get("class") or "").split() and tag == "span":
            self._run(paragraph, "\t" if paragraph.paragraph_format.first_line_indent else " ")

    def image(self, paragraph: Paragraph, element: _Element) -> None:
        """An image the document embeds (the cover's logo, a ``data:`` address): a picture in the paragraph.

        An SVG is drawn as a PNG by librsvg; without it, the image is left out and a warning says so.
        """
        found = data_image(element.get("src") or "")
        if found is None:
            return
        mime, data = found
        png = picture(data) if mime == "image/svg+xml" else data
        if png is None:
            self.missing_images += 1
            return
        paragraph.add_run().add_picture(io.BytesIO(png), height=_IMAGE_HEIGHT)

    def _run(self, paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
        text = _SPACE.sub(" ", text)
        if not text:
            return
        if paragraph.runs and not paragraph.runs[-1].text.strip() and not text.strip():
            return  # one space between words, as HTML shows them
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        size = self._sizes.get(paragraph._p.style or "", SIZES["Normal"])
        complex_script(run._r.get_or_add_rPr(), size=size, bold=bold or None, lang=self.lang)

    def _contents(self, anchor: Paragraph) -> None:
        """The ``TOC`` field from ``anchor`` on: one paragraph per heading, in the styles ``TOC 1`` to ``TOC 3``."""
        entries = self.headings or [(1, self.labels["contents_update"])]
        paragraph = anchor
        for index, (level, text) in enumerate(entries):
            if index:
                following = OxmlElement("w:p")
                paragraph._p.addnext(following)
                paragraph = Paragraph(following, anchor._parent)
            name = f"toc {level}"
            if _has_style(self.document, name):
                self._style(paragraph, name)
            paragraph.paragraph_format.left_indent = Cm(0.75 * (level - 1))
            if index == 0:
                field_begin(paragraph, 'TOC \\o "1-3" \\h \\z \\u')
            self._run(paragraph, text)
        field_end(paragraph)

    def _paragraph(self, target: Any, style: str | None = None) -> Paragraph:
        """A new paragraph at the end of ``target``: in ``style`` in the body, in the style ``Table Text`` in a cell."""
        paragraph: Paragraph = target.add_paragraph()
        name = TABLE_STYLE if isinstance(target, _Cell) else style
        if name is not None:
            self._style(paragraph, name)
        return paragraph

    def _styles(self, name: str) -> Any:
        """The style ``name`` (looked up once: python-docx searches every style at each lookup)."""
        if name not in self._by_name:
            self._by_name[name] = self.document.styles[name]
        return self._by_name[name]

    def _style(self, paragraph: Paragraph, name: str) -> None:
        """Put ``paragraph`` in the style ``name``; its runs take the style's size in their complex-script slot."""
        style_id = self._styles(name).style_id
        paragraph._p.style = style_id  # not paragraph.style =: python-docx searches every style each time
        self._sizes[style_id] = SIZES.get(name, SIZES["Normal"])

    def _page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def finish(self) -> None:
        """Fill in the table of contents; ask Word to update its fields (page numbers) when the file is opened.

        The field's text is the headings themselves, so that a reader who does not update it (or a
        program that cannot) still sees the contents; Word replaces it with page numbers and links.
        """
        if self._toc is not None:
            self._contents(self._toc)
        settings = self.document.settings.element
        update = settings.find(qn("w:updateFields"))
        if update is None:
            update = OxmlElement("w:updateFields")
            settings.append(update)
        update.set(qn("w:val"), "true")


def _trim(paragraph: Paragraph) -> None:
    """No space at the start or the end of a paragraph (HTML does not show them)."""
    runs = [r for r in paragraph.runs if r.text]
    if runs:
        runs[0].text = runs[0].text.lstrip(" ")
        runs[-1].text = runs[-1].text.rstrip(" ")


def _has_style(document: Document, name: str) -> bool:
    return any(style.name is not None and style.name.lower() == name.lower() for style in document.styles)
