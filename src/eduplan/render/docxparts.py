"""The parts of a Word document that are not the HTML's content: styles, page, fields, Thai run properties, bytes.

:mod:`eduplan.render.docx` walks the HTML; this module knows Word: the house styles (the national
font in the Latin and the complex-script slots, Thai sizes), the A4 page with the margins of Thai
official documents and the page number, fields (``PAGE``, ``TOC``), column widths, and the
package written with the document's own time so that the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

__all__ = [
    "FONT",
    "SIZES",
    "TABLE_STYLE",
    "TEXT_WIDTH",
    "complex_script",
    "deterministic",
    "field",
    "field_begin",
    "field_end",
    "house_styles",
    "page",
    "table_style",
    "widths",
]

FONT = "TH Sarabun New"
"""The national font (ฟอนต์สารบรรณ) offices have; Word substitutes its metric twin where it is missing."""
BLACK = RGBColor(0, 0, 0)
TABLE_STYLE = "Table Text"
"""The paragraph style of table cells (an office may restyle it in its reference document)."""
SIZES = {
    "Normal": 16,
    "Title": 26,
    "Heading 1": 20,
    "Heading 2": 18,
    "Heading 3": 16,
    "Heading 4": 16,
    "Caption": 14,
    TABLE_STYLE: 14,
}
"""Point sizes of the styles eduplan uses (body 16 pt, as the Cabinet's resolution on national fonts asks)."""
TEXT_WIDTH = Cm(16)
"""A4 less the margins of Thai official documents (3 cm left, 2 cm right)."""
CHARACTER = Cm(0.28)
"""About the width of a bold digit of the table font (14 pt)."""
MARGIN = Cm(0.1)
"""A cell's margin on each side (Word's default, 0.19 cm, takes too much of nine columns on A4)."""
PADDING = 2 * MARGIN + Cm(0.02)
"""What a cell takes besides its text."""
_EPOCH = dt.datetime(1980, 1, 1)


def table_style(document: Document) -> None:
    """Add the paragraph style of table cells when the document (a reference an office gave) has none."""
    if not any(style.name == TABLE_STYLE for style in document.styles):
        style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(SIZES[TABLE_STYLE])
        complex_script(style.element.get_or_add_rPr(), size=SIZES[TABLE_STYLE])
        style.paragraph_format.space_after = Pt(0)


def house_styles(document: Document) -> None:
    """The house look: the national font in both script slots, Thai sizes, black headings."""
    table_style(document)
    for name, size in SIZES.items():
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        complex_script(style.element.get_or_add_rPr(), size=size, bold=name.startswith(("Heading", "Title")))
        style.font.color.rgb = BLACK  # Word's template colours headings and captions in its theme's blue
        if name.startswith(("Heading", "Title")):
            style.font.bold = True
            style.font.italic = False
    document.styles["Normal"].paragraph_format.space_after = Pt(4)
    document.styles["Caption"].font.italic = False


def page(document: Document) -> None:
    """A4 with the margins of Thai official documents, and the page number at the foot."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field(footer, "PAGE", "1")


def complex_script(rpr: Any, *, size: float | None = None, bold: bool | None = None, lang: str = "th-TH") -> None:
    """Set the font, size, bold and language of complex scripts (Thai) in a run's or style's properties."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    if bold is not None:
        _flag(rpr, "w:bCs", bold)
    if size is not None:
        _value(rpr, "w:szCs", str(round(size * 2)))
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), lang if lang != "th-TH" else "en-US")
    language.set(qn("w:bidi"), "th-TH")


def _flag(rpr: Any, tag: str, on: bool) -> None:
    element = rpr.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        rpr.append(element)
    if not on:
        element.set(qn("w:val"), "0")


def _value(rpr: Any, tag: str, value: str) -> None:
    element = rpr.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        rpr.append(element)
    element.set(qn("w:val"), value)


def field(paragraph: Paragraph, code: str, shown: str) -> None:
    """A Word field (``PAGE``) with the text shown until Word updates it, within one paragraph."""
    field_begin(paragraph, code)
    paragraph.add_run(shown)
    field_end(paragraph)


def field_begin(paragraph: Paragraph, code: str) -> None:
    """The start of a field and its code; its text follows, in this paragraph or the next ones."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    for element in (begin, instr, separate):
        paragraph.add_run()._r.append(element)


def field_end(paragraph: Paragraph) -> None:
    """The end of the field begun in this paragraph or an earlier one."""
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def widths(table: Table, columns: list[tuple[float, float]]) -> None:
    """Share the text width among the table's columns: each gets what it needs, the rest goes where it is wanted.

    ``columns`` are ``(need, want)`` in characters of the body font (:data:`CHARACTER`): the
    longest word that cannot break, and the longest text.
    """
    need = [n * CHARACTER + PADDING for n, _want in columns]
    spare = max(0, TEXT_WIDTH - sum(need))
    extra = [max(0.0, w - n) for n, w in columns]
    total = sum(extra) or 1.0
    sizes = [int(base + spare * more / total) for base, more in zip(need, extra, strict=True)]
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(MARGIN // 635))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    grid = table._tbl.tblGrid
    for col, size in zip(grid.findall(qn("w:gridCol")), sizes, strict=False):
        col.set(qn("w:w"), str(size // 635))  # EMU to twentieths of a point
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            if index < len(sizes):
                cell.width = sizes[index]


def deterministic(document: Document, when: dt.datetime | None) -> bytes:
    """The package's bytes with the document's time in its properties and its zip entries."""
    stamp = (when or _EPOCH).replace(tzinfo=None)
    core = document.core_properties
    core.author = core.last_modified_by = "eduplan"
    core.created = core.modified = stamp
    core.revision = 1
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype.endswith("/thumbnail"):  # a picture of the template's first page, not of this document
            del package.rels[key]
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=max(stamp, _EPOCH).timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
