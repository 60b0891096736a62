"""The Thai font embedded in every HTML document: Sarabun (SIL OFL 1.1), from ``fontpkg-sarabun``.

TH Sarabun PSK, the font Thai official documents use, is not redistributable on PyPI; Sarabun is
its open redesign by Cadson Demak. Embedding it as base64 ``@font-face`` data makes the HTML one
self-contained file that looks the same on every machine and prints the same through Chromium.
TTF files, not OTF: Chromium turns CFF outlines into Type 3 fonts in PDFs.
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass
from importlib import resources

from eduplan.errors import EduplanError
from eduplan.i18n import _

__all__ = ["FAMILY", "FontFace", "font_faces"]

FAMILY = "Sarabun"
_PACKAGE = "fontpkg_sarabun"
_FILES = (("Sarabun-Regular.ttf", 400, "normal"), ("Sarabun-Bold.ttf", 700, "normal"))


@dataclass(frozen=True, slots=True)
class FontFace:
    """One embedded font file, as an ``@font-face`` rule needs it.

    Attributes:
        family: CSS font-family name.
        weight: CSS font-weight (400 regular, 700 bold).
        style: CSS font-style.
        file: File name in the font package.
        data: The TTF file, base64-encoded (only ``A-Z a-z 0-9 + / =``).
    """

    family: str
    weight: int
    style: str
    file: str
    data: str


@functools.cache
def font_faces() -> tuple[FontFace, ...]:
    """Regular and bold Sarabun, read from the installed ``fontpkg-sarabun`` package.

    Raises:
        EduplanError: the package (a dependency of eduplan) is missing or incomplete.
    """
    try:
        root = resources.files(_PACKAGE).joinpath("files")
        faces = tuple(
            FontFace(FAMILY, weight, style, name, base64.b64encode(root.joinpath(name).read_bytes()).decode("ascii"))
            for name, weight, style in _FILES
        )
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        message = _("the Sarabun font is missing ({error}); reinstall eduplan or run `pip install fontpkg-sarabun`")
        raise EduplanError(message.format(error=exc)) from None
    return faces
