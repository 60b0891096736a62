"""Zip archives read within limits (a workbook, a Word document), checked before any XML is parsed.

Both an .xlsx and a .docx are zip archives whose parsers hold every member in memory; a file of a
few kilobytes can decompress to gigabytes. :func:`open_zip` refuses, in this order, a file larger
than its limit, one that is no zip archive, members that decompress to more than a limit together,
and a large member compressed more than :data:`MAX_RATIO` times (a zip bomb).
"""

from __future__ import annotations

import io
import zipfile

from eduplan.errors import UsageError
from eduplan.i18n import _

__all__ = ["MAX_RATIO", "open_zip"]

MAX_RATIO = 100
"""Highest compression ratio of a member that decompresses to more than 1 MB."""
_RATIO_FROM = 1_000_000


def open_zip(
    data: bytes, name: str, *, kind: str, noun: str, max_bytes: int, max_unzipped: int, advice: str = ""
) -> zipfile.ZipFile:
    """The archive of ``data``, open, once it is within the limits; the caller closes it (``with``).

    Args:
        data: The file's bytes.
        name: The file's name, as messages show it.
        kind: What the file should be, for messages: "an XLSX workbook", "a Word .docx file".
        noun: The file as messages name it: "workbook", "document".
        max_bytes: The largest file accepted.
        max_unzipped: The most bytes the members may decompress to, together.
        advice: What to do when the file is no zip archive, such as "; save it as .docx in Word".

    Raises:
        UsageError: one line saying which limit, with its number.
    """
    if len(data) > max_bytes:
        raise UsageError(
            _("{name}: the {noun} is larger than {limit} MB").format(name=name, noun=noun, limit=max_bytes // 10**6)
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UsageError(
            _("{name}: not {kind} (it is not a zip archive{advice})").format(name=name, kind=kind, advice=advice)
        ) from None
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    problem = None
    if total > max_unzipped:
        problem = _("the {noun} decompresses to {size} MB, more than eduplan reads ({limit} MB)").format(
            noun=noun, size=f"{total / 10**6:,.0f}", limit=max_unzipped // 10**6
        )
    bombs = [m for m in members if m.file_size > _RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1)]
    if problem is None and bombs:
        bomb = bombs[0]
        problem = _(
            "{member} is compressed {ratio} times (more than {limit}): a zip bomb, not a {noun} eduplan reads"
        ).format(
            member=bomb.filename,
            ratio=f"{bomb.file_size // max(bomb.compress_size, 1):,}",
            limit=MAX_RATIO,
            noun=noun,
        )
    if problem is not None:
        archive.close()
        raise UsageError(f"{name}: {problem}")
    return archive
