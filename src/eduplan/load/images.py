"""Images a plan names, such as the office's logo on the cover: read within bounds and checked as images.

A plan names its logo by a path relative to its folder (``office.logo: logo.png``). The file must
stay inside the folder (a plan from elsewhere must not carry ``/etc/...`` or ``../..`` into a published
document), be a regular file of at most :data:`MAX_IMAGE_BYTES`, and be a PNG, a JPEG or an SVG by
its content, not only by its name. An SVG is refused when it declares entities or a DOCTYPE, or links
to anything outside itself (its pictures must be embedded), so that every document stays one file
whatever draws it. Its size in pixels is read from the header; a logo too small to print sharply
is a warning.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path as FsPath
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from eduplan.findings import Finding, Span
from eduplan.i18n import _
from eduplan.load import files as disk
from eduplan.load.codes import finding
from eduplan.load.source import SourceMap
from eduplan.model import Plan

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "IMAGE_SUFFIXES",
    "MAX_IMAGE_BYTES",
    "MIN_LOGO_PIXELS",
    "Image",
    "ImageProblem",
    "image_findings",
    "plan_images",
    "read_image",
]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
"""What the name of an image a plan may name ends with (in any case); the content decides what it is."""
MAX_IMAGE_BYTES = 5_000_000
"""Largest image file read (5 MB): a logo is a few hundred kilobytes; every document embeds it."""
MAX_PIXELS = 10_000
"""Largest width or height in pixels: beyond it, an image is not a logo (and may be made to exhaust memory)."""
MIN_LOGO_PIXELS = 300
"""Fewest pixels across a logo prints sharply with (3 cm at 250 dpi)."""

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
_SVG_NS = "{http://www.w3.org/2000/svg}"
_HREFS = ("href", "{http://www.w3.org/1999/xlink}href")
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


@dataclass(frozen=True, slots=True)
class Image:
    """An image as documents embed it.

    Attributes:
        data: The file's bytes.
        mime: ``image/png``, ``image/jpeg`` or ``image/svg+xml``.
        width: Width in pixels (an SVG's own width, or its view box's), or None when it gives none.
        height: Height in pixels, or None.
    """

    data: bytes
    mime: str
    width: int | None
    height: int | None


class ImageProblem(ValueError):
    """Why a file cannot be used as an image (a message in the run's language)."""


def read_image(folder: FsPath, name: str) -> Image:
    """The image ``name`` of the plan in ``folder``, read and checked.

    Raises:
        ImageProblem: the name leaves the folder, the file cannot be read, or it is no PNG, JPEG or SVG.
    """
    relative = PurePosixPath(name.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or re.match(r"^[A-Za-z]:", name):
        raise ImageProblem(_("{name} is outside the plan's folder; put the image in the folder").format(name=name))
    path = folder / FsPath(*relative.parts)
    if not disk.exists(path):
        raise ImageProblem(_("{name}: no such file in the plan's folder").format(name=name))
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise ImageProblem(_("{name} links to a file outside the plan's folder").format(name=name))
    data, reason = disk.read_bounded(path, MAX_IMAGE_BYTES)
    if data is None:
        raise ImageProblem(_("{name}: cannot read the image: {reason}").format(name=name, reason=reason))
    return _sniffed(data, name)


def _sniffed(data: bytes, name: str) -> Image:
    if data.startswith(_PNG):
        if len(data) < 24 or data[12:16] != b"IHDR":
            raise ImageProblem(_("{name}: a damaged PNG file (no image header)").format(name=name))
        width, height = struct.unpack(">II", data[16:24])
        return _bounded(Image(data, "image/png", width, height), name)
    if data.startswith(_JPEG):
        size = _jpeg_size(data)
        if size is None:
            raise ImageProblem(_("{name}: a damaged JPEG file (no frame header)").format(name=name))
        return _bounded(Image(data, "image/jpeg", *size), name)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<?xml", b"<svg", b"<!--")) or b"<svg" in data[:4096]:
        return _bounded(_svg(data, name), name)
    raise ImageProblem(
        _("{name} is not a PNG, JPEG or SVG image; save the logo in one of these formats").format(name=name)
    )


def _bounded(image: Image, name: str) -> Image:
    if (image.width is not None and image.width > MAX_PIXELS) or (
        image.height is not None and image.height > MAX_PIXELS
    ):
        raise ImageProblem(
            _("{name} is {width}×{height} pixels, more than {most} on a side; make it smaller").format(
                name=name, width=image.width, height=image.height, most=MAX_PIXELS
            )
        )
    return image


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, walking its segments."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF and at + 9 <= len(data):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        at += 2 + length
    return None


def _svg(data: bytes, name: str) -> Image:
    """An SVG that stands alone: no DOCTYPE or entities, nothing linked from outside it."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ImageProblem(
            _("{name}: an SVG with a DOCTYPE or entities is not accepted; remove them").format(name=name)
        )
    from lxml import etree  # noqa: PLC0415  # only for an SVG: a plan without one does not pay for lxml

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImageProblem(_("{name}: not a valid SVG file ({reason})").format(name=name, reason=f"`{exc}`")) from None
    if root.tag != f"{_SVG_NS}svg":
        raise ImageProblem(_("{name}: the file is XML but not an SVG image").format(name=name))
    for element in root.iter():
        for attribute in _HREFS:
            target = (element.get(attribute) or "").strip()
            if target and not target.startswith(("#", "data:")):
                raise ImageProblem(
                    _("{name}: the SVG links to {target}; embed the picture in the SVG instead").format(
                        name=name, target=target
                    )
                )
    return Image(data, "image/svg+xml", *_svg_size(root))


def _svg_size(root: etree._Element) -> tuple[int | None, int | None]:
    width, height = _LENGTH.match(root.get("width") or ""), _LENGTH.match(root.get("height") or "")
    if width and height:
        return round(float(width[1])), round(float(height[1]))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            return None, None
    return None, None


def image_findings(plan: Plan, root: FsPath, source: SourceMap) -> list[Finding]:
    """The problems of the images a loaded plan names (its logo), at the key that names each."""
    name = plan.office.logo
    if name is None:
        return []
    path = ("office", "logo")
    span = source.span(path) or Span(str(root), 1, 1, 1, 1)
    folder = root if disk.is_dir(root) else root.parent
    try:
        image = read_image(folder, name)
    except ImageProblem as problem:
        return [finding("LD07", str(problem), span, path, hint=_("a logo is a PNG, JPEG or SVG file beside plan.yaml"))]
    if image.mime == "image/svg+xml" or image.width is None or image.height is None:
        return []
    if min(image.width, image.height) < MIN_LOGO_PIXELS:
        message = _("the logo {name} is {width}×{height} pixels: it prints blurred on the cover").format(
            name=name, width=image.width, height=image.height
        )
        hint = _("use an image of at least {pixels} pixels on its shorter side, or an SVG").format(
            pixels=MIN_LOGO_PIXELS
        )
        return [finding("LD08", message, span, path, hint=hint)]
    return []


def plan_images(plan: Plan, root: FsPath) -> dict[str, Image]:
    """The images a whole plan names (its logo), by the name it gives them, for its documents to embed.

    Raises:
        ImageProblem: an image cannot be read (the plan changed on disk since it was checked).
    """
    if plan.office.logo is None:
        return {}
    folder = root if disk.is_dir(root) else root.parent
    return {plan.office.logo: read_image(folder, plan.office.logo)}
