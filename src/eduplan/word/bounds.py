"""Limits on a .docx, checked before python-docx parses a byte of it.

python-docx parses every XML part of the package into memory (lxml, entities not resolved), so,
in this order, as :mod:`eduplan.sheet.bounds` does for workbooks:

1. the file is at most :data:`MAX_DOCX_BYTES` and a zip archive holding ``word/document.xml``;
2. its members decompress to at most :data:`MAX_UNZIPPED_BYTES` together, no member that
   decompresses to more than 1 MB is compressed more than :data:`~eduplan.load.zipped.MAX_RATIO` times (a zip bomb),
   and the document part is at most :data:`MAX_DOCUMENT_BYTES`;
3. the body holds at most :data:`MAX_PARAGRAPHS` paragraphs and :data:`MAX_CELLS` table cells.

A plan book of 200 pages is far inside each limit (about 3 MB of XML, 5,000 paragraphs, 4,000 cells).
"""

from __future__ import annotations

import re
import zipfile

from eduplan.errors import UsageError
from eduplan.i18n import _
from eduplan.load.zipped import open_zip

__all__ = ["MAX_CELLS", "MAX_DOCX_BYTES", "MAX_DOCUMENT_BYTES", "MAX_PARAGRAPHS", "check_docx"]

MAX_DOCX_BYTES = 50_000_000
"""Largest .docx read (50 MB: pictures make plan books large)."""
MAX_UNZIPPED_BYTES = 200_000_000
"""Most bytes the members may decompress to, together (pictures included)."""
MAX_DOCUMENT_BYTES = 30_000_000
"""Largest document part (``word/document.xml``) read."""
MAX_PARAGRAPHS = 200_000
"""Most paragraphs in the document part (table cells' paragraphs included)."""
MAX_CELLS = 100_000
"""Most table cells in the document part."""

_PARAGRAPH = re.compile(rb"<w:p[\s>/]")
_CELL = re.compile(rb"<w:tc[\s>/]")
DOCUMENT = "word/document.xml"


def check_docx(data: bytes, name: str) -> None:
    """Refuse a file that is too large, not a .docx, a zip bomb or a document too long to be one plan.

    Raises:
        UsageError: one line saying which limit, with its number.
    """
    archive = open_zip(
        data,
        name,
        # TRANSLATORS: what the file should be, in "plan.docx: not a Word .docx file (it is not a zip archive)"
        kind=_("a Word .docx file"),
        # TRANSLATORS: the file as load/zipped.py's messages name it ("the document is larger than 50 MB")
        noun=_("document"),
        max_bytes=MAX_DOCX_BYTES,
        max_unzipped=MAX_UNZIPPED_BYTES,
        # TRANSLATORS: the end of "plan.docx: not a Word .docx file (it is not a zip archive; save it as .docx in Word)"
        advice=_("; save it as .docx in Word"),
    )
    with archive:
        if DOCUMENT not in {m.filename for m in archive.infolist()}:
            message = _("{file}: not a Word .docx file (it holds no {part}; save it as .docx in Word)")
            raise UsageError(message.format(file=name, part=DOCUMENT))
        document = archive.getinfo(DOCUMENT)
        if document.file_size > MAX_DOCUMENT_BYTES:
            message = _(
                "{file}: the document's text is {size:,.0f} MB of XML, more than eduplan reads ({limit} MB); "
                "import the plan's chapters as separate files"
            )
            raise UsageError(
                message.format(file=name, size=document.file_size / 10**6, limit=MAX_DOCUMENT_BYTES // 10**6)
            )
        try:
            xml = archive.read(DOCUMENT)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            message = _("{file}: not a readable .docx ({part}: {error})")
            raise UsageError(message.format(file=name, part=DOCUMENT, error=exc)) from None
    if sum(1 for _match in _PARAGRAPH.finditer(xml)) > MAX_PARAGRAPHS:
        message = _("{file}: the document holds more than {limit:,} paragraphs; eduplan imports one plan")
        raise UsageError(message.format(file=name, limit=MAX_PARAGRAPHS))
    if sum(1 for _match in _CELL.finditer(xml)) > MAX_CELLS:
        message = _("{file}: the document holds more than {limit:,} table cells; eduplan imports one plan")
        raise UsageError(message.format(file=name, limit=MAX_CELLS))
