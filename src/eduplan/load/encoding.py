"""Reading a plan file's bytes as text: the encodings plan files arrive in.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as they
are; Windows Thai (cp874) is read with a warning; anything else (Latin-1, invalid UTF-8, binary
files) is refused with a finding at the first byte that is not text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eduplan.findings import Finding, Severity, Span
from eduplan.i18n import _
from eduplan.load.codes import finding

__all__ = ["as_utf8", "decode", "readable", "utf8_text"]

_C1_OR_STRAY_MARK = re.compile("[\x80-\x9f]|[^\u0e01-\u0e4e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
"""Signs that bytes read as cp874 are not Thai: C1 controls, or a Thai vowel or tone mark
that follows no Thai letter (Latin-1 'é' read as cp874 is the tone mark ้)."""


def decode(data: bytes, file: str) -> tuple[str | None, list[Finding]]:
    """Turn a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, or cp874."""
    start = Span(file, 1, 1, 1, 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            message = _("the file starts like UTF-16 but is not: {reason}").format(reason=f"`{exc.reason}`")
            return None, [finding("YA05", message, start, hint=_("save it as UTF-8"))]
    if b"\x00" in data:
        message = _("the file is binary (it contains NUL bytes), not YAML text")
        return None, [finding("YA05", message, start, hint=_("name the plan's YAML file, not a document or a program"))]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _C1_OR_STRAY_MARK.search(text):
        warning = finding(
            "YA05", _("the file is not UTF-8; it was read as Windows Thai (cp874)"), start, hint=_("save it as UTF-8")
        )
        return text, [replace(warning, severity=Severity.WARNING)]
    line = data.count(b"\n", 0, utf8_error.start) + 1
    col = utf8_error.start - (data.rfind(b"\n", 0, utf8_error.start) + 1) + 1
    span = Span(file, line, col, line, col + 1)
    bad = data[utf8_error.start : utf8_error.start + 4].hex(" ")
    return None, [
        finding(
            "YA05",
            _("the file is neither UTF-8 nor Windows Thai (cp874): bytes {bytes}").format(bytes=f"`{bad}`"),
            span,
            hint=_("save it as UTF-8"),
        )
    ]


def as_utf8(data: bytes, file: str) -> tuple[bytes | None, list[Finding]]:
    """The file as UTF-8 bytes for libyaml: the bytes themselves when they are UTF-8 already.

    Handing libyaml bytes rather than text saves two copies of the file (the text, and the
    UTF-8 libyaml would make of it): a 50 MB plan needs 100 MB less.
    """
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data:
        try:
            data.decode("utf-8")  # checked only; a UTF-8 BOM is skipped by libyaml
        except UnicodeDecodeError:
            pass
        else:
            return data, []
    text, findings = decode(data, file)
    return (None if text is None else text.encode("utf-8")), findings


def readable(data: bytes) -> str:
    """The text of a file as :func:`decode` reads it, or with U+FFFD for what is not text (for showing lines)."""
    text, _ignored = decode(data, "")
    return text if text is not None else data.decode("utf-8", "replace").removeprefix("\ufeff")


def utf8_text(data: bytes) -> str | None:
    """The text of UTF-8 bytes, a byte-order mark kept as U+FEFF; ``None`` for any other encoding.

    For files eduplan edits and writes back as they were (an import), or reads as UTF-8 by
    standard (TOML).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None
